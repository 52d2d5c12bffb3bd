from django import forms
from django.utils.translation import gettext_lazy as _

from sipd.models import Pemda


class PemdaForm(forms.ModelForm):
    class Meta:
        model = Pemda
        fields = [
            "jenis",
            "nama",
            "kode_wilayah",
            "alamat",
            "logo",
            "bupati_nama",
            "bupati_nip",
            "wakil_nama",
            "wakil_nip",
            "sekda_nama",
            "sekda_nip",
            "kepala_bappeda_nama",
            "kepala_bappeda_nip",
        ]

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "size") and logo.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("Ukuran logo paling besar 2 MB."))
        return logo
