import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opd.choices import Eselon, JenisOpd, StatusPegawai
from opd.models import Opd, Pegawai
from sipd.access import can_see_private_data


class PegawaiFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari nama, jabatan, NIP/NIK"), method="cari")
    opd = django_filters.ModelChoiceFilter(
        label=_("Perangkat daerah"), queryset=Opd.objects.filter(induk__isnull=True), empty_label=_("Semua")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=StatusPegawai.choices, empty_label=_("Semua")
    )
    eselon = django_filters.ChoiceFilter(label=_("Eselon"), choices=Eselon.choices, empty_label=_("Semua"))
    aktif = django_filters.BooleanFilter(label=_("Aktif"))

    class Meta:
        model = Pegawai
        fields = ["q", "opd", "status", "eselon", "aktif"]

    def cari(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        by_text = Q(nama__icontains=value) | Q(jabatan__icontains=value)
        # Searching by number prefix would reveal masked NIP/NIK digit by digit to roles that can't see them.
        if value.isdigit() and can_see_private_data(getattr(self.request, "user", None)):
            by_text |= Q(nip__startswith=value) | Q(nik__startswith=value)
        return queryset.filter(by_text)


class OpdFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari"), method="cari")
    jenis = django_filters.ChoiceFilter(choices=JenisOpd.choices)
    induk = django_filters.NumberFilter()
    aktif = django_filters.BooleanFilter()

    class Meta:
        model = Opd
        fields = ["q", "jenis", "induk", "aktif"]

    def cari(self, queryset, name, value):
        return queryset.filter(
            Q(nama__icontains=value) | Q(singkatan__icontains=value) | Q(kode__startswith=value)
        )
