"""API for IKM surveys: definitions with their result, the full result of one survey, and the calculator."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.ikm import HasilIkm, ikm
from kinerja.models import SurveiIkm
from kinerja.selectors import ikm as selectors
from sipd.api.views import RestrictedReadOnlyViewSet


class HasilIkmSerializer(serializers.Serializer):
    responden = serializers.IntegerField()
    terjawab = serializers.ListField(child=serializers.IntegerField(), help_text="Per unsur U1–U9.")
    nrr = serializers.ListField(
        child=serializers.DecimalField(
            max_digits=12, decimal_places=6, coerce_to_string=False, allow_null=True
        ),
        help_text="Nilai rata-rata per unsur U1–U9 (null bila tak seorang pun menjawab).",
    )
    ikm = serializers.DecimalField(max_digits=12, decimal_places=6, coerce_to_string=False, allow_null=True)
    mutu = serializers.CharField(allow_null=True)
    kinerja = serializers.CharField(allow_null=True)


def hasil_data(hasil: HasilIkm) -> dict:
    return {
        "responden": hasil.responden,
        "terjawab": list(hasil.terjawab),
        "nrr": [None if n is None else round(n, 6) for n in hasil.nrr_desimal],
        "ikm": None if hasil.nilai is None else round(hasil.nilai_desimal, 6),
        "mutu": hasil.mutu.kode if hasil.mutu else None,
        "kinerja": hasil.mutu.kinerja if hasil.mutu else None,
    }


class SurveiIkmSerializer(serializers.ModelSerializer):
    class Meta:
        model = SurveiIkm
        fields = [
            "id", "opd", "unit_layanan", "jenis_layanan", "tahun", "periode", "tanggal_mulai",
            "tanggal_selesai", "populasi", "dibuka", "indikator",
        ]  # fmt: skip


class SurveiIkmViewSet(RestrictedReadOnlyViewSet):
    """IKM surveys the user may see; `hasil` gives the result (IKM, mutu, NRR per element, sample size)."""

    queryset = SurveiIkm.objects.order_by("-tahun", "opd_id", "unit_layanan")
    serializer_class = SurveiIkmSerializer
    filterset_fields = ["opd", "tahun", "periode", "dibuka"]

    @extend_schema(
        responses=inline_serializer(
            "HasilSurveiIkm",
            {"hasil": HasilIkmSerializer(), "sampel_minimal": serializers.IntegerField(allow_null=True)},
        )
    )
    @action(detail=True, methods=["get"])
    def hasil(self, request, pk=None):
        survei = self.get_object()
        lap = selectors.laporan(survei, saran_maks=0)
        return Response({"hasil": hasil_data(lap.hasil), "sampel_minimal": lap.sampel_minimal})


class HitungSerializer(serializers.Serializer):
    jawaban = serializers.ListField(
        child=serializers.ListField(
            child=serializers.IntegerField(min_value=1, max_value=4, allow_null=True),
            min_length=9,
            max_length=9,
        ),
        max_length=100_000,
        help_text="Jawaban tiap responden: sembilan nilai 1–4, null untuk yang tidak dijawab.",
    )


class HitungIkmView(APIView):
    """The IKM calculator (kinerja.ikm.ikm) for any list of answers; nothing is stored."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=HitungSerializer, responses=HasilIkmSerializer)
    def post(self, request):
        data = HitungSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(hasil_data(ikm(data.validated_data["jawaban"])))
