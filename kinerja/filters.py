"""Filters of the planning API (django-filter): by periode, OPD and level of the tree."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import StatusRencana, Tingkat
from kinerja.models import Indikator, Nomenklatur, Renstra, RevisiTarget, SasaranPd, Target
from kinerja.selectors.perencanaan import FILTER_TINGKAT

TINGKAT_INDIKATOR = [
    ("tujuan", _("Tujuan RPJMD")),
    ("sasaran", _("Sasaran RPJMD")),
    ("tujuan_pd", _("Tujuan PD")),
    ("sasaran_pd", _("Sasaran PD")),
    *Tingkat.choices,
]


class RenstraFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=StatusRencana.choices)

    class Meta:
        model = Renstra
        fields = ["periode", "opd", "status"]


class SasaranPdFilter(django_filters.FilterSet):
    periode = django_filters.NumberFilter(field_name="tujuan__renstra__periode")
    opd = django_filters.NumberFilter(field_name="tujuan__renstra__opd")

    class Meta:
        model = SasaranPd
        fields = ["periode", "opd", "tujuan", "sasaran_rpjmd"]


class NomenklaturFilter(django_filters.FilterSet):
    tingkat = django_filters.ChoiceFilter(choices=Tingkat.choices)
    kode = django_filters.CharFilter(label=_("Kode (awalan)"), field_name="kode", lookup_expr="startswith")

    class Meta:
        model = Nomenklatur
        fields = ["periode", "opd", "tingkat", "kode", "induk", "sasaran", "sasaran_pd"]


class IndikatorFilter(django_filters.FilterSet):
    tingkat = django_filters.ChoiceFilter(
        label=_("Tingkat"), choices=TINGKAT_INDIKATOR, method="filter_tingkat"
    )
    q = django_filters.CharFilter(label=_("Cari nama atau kode"), method="cari")

    class Meta:
        model = Indikator
        fields = [
            "periode",
            "opd",
            "tingkat",
            "iku",
            "tujuan",
            "sasaran",
            "tujuan_pd",
            "sasaran_pd",
            "nomenklatur",
        ]

    def filter_tingkat(self, queryset, name, value):
        return queryset.filter(FILTER_TINGKAT[value])

    def cari(self, queryset, name, value):
        return queryset.filter(Q(nama__icontains=value) | Q(kode__istartswith=value))


class TargetFilter(django_filters.FilterSet):
    periode = django_filters.NumberFilter(field_name="indikator__periode")
    opd = django_filters.NumberFilter(field_name="indikator__opd")
    tingkat = django_filters.ChoiceFilter(
        label=_("Tingkat"), choices=TINGKAT_INDIKATOR, method="filter_tingkat"
    )

    class Meta:
        model = Target
        fields = ["periode", "opd", "tingkat", "indikator", "tahun"]

    def filter_tingkat(self, queryset, name, value):
        q = FILTER_TINGKAT[value]
        return queryset.filter(indikator__in=Indikator.objects.filter(q).values("pk"))


class RevisiTargetFilter(django_filters.FilterSet):
    indikator = django_filters.NumberFilter(field_name="target__indikator")
    periode = django_filters.NumberFilter(field_name="target__indikator__periode")
    opd = django_filters.NumberFilter(field_name="target__indikator__opd")

    class Meta:
        model = RevisiTarget
        fields = ["indikator", "periode", "opd", "target", "jenis"]
