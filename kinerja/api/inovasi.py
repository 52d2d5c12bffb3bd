"""API for Inovasi Daerah: innovations with their score and predikat, the scheme, the regional summary."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.inovasi_skor import predikat
from kinerja.models import IndikatorInovasi, Inovasi
from kinerja.selectors import inovasi as selectors
from sipd import access
from sipd.api.views import RestrictedReadOnlyViewSet
from sipd.roles import Peran


class InovasiSerializer(serializers.ModelSerializer):
    skor = serializers.DecimalField(max_digits=9, decimal_places=2, read_only=True, coerce_to_string=False)
    predikat = serializers.SerializerMethodField()

    class Meta:
        model = Inovasi
        fields = [
            "id", "opd", "nama", "jenis", "tahapan", "tanggal_inisiatif", "tanggal_uji_coba",
            "tanggal_penerapan", "permasalahan", "metode", "manfaat", "indikator", "skor", "predikat",
        ]  # fmt: skip

    def get_predikat(self, obj) -> str:
        return predikat(obj.skor)


class InovasiViewSet(RestrictedReadOnlyViewSet):
    """Innovations the user may see, with the Indeks Inovasi Daerah score (0–100) and predikat."""

    queryset = Inovasi.objects.order_by("opd_id", "nama")
    serializer_class = InovasiSerializer
    filterset_fields = ["opd", "jenis", "tahapan"]

    def get_queryset(self):
        return selectors.dengan_skor(super().get_queryset()).prefetch_related("indikator")


class OpsiSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    label = serializers.CharField()
    skor = serializers.DecimalField(max_digits=5, decimal_places=2, coerce_to_string=False)


class IndikatorInovasiSerializer(serializers.ModelSerializer):
    opsi = OpsiSerializer(many=True, read_only=True)

    class Meta:
        model = IndikatorInovasi
        fields = ["id", "kode", "nama", "keterangan", "bobot", "urutan", "aktif", "opsi"]


class IndikatorInovasiViewSet(RestrictedReadOnlyViewSet):
    """The Indeks Inovasi Daerah scheme: indicators, weights and answer options (kept by Admin)."""

    queryset = IndikatorInovasi.objects.prefetch_related("opsi").order_by("urutan", "kode")
    serializer_class = IndikatorInovasiSerializer
    pagination_class = None


RINGKASAN = inline_serializer(
    "RingkasanInovasi",
    {
        "jumlah_inovasi": serializers.IntegerField(),
        "indeks_daerah": serializers.DecimalField(max_digits=9, decimal_places=2, coerce_to_string=False),
        "predikat_daerah": serializers.CharField(),
        "per_tahapan": serializers.DictField(child=serializers.IntegerField()),
        "opd_tanpa_inovasi": serializers.ListField(child=serializers.IntegerField()),
        "per_opd": serializers.ListField(child=serializers.DictField()),
    },
)


class RingkasanInovasiView(APIView):
    """The regional Indeks Inovasi Daerah, innovations by stage, OPDs without an innovation (Pemda roles)."""

    access_model = Inovasi

    @extend_schema(responses=RINGKASAN)
    def get(self, request):
        if not access.has_role(request.user, Peran.ADMIN, Peran.BAPPEDA, Peran.PIMPINAN):
            return Response({"detail": "Akses ditolak."}, status=403)
        r = selectors.ringkasan()
        return Response(
            {
                "jumlah_inovasi": r.jumlah_inovasi,
                "indeks_daerah": round(r.indeks_daerah, 2),
                "predikat_daerah": r.predikat_daerah,
                "per_tahapan": {v: n for v, _label, n in r.per_tahapan},
                "opd_tanpa_inovasi": [o.pk for o in r.tanpa_inovasi],
                "per_opd": [
                    {
                        "opd": b.opd.pk,
                        "jumlah": b.jumlah,
                        "indeks": round(b.indeks, 2),
                        "predikat": b.predikat,
                    }
                    for b in r.per_opd
                ],
            }
        )
