from django.core.exceptions import ValidationError
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from sipd.api.permissions import RolePermission
from sipd.api.views import RestrictedReadOnlyViewSet, RestrictedViewSetMixin
from sla import selectors, services
from sla.api import serializers as s
from sla.calculations import Jam
from sla.filters import PermohonanFilter, SlaFilter
from sla.models import Layanan, LiburDaerah, Permohonan, Sla


def _jalankan(fn, **kwargs):
    try:
        return fn(**kwargs)
    except ValidationError as exc:
        raise ApiValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages) from exc


class LayananViewSet(RestrictedReadOnlyViewSet):
    """The service catalogue of every provider OPD."""

    queryset = Layanan.objects.select_related("penyedia").order_by("penyedia__urutan", "nama")
    serializer_class = s.LayananSerializer
    filterset_fields = ["penyedia", "aktif"]


class SlaViewSet(RestrictedReadOnlyViewSet):
    """Agreements (every version); `tandatangan` is a head's approval for their OPD."""

    queryset = (
        Sla.objects.select_related("layanan", "penyedia")
        .prefetch_related("penerima", "tanda_tangan")
        .order_by("penyedia__urutan", "nomor", "-versi")
    )
    serializer_class = s.SlaSerializer
    filterset_class = SlaFilter
    access_action = None  # set per action (signing needs only read access to the SLA)

    def get_queryset(self):
        if self.action == "tandatangan":  # heads of receiving OPDs sign what they may only read
            return self.queryset.visible_to(self.request.user, "view")
        return super().get_queryset()

    @extend_schema(request=None, responses={200: s.SlaSerializer})
    @action(detail=True, methods=["post"], access_action="view")
    def tandatangan(self, request, pk=None):
        sla = self.get_object()
        _jalankan(services.tandatangani_sla, user=request.user, sla=sla)
        return Response(self.get_serializer(self.get_queryset().get(pk=sla.pk)).data)


class PermohonanViewSet(
    RestrictedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Service requests the user's OPD sends or serves; POST opens one, the actions move it along."""

    queryset = Permohonan.objects.select_related("sla", "penyedia", "pemohon").prefetch_related(
        "peristiwa", "lampiran"
    )
    serializer_class = s.PermohonanSerializer
    filterset_class = PermohonanFilter
    ordering_fields = ["diajukan_pada", "tenggat", "ditutup_pada"]

    @extend_schema(request=s.PermohonanBaruSerializer, responses={201: s.PermohonanSerializer})
    def create(self, request):
        data = s.PermohonanBaruSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        permohonan = _jalankan(services.ajukan_permohonan, user=request.user, **data.validated_data)
        return Response(
            s.PermohonanSerializer(self.queryset.get(pk=permohonan.pk)).data, status=status.HTTP_201_CREATED
        )

    def _langkah(self, request, fn, **kwargs):
        permohonan = self.get_object()
        _jalankan(fn, user=request.user, permohonan=permohonan, **kwargs)
        return Response(s.PermohonanSerializer(self.queryset.get(pk=permohonan.pk)).data)

    def _teks(self, request):
        data = s.TeksSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return data.validated_data

    @extend_schema(request=None, responses={200: s.PermohonanSerializer})
    @action(detail=True, methods=["post"])
    def terima(self, request, pk=None):
        return self._langkah(request, services.terima_permohonan)

    @extend_schema(request=s.TeksSerializer, responses={200: s.PermohonanSerializer})
    @action(detail=True, methods=["post"])
    def kelengkapan(self, request, pk=None):
        return self._langkah(request, services.minta_kelengkapan, kekurangan=self._teks(request)["teks"])

    @extend_schema(request=s.TeksSerializer, responses={200: s.PermohonanSerializer})
    @action(detail=True, methods=["post"])
    def lengkapi(self, request, pk=None):
        data = self._teks(request)
        return self._langkah(
            request, services.lengkapi_permohonan, catatan=data["teks"], lampiran=data["lampiran"]
        )

    @extend_schema(request=s.TeksSerializer, responses={200: s.PermohonanSerializer})
    @action(detail=True, methods=["post"])
    def selesaikan(self, request, pk=None):
        data = self._teks(request)
        return self._langkah(
            request, services.selesaikan_permohonan, hasil=data["teks"], lampiran=data["lampiran"]
        )

    @extend_schema(request=s.TeksSerializer, responses={200: s.PermohonanSerializer})
    @action(detail=True, methods=["post"])
    def tolak(self, request, pk=None):
        return self._langkah(request, services.tolak_permohonan, alasan=self._teks(request)["teks"])

    @extend_schema(request=s.TeksSerializer, responses={200: s.PermohonanSerializer})
    @action(detail=True, methods=["post"])
    def batalkan(self, request, pk=None):
        return self._langkah(request, services.batalkan_permohonan, alasan=self._teks(request)["teks"])


class LiburViewSet(RestrictedReadOnlyViewSet):
    """Local holidays the Pemda added (national ones come from the holidays package)."""

    queryset = LiburDaerah.objects.order_by("tanggal")
    serializer_class = s.LiburSerializer
    filterset_fields = ["tanggal"]


class KepatuhanView(APIView):
    """Compliance by provider OPD (`kelompok=opd`, the default) or by SLA, for a year or a quarter."""

    permission_classes = [RolePermission]
    access_model = Permohonan
    access_action = "view"

    @extend_schema(
        parameters=[
            OpenApiParameter("tahun", int), OpenApiParameter("triwulan", int),
            OpenApiParameter("kelompok", str, enum=["opd", "sla"]),
        ],
        responses=s.KepatuhanSerializer(many=True),
    )  # fmt: skip
    def get(self, request):
        try:
            tahun = int(request.query_params.get("tahun") or timezone.localdate().year)
            triwulan = int(request.query_params.get("triwulan") or 0) or None
        except ValueError:
            raise ApiValidationError({"tahun": "bilangan bulat"}) from None
        if not 2000 <= tahun <= 2100 or triwulan not in (None, 1, 2, 3, 4):
            raise ApiValidationError({"periode": "tahun 2000–2100, triwulan 1–4"})
        if request.query_params.get("kelompok") == "sla":
            rows = selectors.kepatuhan_per_sla(request.user, tahun=tahun, triwulan=triwulan)
        else:
            rows = selectors.kepatuhan_per_opd(request.user, tahun=tahun, triwulan=triwulan)
        return Response(s.KepatuhanSerializer(rows, many=True).data)


class TenggatView(APIView):
    """The SLA calculator on the Pemda's calendar: due moment for a receipt time and a standard."""

    @extend_schema(
        parameters=[
            OpenApiParameter("diterima", str, description="ISO 8601"), OpenApiParameter("standar", int),
            OpenApiParameter("satuan", str, enum=["hari_kerja", "jam_kerja"]),
        ],
        responses={200: dict},
    )  # fmt: skip
    def get(self, request):
        data = s.TenggatSerializer(data=request.query_params)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        tenggat = Jam(mulai=v["diterima"], standar=v["standar"], satuan=v["satuan"]).tenggat(
            selectors.kalender_kerja()
        )
        return Response(
            {"diterima": v["diterima"], "standar": v["standar"], "satuan": v["satuan"], "tenggat": tenggat}
        )
