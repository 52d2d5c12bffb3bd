from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from opd import klaim_selectors
from opd.klaim_choices import LANGKAH_STATUS, JenisDokumenKlaim, ProgramBpjs, StatusKlaim
from opd.models import AhliWaris, KlaimBpjs
from sipd.access import can_see_private_data
from sipd.formatting import format_angka, parse_angka

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
WAKTU = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class RupiahField(forms.CharField):
    """Rupiah in Indonesian format (2.000.000 or Rp2.000.000), whole numbers only."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        return format_angka(value, 0) if isinstance(value, int) else value

    def to_python(self, value):
        angka = parse_angka(super().to_python(value))
        if angka is None:
            return None
        if angka < 0 or angka != angka.to_integral_value():
            raise ValidationError(_("Isi rupiah bulat, tidak negatif."))
        return int(angka)


class KlaimForm(forms.ModelForm):
    upah_bpjs = RupiahField(
        label=_("Upah dilaporkan ke BPJS (Rp/bulan)"),
        required=False,
        help_text=_("Kosongkan untuk memakai upah yang tercatat pada data pegawai."),
    )

    class Meta:
        model = KlaimBpjs
        fields = [
            "pegawai", "program", "waktu_kejadian", "tanggal_meninggal", "tempat_kejadian", "penyebab",
            "laporan_tahap_1", "upah_bpjs",
        ]  # fmt: skip
        widgets = {
            "waktu_kejadian": WAKTU,
            "laporan_tahap_1": WAKTU,
            "tanggal_meninggal": TANGGAL,
            "penyebab": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].queryset = klaim_selectors.pegawai_bisa_diklaim(user)
        self.fields["pegawai"].help_text = _("Hanya pegawai non-ASN: PNS dan PPPK dijamin Taspen.")
        for name in ("waktu_kejadian", "laporan_tahap_1"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        if self.instance.pk:
            self.fields["pegawai"].disabled = True
        if not can_see_private_data(user):
            del self.fields["upah_bpjs"]  # the wage is private: the pegawai record's wage is used

    def clean(self):
        data = super().clean()
        if data.get("program") == ProgramBpjs.JKM and data.get("laporan_tahap_1"):
            self.add_error("laporan_tahap_1", _("Laporan tahap I hanya untuk klaim JKK."))
        return data


class AhliWarisForm(forms.ModelForm):
    class Meta:
        model = AhliWaris
        fields = ["nama", "nik", "hubungan", "telepon"]


class DokumenForm(forms.Form):
    jenis = forms.ChoiceField(label=_("Jenis dokumen"), choices=JenisDokumenKlaim.choices)
    berkas = forms.FileField(
        label=_("Berkas"),
        help_text=_("PDF, JPEG atau PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


class StatusKlaimForm(forms.Form):
    status = forms.ChoiceField(label=_("Status baru"))
    tanggal = forms.DateField(label=_("Tanggal"), widget=TANGGAL, required=False)
    jumlah = RupiahField(label=_("Jumlah dibayar (Rp)"), required=False)
    alasan = forms.CharField(
        label=_("Alasan ditolak"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, klaim, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (s, StatusKlaim(s).label) for s in StatusKlaim.values if s in LANGKAH_STATUS[klaim.status]
        ]


class KalkulatorForm(forms.Form):
    program = forms.ChoiceField(label=_("Program"), choices=ProgramBpjs.choices)
    upah = RupiahField(label=_("Upah dilaporkan ke BPJS (Rp/bulan)"), required=False)
