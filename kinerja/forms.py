"""Planning forms (RPJMD, Renstra, nomenclature, indicators, targets). Numbers are typed the Indonesian way
(1.234,56) and parsed strictly; the rules themselves live in kinerja.services.perencanaan."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja.choices import JenisPerubahan, VersiNomenklatur
from kinerja.models import Indikator, PeriodeRpjmd, Renstra, Sasaran, SasaranPd
from opd.choices import JENIS_PERANGKAT_DAERAH
from opd.models import Opd
from sipd.formatting import format_isian, parse_angka


class AngkaField(forms.CharField):
    """A number in Indonesian format; returns a Decimal (or None when empty)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        return value if isinstance(value, str) else format_isian(value)

    def to_python(self, value):
        return parse_angka(super().to_python(value))


def pasang_galat(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the named field when the form has it."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class PeriodeForm(forms.Form):
    nama = forms.CharField(label=_("Nama"), max_length=100, help_text=_("Contoh: RPJMD 2025–2029"))
    tahun_awal = forms.IntegerField(label=_("Tahun awal"), min_value=2000, max_value=2100)
    visi = forms.CharField(label=_("Visi"), widget=forms.Textarea(attrs={"rows": 2}))
    dasar_hukum = forms.CharField(label=_("Dasar hukum (Perda)"), max_length=200, required=False)

    def __init__(self, *args, ubah=False, **kwargs):
        super().__init__(*args, **kwargs)
        if ubah:
            self.fields["tahun_awal"].disabled = True


class ButirForm(forms.Form):
    """A numbered statement: misi, tujuan, sasaran, strategi, arah kebijakan, tujuan PD, sasaran PD."""

    nomor = forms.CharField(label=_("Nomor"), max_length=20, help_text=_("Contoh: 1, 1.2, 1.2.3"))
    uraian = forms.CharField(label=_("Uraian"), widget=forms.Textarea(attrs={"rows": 3}))
    urutan = forms.IntegerField(label=_("Urutan"), min_value=0, required=False, initial=0)

    def __init__(self, *args, jenis: str, periode: PeriodeRpjmd, **kwargs):
        super().__init__(*args, **kwargs)
        if jenis == "sasaran_pd":
            self.fields["sasaran_rpjmd"] = forms.ModelChoiceField(
                label=_("Sasaran RPJMD yang didukung"),
                queryset=Sasaran.objects.filter(tujuan__misi__periode=periode).order_by("nomor"),
            )


class RenstraForm(forms.Form):
    opd = forms.ModelChoiceField(label=_("Perangkat daerah"), queryset=Opd.objects.none())

    def __init__(self, *args, periode: PeriodeRpjmd, **kwargs):
        super().__init__(*args, **kwargs)
        sudah = Renstra.objects.filter(periode=periode).values("opd_id")
        self.fields["opd"].queryset = (
            Opd.objects.filter(jenis__in=JENIS_PERANGKAT_DAERAH, aktif=True)
            .exclude(pk__in=sudah)
            .order_by("urutan", "kode")
        )


class NomenklaturForm(forms.Form):
    kode = forms.CharField(
        label=_("Kode"),
        max_length=24,
        help_text=_("Permendagri 90/2019, contoh 1.02.02 / 1.02.02.2.01 / 1.02.02.2.01.0001"),
    )
    versi = forms.ChoiceField(
        label=_("Versi nomenklatur"),
        choices=VersiNomenklatur.choices,
        initial=VersiNomenklatur.KEPMENDAGRI_2023,
    )
    nama = forms.CharField(label=_("Nomenklatur"), max_length=500)
    sasaran_pd = forms.ModelChoiceField(
        label=_("Sasaran PD"), queryset=SasaranPd.objects.none(), required=False
    )
    urutan = forms.IntegerField(label=_("Urutan"), min_value=0, required=False, initial=0)

    def __init__(self, *args, renstra: Renstra, ubah=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.tahun = list(renstra.periode.tahun)
        self.fields["sasaran_pd"].queryset = SasaranPd.objects.filter(tujuan__renstra=renstra).order_by(
            "tujuan__nomor", "nomor"
        )
        if ubah:
            self.fields["kode"].disabled = True
            self.fields["versi"].disabled = True
        for tahun in self.tahun:
            self.fields[f"pagu_{tahun}"] = AngkaField(label=_("Pagu %(tahun)s (Rp)") % {"tahun": tahun})

    def pagu(self) -> dict:
        return {tahun: self.cleaned_data.get(f"pagu_{tahun}") for tahun in self.tahun}


class IndikatorForm(forms.ModelForm):
    """The indicator's fields; on creation also the target of each year (a value, or a range)."""

    kondisi_awal = AngkaField(label=_("Kondisi awal"))
    target_akhir = AngkaField(label=_("Target akhir periode"))
    target_akhir_atas = AngkaField(
        label=_("Target akhir periode (batas atas)"), help_text=_("Isi bila rentang.")
    )
    jenis = forms.ChoiceField(
        label=_("Dasar perubahan"), choices=[("", "—"), *JenisPerubahan.choices], required=False
    )
    alasan = forms.CharField(
        label=_("Alasan perubahan target akhir"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    class Meta:
        model = Indikator
        fields = [
            "kode", "nama", "satuan", "polaritas", "sifat", "opd", "kondisi_awal_tahun", "kondisi_awal",
            "target_akhir", "target_akhir_atas", "definisi_operasional", "sumber_data", "iku", "urutan",
        ]  # fmt: skip
        widgets = {"definisi_operasional": forms.Textarea(attrs={"rows": 3})}

    def __init__(
        self, *args, periode: PeriodeRpjmd, opd_tetap: Opd | None = None, perlu_alasan=False, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.tahun = list(periode.tahun)
        self.fields["opd"].queryset = Opd.objects.filter(
            jenis__in=JENIS_PERANGKAT_DAERAH, aktif=True
        ).order_by("urutan", "kode")
        if opd_tetap is not None:  # Renstra and program indicators belong to their OPD
            self.fields["opd"].initial = opd_tetap.pk
            self.fields["opd"].disabled = True
        if self.instance.pk:
            self.fields["kode"].disabled = True
            if not perlu_alasan:
                del self.fields["jenis"], self.fields["alasan"]
        else:
            del self.fields["jenis"], self.fields["alasan"]
            for tahun in self.tahun:
                self.fields[f"target_{tahun}"] = AngkaField(label=_("Target %(tahun)s") % {"tahun": tahun})
                self.fields[f"target_{tahun}_atas"] = AngkaField(
                    label=_("Target %(tahun)s (batas atas)") % {"tahun": tahun}
                )

    def _post_clean(self):
        """The service validates and saves; the model form only collects the values."""

    def data_indikator(self) -> dict:
        names = [n for n in self.Meta.fields if n != "kode"]
        return {n: self.cleaned_data.get(n) for n in names}

    def targets(self) -> dict:
        return {
            t: (self.cleaned_data.get(f"target_{t}"), self.cleaned_data.get(f"target_{t}_atas"))
            for t in self.tahun
        }


class TargetForm(forms.Form):
    nilai = AngkaField(label=_("Target"), required=True)
    nilai_atas = AngkaField(label=_("Batas atas"), help_text=_("Isi bila target berupa rentang."))
    tw1 = AngkaField(label=_("Target TW I"))
    tw2 = AngkaField(label=_("Target TW II"))
    tw3 = AngkaField(label=_("Target TW III"))
    tw4 = AngkaField(label=_("Target TW IV"))
    jenis = forms.ChoiceField(
        label=_("Dasar perubahan"), choices=[("", "—"), *JenisPerubahan.choices], required=False
    )
    alasan = forms.CharField(
        label=_("Alasan perubahan"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, perlu_alasan=False, **kwargs):
        super().__init__(*args, **kwargs)
        if perlu_alasan:  # required by the service, which says why
            self.fields["alasan"].help_text = _("Rencana sudah disetujui: perubahan dicatat sebagai revisi.")
        else:
            del self.fields["jenis"], self.fields["alasan"]
