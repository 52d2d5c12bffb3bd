from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from opd.impor import JENIS_IMPOR
from sipd.formatting import format_angka


class ImporForm(forms.Form):
    """Upload of an OPD or pegawai file; `pilihan` names the kinds the user may import."""

    jenis = forms.ChoiceField(label=_("Data yang diimpor"))
    berkas = forms.FileField(
        label=_("Berkas"),
        widget=forms.FileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis"].choices = [(jenis, JENIS_IMPOR[jenis]) for jenis in pilihan]
        mb = format_angka(settings.SIPD_UPLOAD_MAX_BYTES / 1024 / 1024, 0)
        self.fields["berkas"].help_text = _(
            "Excel (.xlsx) atau CSV UTF-8 (.csv), paling besar %(mb)s MB."
        ) % {"mb": mb}

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if not berkas.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Hanya berkas Excel (.xlsx) atau CSV (.csv) yang dapat diimpor."))
        if berkas.size > settings.SIPD_UPLOAD_MAX_BYTES:
            mb = format_angka(settings.SIPD_UPLOAD_MAX_BYTES / 1024 / 1024, 0)
            raise forms.ValidationError(_("Berkas lebih besar dari %(mb)s MB.") % {"mb": mb})
        return berkas
