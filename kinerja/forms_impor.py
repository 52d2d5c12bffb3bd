from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kinerja.choices import JenisPerubahan
from kinerja.models import PeriodeRpjmd
from sipd.formatting import format_angka


class ImporMatriksForm(forms.Form):
    """Upload of the matrix workbook; a target change on an approved plan needs jenis and alasan."""

    periode = forms.ModelChoiceField(
        label=_("Periode RPJMD"), queryset=PeriodeRpjmd.objects.all(), empty_label=None
    )
    berkas = forms.FileField(label=_("Berkas Excel"), widget=forms.FileInput(attrs={"accept": ".xlsx"}))
    jenis_perubahan = forms.ChoiceField(
        label=_("Jenis perubahan"), required=False, choices=[("", "—"), *JenisPerubahan.choices],
        help_text=_("Wajib bila target pada rencana yang sudah disetujui berubah."),
    )  # fmt: skip
    alasan = forms.CharField(
        label=_("Alasan perubahan"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mb = format_angka(settings.SIPD_UPLOAD_MAX_BYTES / 1024 / 1024, 0)
        self.fields["berkas"].help_text = _("Excel (.xlsx) dari templat, paling besar %(mb)s MB.") % {
            "mb": mb
        }

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if not berkas.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Hanya berkas Excel (.xlsx) yang dapat diimpor."))
        return berkas

    def clean(self):
        data = super().clean()
        if bool(data.get("jenis_perubahan")) != bool((data.get("alasan") or "").strip()):
            raise forms.ValidationError(
                _("Isi jenis perubahan dan alasan bersama-sama, atau kosongkan keduanya.")
            )
        return data


class EksporMatriksForm(forms.Form):
    periode = forms.ModelChoiceField(
        label=_("Periode RPJMD"), queryset=PeriodeRpjmd.objects.all(), empty_label=None
    )
    tahun = forms.TypedChoiceField(label=_("Tahun realisasi"), coerce=int)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "ekspor_%s")  # shares the page with the upload form
        super().__init__(*args, **kwargs)
        tahun = sorted({t for p in PeriodeRpjmd.objects.all() for t in p.tahun})
        self.fields["tahun"].choices = [(t, str(t)) for t in tahun]  # no thousand separator
