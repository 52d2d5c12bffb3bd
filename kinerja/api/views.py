"""Planning API: the tree (read), indicators and targets (read and write through the same services as the
pages). Rows come through the permission layer: another OPD's row is a 404, a refused change a 403."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from kinerja.api import serializers as s
from kinerja.filters import (
    IndikatorFilter,
    NomenklaturFilter,
    RenstraFilter,
    RevisiTargetFilter,
    SasaranPdFilter,
    TargetFilter,
)
from kinerja.models import (
    ArahKebijakan,
    Indikator,
    Misi,
    Nomenklatur,
    Pagu,
    PeriodeRpjmd,
    Renstra,
    RevisiTarget,
    Sasaran,
    SasaranPd,
    Strategi,
    Target,
    Tujuan,
    TujuanPd,
)
from kinerja.selectors import perencanaan as selectors
from kinerja.services import perencanaan as services
from sipd.api.views import RestrictedModelViewSet, RestrictedReadOnlyViewSet


def layanan(fn, **kwargs):
    """Call a service; its ValidationError becomes the API's 400 with the same messages as the pages."""
    try:
        return fn(**kwargs)
    except DjangoValidationError as exc:
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        raise serializers.ValidationError(detail) from None


class PeriodeViewSet(RestrictedReadOnlyViewSet):
    """RPJMD periods; `pohon` gives the whole tree of one period."""

    queryset = PeriodeRpjmd.objects.order_by("-tahun_awal")
    serializer_class = s.PeriodeSerializer
    filterset_fields = ["status", "tahun_awal"]

    @extend_schema(responses=s.PohonSerializer)
    @action(detail=True)
    def pohon(self, request, pk=None):
        """Misi → tujuan → sasaran (strategi, arah kebijakan, sasaran PD with programs), with indicators and
        targets; the OPD rows the user may see only."""
        periode = self.get_object()
        pohon = selectors.pohon_rpjmd(user=request.user, periode=periode)
        return Response(s.PohonSerializer({"periode": periode, "misi": pohon}).data)


class MisiViewSet(RestrictedReadOnlyViewSet):
    queryset = Misi.objects.order_by("periode", "urutan", "nomor")
    serializer_class = s.MisiSerializer
    filterset_fields = ["periode"]


class TujuanViewSet(RestrictedReadOnlyViewSet):
    queryset = Tujuan.objects.order_by("misi", "urutan", "nomor")
    serializer_class = s.TujuanSerializer
    filterset_fields = {"misi": ["exact"], "misi__periode": ["exact"]}


class SasaranViewSet(RestrictedReadOnlyViewSet):
    queryset = Sasaran.objects.order_by("tujuan", "urutan", "nomor")
    serializer_class = s.SasaranSerializer
    filterset_fields = {"tujuan": ["exact"], "tujuan__misi__periode": ["exact"]}


class StrategiViewSet(RestrictedReadOnlyViewSet):
    queryset = Strategi.objects.order_by("sasaran", "urutan", "nomor")
    serializer_class = s.StrategiSerializer
    filterset_fields = ["sasaran"]


class ArahKebijakanViewSet(RestrictedReadOnlyViewSet):
    queryset = ArahKebijakan.objects.order_by("strategi", "urutan", "nomor")
    serializer_class = s.ArahKebijakanSerializer
    filterset_fields = ["strategi"]


class RenstraViewSet(RestrictedReadOnlyViewSet):
    queryset = Renstra.objects.select_related("opd").order_by("periode", "opd__urutan", "opd__kode")
    serializer_class = s.RenstraSerializer
    filterset_class = RenstraFilter


class TujuanPdViewSet(RestrictedReadOnlyViewSet):
    queryset = TujuanPd.objects.order_by("renstra", "urutan", "nomor")
    serializer_class = s.TujuanPdSerializer
    filterset_fields = ["renstra"]


class SasaranPdViewSet(RestrictedReadOnlyViewSet):
    queryset = SasaranPd.objects.order_by("tujuan", "urutan", "nomor")
    serializer_class = s.SasaranPdSerializer
    filterset_class = SasaranPdFilter


class NomenklaturViewSet(RestrictedReadOnlyViewSet):
    """Programs, kegiatan and sub kegiatan (Permendagri 90/2019) with their pagu per year."""

    queryset = Nomenklatur.objects.prefetch_related(
        Prefetch("pagu", queryset=Pagu.objects.order_by("tahun"))
    ).order_by("periode", "opd", "kode")
    serializer_class = s.NomenklaturSerializer
    filterset_class = NomenklaturFilter
    search_fields = ["kode", "nama"]


class IndikatorViewSet(RestrictedModelViewSet):
    """Indicators. Writes go through the planning services: the same validation and approval rules as the
    pages (after approval a change of the final target needs `jenis` and `alasan`)."""

    queryset = (
        Indikator.objects.select_related("nomenklatur")
        .prefetch_related(Prefetch("target", queryset=Target.objects.order_by("tahun")))
        .order_by("periode", "urutan", "kode")
    )
    serializer_class = s.IndikatorSerializer
    filterset_class = IndikatorFilter

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("jenis", None)
        data.pop("alasan", None)
        serializer.instance = layanan(services.buat_indikator, user=self.request.user, **data)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        alasan = {"jenis": data.pop("jenis", ""), "alasan": data.pop("alasan", "")}
        indikator = Indikator.objects.get(pk=serializer.instance.pk)
        serializer.instance = layanan(
            services.ubah_indikator, user=self.request.user, indikator=indikator, **alasan, **data
        )

    def perform_destroy(self, instance):
        layanan(services.hapus_indikator, user=self.request.user, indikator=instance)


class TargetViewSet(RestrictedModelViewSet):
    """Yearly targets (with optional triwulan targets). An Operator OPD may not change them (403); a Kepala
    OPD changes the own Renstra's targets while it is a draft; after approval a change is a revision."""

    queryset = Target.objects.select_related("indikator__periode").order_by("indikator", "tahun")
    serializer_class = s.TargetSerializer
    filterset_class = TargetFilter

    def perform_create(self, serializer):
        serializer.instance = layanan(
            services.buat_target, user=self.request.user, **serializer.validated_data
        )

    def perform_update(self, serializer):
        target, data = serializer.instance, serializer.validated_data
        values = {k: data.get(k, getattr(target, k)) for k in ("nilai", "nilai_atas", *services.KOLOM_TW)}
        serializer.instance = layanan(
            services.ubah_target, user=self.request.user, target=target, jenis=data.get("jenis", ""),
            alasan=data.get("alasan", ""), **values,
        )  # fmt: skip

    def perform_destroy(self, instance):
        layanan(services.hapus_target, user=self.request.user, target=instance)


class RevisiTargetViewSet(RestrictedReadOnlyViewSet):
    """Target revisions after approval: who, when, why, from which value to which."""

    queryset = RevisiTarget.objects.select_related("target", "oleh").order_by("-waktu", "-pk")
    serializer_class = s.RevisiTargetSerializer
    filterset_class = RevisiTargetFilter
