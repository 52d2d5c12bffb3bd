import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opd.models import Opd
from sipd import access
from sla.choices import StatusPermohonan, StatusSla
from sla.models import Permohonan, Sla

PERANGKAT_DAERAH = Opd.objects.filter(induk__isnull=True).order_by("urutan", "kode")


class SlaFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari nomor atau layanan"), method="cari")
    penyedia = django_filters.ModelChoiceFilter(
        label=_("Penyedia"), queryset=PERANGKAT_DAERAH, empty_label=_("Semua")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=StatusSla.choices, empty_label=_("Semua"))

    class Meta:
        model = Sla
        fields = ["q", "penyedia", "status"]

    def cari(self, queryset, name, value):
        value = value.strip()
        return (
            queryset.filter(Q(nomor__icontains=value) | Q(layanan__nama__icontains=value))
            if value
            else queryset
        )


class PermohonanFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari perihal atau nomor"), method="cari")
    arah = django_filters.ChoiceFilter(
        label=_("Arah"), method="filter_arah", empty_label=_("Semua"),
        choices=[("masuk", _("Masuk (kami penyedia)")), ("keluar", _("Keluar (kami pemohon)"))],
    )  # fmt: skip
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=StatusPermohonan.choices, empty_label=_("Semua")
    )
    penyedia = django_filters.ModelChoiceFilter(
        label=_("Penyedia"), queryset=PERANGKAT_DAERAH, empty_label=_("Semua")
    )
    terlambat = django_filters.ChoiceFilter(
        label=_("Melewati tenggat"), method="filter_terlambat", empty_label=_("Semua"),
        choices=[("ya", _("Ya")), ("tidak", _("Tidak"))],
    )  # fmt: skip

    class Meta:
        model = Permohonan
        fields = ["q", "arah", "status", "penyedia", "terlambat"]

    def cari(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        kondisi = Q(perihal__icontains=value)
        angka = value.rsplit("-", 1)[-1]
        if angka.isdigit():
            kondisi |= Q(pk=int(angka))
        return queryset.filter(kondisi)

    def filter_arah(self, queryset, name, value):
        opd_ids = access.roles_of(getattr(self.request, "user", None)).opd_ids
        field = "penyedia_id__in" if value == "masuk" else "pemohon_id__in"
        return queryset.filter(**{field: opd_ids})

    def filter_terlambat(self, queryset, name, value):
        late = Q(status=StatusPermohonan.DIPROSES, tenggat__lt=timezone.now()) | Q(
            status=StatusPermohonan.SELESAI, tepat_waktu=False
        )
        return queryset.filter(late) if value == "ya" else queryset.exclude(late)
