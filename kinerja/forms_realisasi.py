from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.choices import Triwulan
from opd.models import Opd


class JadwalForm(forms.Form):
    triwulan = forms.TypedChoiceField(label=_("Triwulan"), choices=Triwulan.choices, coerce=int)
    mulai = forms.DateField(label=_("Pengisian dibuka"), widget=forms.DateInput(attrs={"type": "date"}))
    selesai = forms.DateField(label=_("Batas pengisian"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("mulai") and data.get("selesai") and data["selesai"] < data["mulai"]:
            self.add_error("selesai", _("Batas pengisian harus sesudah tanggal dibuka."))
        return data


class BukaKunciForm(forms.Form):
    opd = forms.ModelChoiceField(
        label=_("OPD"),
        queryset=Opd.objects.filter(induk__isnull=True, aktif=True).order_by("urutan", "kode"),
        required=False,
        empty_label=_("Semua OPD"),
    )
    alasan = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
    sampai = forms.DateTimeField(
        label=_("Berlaku sampai"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )

    def clean_sampai(self):
        sampai = self.cleaned_data["sampai"]
        if sampai <= timezone.now():
            raise forms.ValidationError(_("Batas waktu buka kunci harus di masa depan."))
        return sampai
