"""API for realizations and the triwulan workflow: the services, validation and permissions of the pages."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from kinerja.models import Indikator, PelaporanTriwulan, Realisasi
from kinerja.services import realisasi as services
from opd.models import Opd
from sipd import access
from sipd.api.views import RestrictedReadOnlyViewSet
from sipd.formatting import format_isian

GALAT = inline_serializer("Galat", {"detail": serializers.CharField()})
KONFLIK = inline_serializer(
    "KonflikSel", {"detail": serializers.CharField(), "sekarang": serializers.CharField(allow_null=True)}
)


class RealisasiSerializer(serializers.ModelSerializer):
    opd = serializers.IntegerField(source="indikator.opd_id", read_only=True)

    class Meta:
        model = Realisasi
        fields = [
            "id", "indikator", "opd", "tahun", "triwulan", "nilai", "faktor_pendorong", "faktor_penghambat",
            "tindak_lanjut", "diubah",
        ]  # fmt: skip


@extend_schema_field({"oneOf": [{"type": "number"}, {"type": "string"}], "nullable": True})
class AngkaAtauTeks(serializers.Field):
    """A number as JSON (12.5) or as typed on the page in Indonesian format ("12,5"); null clears it."""

    def to_internal_value(self, data):
        if data is None:
            return ""
        if isinstance(data, bool):
            raise serializers.ValidationError("Nilai tidak valid.")
        if isinstance(data, int | float):
            return format_isian(Decimal(str(data)))
        return str(data)

    def to_representation(self, value):
        return value


class SimpanSelSerializer(serializers.Serializer):
    indikator = serializers.IntegerField()
    tahun = serializers.IntegerField(min_value=2000, max_value=2100)
    triwulan = serializers.IntegerField(min_value=1, max_value=4)
    kolom = serializers.ChoiceField(choices=services.KOLOM_REALISASI)
    nilai = AngkaAtauTeks(
        allow_null=True, help_text="Nilai baru; angka JSON atau teks format Indonesia (1.234,56)."
    )
    asal = AngkaAtauTeks(allow_null=True, help_text="Nilai yang terakhir Anda lihat (untuk deteksi konflik).")


def _galat(exc: ValidationError) -> Response:
    return Response({"detail": " ".join(exc.messages)}, status=status.HTTP_400_BAD_REQUEST)


class RealisasiViewSet(RestrictedReadOnlyViewSet):
    """Triwulan realizations of the indicators the user may see; `simpan` saves one cell."""

    queryset = Realisasi.objects.select_related("indikator").order_by("indikator_id", "tahun", "triwulan")
    serializer_class = RealisasiSerializer
    filterset_fields = ["indikator", "tahun", "triwulan", "indikator__opd"]

    # Reading needs the view right; each write action is decided by its service (role, OPD, status).
    access_action = access.VIEW

    def get_queryset(self):
        return self.queryset.visible_to(self.request.user)

    @extend_schema(
        request=SimpanSelSerializer,
        responses={
            200: RealisasiSerializer,
            400: OpenApiResponse(GALAT, description="Nilai tidak dapat dibaca atau pengisian ditutup."),
            403: OpenApiResponse(GALAT, description="Peran Anda tidak boleh mengisi."),
            404: OpenApiResponse(GALAT, description="Indikator tidak ditemukan (atau milik OPD lain)."),
            409: OpenApiResponse(
                KONFLIK, description="Sel sudah diubah orang lain; `sekarang` = nilai terkini."
            ),
        },
    )
    @action(detail=False, methods=["post"])
    def simpan(self, request):
        data = SimpanSelSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        indikator = access.get_visible_or_404(
            Indikator.objects.select_related("periode"), request.user, pk=v["indikator"]
        )
        try:
            realisasi = services.simpan_realisasi(
                user=request.user, indikator=indikator, tahun=v["tahun"], triwulan=v["triwulan"],
                kolom=v["kolom"], nilai=v["nilai"], asal=v["asal"],
            )  # fmt: skip
        except services.Konflik as exc:
            sekarang = exc.sekarang
            sekarang = format_isian(sekarang) if isinstance(sekarang, Decimal) else sekarang
            return Response({"detail": str(exc), "sekarang": sekarang}, status=status.HTTP_409_CONFLICT)
        except ValidationError as exc:
            return _galat(exc)
        except PermissionDenied as exc:
            raise ApiPermissionDenied(str(exc) or None) from exc
        return Response(RealisasiSerializer(realisasi).data)


class PelaporanSerializer(serializers.ModelSerializer):
    class Meta:
        model = PelaporanTriwulan
        fields = ["id", "opd", "tahun", "triwulan", "status", "diajukan", "diajukan_oleh", "diverifikasi"]


class AjukanSerializer(serializers.Serializer):
    opd = serializers.IntegerField()
    tahun = serializers.IntegerField(min_value=2000, max_value=2100)
    triwulan = serializers.IntegerField(min_value=1, max_value=4)


class KembalikanSerializer(serializers.Serializer):
    catatan = serializers.DictField(
        child=serializers.CharField(max_length=2000), help_text="id indikator → catatan perbaikan"
    )
    catatan_umum = serializers.CharField(required=False, allow_blank=True, max_length=2000)


ALUR_RESPONSES = {
    200: PelaporanSerializer,
    400: OpenApiResponse(GALAT, description="Status laporan tidak memungkinkan, atau data belum lengkap."),
    403: OpenApiResponse(GALAT, description="Peran Anda tidak berwenang."),
    404: OpenApiResponse(GALAT, description="Laporan tidak ditemukan (atau milik OPD lain)."),
}


class PelaporanViewSet(RestrictedReadOnlyViewSet):
    """The triwulan reports of the OPDs and their workflow: ajukan, kembalikan (with comments), verifikasi."""

    queryset = PelaporanTriwulan.objects.order_by("-tahun", "-triwulan", "opd_id")
    serializer_class = PelaporanSerializer
    filterset_fields = ["opd", "tahun", "triwulan", "status"]

    # Reading needs the view right; each write action is decided by its service (role, OPD, status).
    access_action = access.VIEW

    def get_queryset(self):
        return self.queryset.visible_to(self.request.user)

    def _jalankan(self, fungsi, **kwargs):
        try:
            pelaporan = fungsi(user=self.request.user, **kwargs)
        except ValidationError as exc:
            return _galat(exc)
        except PermissionDenied as exc:
            raise ApiPermissionDenied(str(exc) or None) from exc
        return Response(PelaporanSerializer(pelaporan).data)

    @extend_schema(request=AjukanSerializer, responses=ALUR_RESPONSES)
    @action(detail=False, methods=["post"])
    def ajukan(self, request):
        data = AjukanSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if not access.can_for_opd(request.user, access.VIEW, PelaporanTriwulan, data.validated_data["opd"]):
            return Response({"detail": "Tidak ditemukan."}, status=status.HTTP_404_NOT_FOUND)
        opd = get_object_or_404(Opd, pk=data.validated_data["opd"])
        return self._jalankan(
            services.ajukan,
            opd=opd,
            tahun=data.validated_data["tahun"],
            triwulan=data.validated_data["triwulan"],
        )

    @extend_schema(request=KembalikanSerializer, responses=ALUR_RESPONSES)
    @action(detail=True, methods=["post"])
    def kembalikan(self, request, pk=None):
        data = KembalikanSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        catatan = data.validated_data["catatan"]
        if not all(str(k).isdigit() for k in catatan):
            return Response(
                {"detail": "Kunci catatan harus id indikator."}, status=status.HTTP_400_BAD_REQUEST
            )
        return self._jalankan(
            services.kembalikan, pelaporan=self.get_object(), catatan=catatan,
            catatan_umum=data.validated_data.get("catatan_umum", ""),
        )  # fmt: skip

    @extend_schema(request=None, responses=ALUR_RESPONSES)
    @action(detail=True, methods=["post"])
    def verifikasi(self, request, pk=None):
        return self._jalankan(services.verifikasi, pelaporan=self.get_object())
