from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.forms_inovasi import TANGGAL, indikator_pilihan, opd_pilihan
from kinerja.models import SurveiIkm
from kinerja.models.ikm import UNSUR_FIELDS, UNSUR_IKM, JenisKelamin, Pekerjaan, Pendidikan


class SurveiForm(forms.ModelForm):
    class Meta:
        model = SurveiIkm
        fields = [
            "opd", "unit_layanan", "jenis_layanan", "tahun", "periode", "tanggal_mulai", "tanggal_selesai",
            "populasi", "dibuka", "indikator",
        ]  # fmt: skip
        widgets = {"tanggal_mulai": TANGGAL, "tanggal_selesai": TANGGAL, "tahun": forms.NumberInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        pilihan = opd_pilihan(user, SurveiIkm, "change" if self.instance.pk else "add")
        self.fields["opd"].queryset = pilihan
        satu = pilihan.first() if len(pilihan) == 1 else None
        if satu:
            self.fields["opd"].empty_label = None
        self.fields["tahun"].widget.attrs.update(min=2000, max=2100)
        self.fields["tahun"].localize = False
        self.fields["populasi"].localize = False
        self.fields["indikator"].queryset = indikator_pilihan(
            user, self.instance.opd_id or (satu and satu.pk)
        )
        if not self.fields["indikator"].queryset.exists():
            self.fields["indikator"].help_text = _(
                "Simpan dulu, lalu pilih indikator OPD yang diisi hasil IKM."
            )

    def clean_tahun(self):
        tahun = self.cleaned_data["tahun"]
        if not 2000 <= tahun <= 2100:
            raise forms.ValidationError(_("Tahun tidak wajar."))
        return tahun


NILAI = [(str(i), str(i)) for i in range(1, 5)]


class KuesionerForm(forms.Form):
    """The public questionnaire: nine elements (blank allowed), the profile, a comment, and the honeypot."""

    usia = forms.IntegerField(label=_("Usia (tahun)"), min_value=10, max_value=120, required=False)
    jenis_kelamin = forms.ChoiceField(
        label=_("Jenis kelamin"), choices=[("", "—"), *JenisKelamin.choices], required=False
    )
    pendidikan = forms.ChoiceField(
        label=_("Pendidikan"), choices=[("", "—"), *Pendidikan.choices], required=False
    )
    pekerjaan = forms.ChoiceField(
        label=_("Pekerjaan"), choices=[("", "—"), *Pekerjaan.choices], required=False
    )
    saran = forms.CharField(
        label=_("Saran dan masukan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    # Honeypot: hidden from people (CSS class, aria-hidden, no tab stop); bots fill it.
    situs_web = forms.CharField(
        label=_("Jangan diisi"), required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in UNSUR_FIELDS:
            self.fields[field] = forms.TypedChoiceField(
                choices=NILAI, coerce=int, empty_value=None, required=False, widget=forms.RadioSelect
            )
        self.fields["usia"].localize = False

    def unsur(self):
        """(field, number, element name, question, [(value, label)]) for the template."""
        return [
            (self[f], i + 1, nama, tanya, list(zip(("1", "2", "3", "4"), jawab, strict=True)))
            for i, (f, (nama, tanya, jawab)) in enumerate(zip(UNSUR_FIELDS, UNSUR_IKM, strict=True))
        ]

    def field_profil(self):
        return [self[f] for f in ("usia", "jenis_kelamin", "pendidikan", "pekerjaan", "saran")]

    def clean(self):
        data = super().clean()
        if all(data.get(f) is None for f in UNSUR_FIELDS):
            raise forms.ValidationError(_("Jawab sedikitnya satu pertanyaan."))
        return data

    def jawaban(self) -> list[int | None]:
        return [self.cleaned_data.get(f) for f in UNSUR_FIELDS]

    def profil(self) -> dict:
        return {k: self.cleaned_data.get(k) for k in ("usia", "jenis_kelamin", "pendidikan", "pekerjaan")}
