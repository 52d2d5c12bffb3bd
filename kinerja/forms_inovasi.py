from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.models import Indikator, IndikatorInovasi, Inovasi
from opd.models import Opd
from sipd import access

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def opd_pilihan(user, model, action=access.ADD):
    """The perangkat daerah whose rows of `model` the user may add."""
    qs = Opd.objects.filter(induk__isnull=True, aktif=True).order_by("urutan", "kode")
    if access.can_any(user, action, model) and access.can_for_opd(user, action, model, -1):
        return qs  # a Pemda-wide role
    return qs.filter(
        pk__in=[o for o in access.roles_of(user).opd_ids if access.can_for_opd(user, action, model, o)]
    )


def indikator_pilihan(user, opd_id):
    if not opd_id:
        return Indikator.objects.none()
    return Indikator.objects.visible_to(user).filter(opd_id=opd_id).order_by("periode__tahun_awal", "kode")


class InovasiForm(forms.ModelForm):
    """The innovation, then one select per indicator of the scheme (fields `jawaban_<id>`)."""

    class Meta:
        model = Inovasi
        fields = [
            "opd", "nama", "jenis", "tahapan", "tanggal_inisiatif", "tanggal_uji_coba", "tanggal_penerapan",
            "permasalahan", "metode", "manfaat", "indikator",
        ]  # fmt: skip
        widgets = {
            "tanggal_inisiatif": TANGGAL, "tanggal_uji_coba": TANGGAL, "tanggal_penerapan": TANGGAL,
            "permasalahan": forms.Textarea(attrs={"rows": 3}), "metode": forms.Textarea(attrs={"rows": 3}),
            "manfaat": forms.Textarea(attrs={"rows": 3}),
            "indikator": forms.SelectMultiple(attrs={"size": 6}),
        }  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opd_pilihan(user, Inovasi)
        self.fields["opd"].empty_label = None if self.fields["opd"].queryset.count() == 1 else "—"
        opd_id = self.instance.opd_id or (
            self.fields["opd"].queryset.first().pk if self.fields["opd"].queryset.count() == 1 else None
        )
        self.fields["indikator"].queryset = indikator_pilihan(user, opd_id)
        self.fields["indikator"].required = False
        self.fields["indikator"].help_text = (
            _("Indikator kinerja OPD yang didukung inovasi ini (boleh lebih dari satu).")
            if opd_id
            else _("Simpan dulu, lalu pilih indikator kinerja OPD yang didukung.")
        )
        terjawab = (
            dict(self.instance.jawaban.values_list("indikator_id", "opsi_id")) if self.instance.pk else {}
        )
        self.skema = list(IndikatorInovasi.objects.filter(aktif=True).prefetch_related("opsi"))
        for ind in self.skema:
            self.fields[f"jawaban_{ind.pk}"] = forms.TypedChoiceField(
                label=ind.nama, required=False, coerce=int, empty_value=None,
                choices=[("", "—"), *((o.pk, o.label) for o in ind.opsi.all())],
                initial=terjawab.get(ind.pk), help_text=ind.keterangan,
            )  # fmt: skip

    def field_utama(self):
        return [self[f] for f in self.Meta.fields]

    def field_skema(self):
        return [self[f"jawaban_{ind.pk}"] for ind in self.skema]

    def jawaban(self) -> dict[int, int | None]:
        return {ind.pk: self.cleaned_data.get(f"jawaban_{ind.pk}") for ind in self.skema}


class BerkasForm(forms.Form):
    berkas = forms.FileField(label=_("Berkas bukti"))


class FilterInovasiForm(forms.Form):
    opd = forms.ModelChoiceField(label=_("OPD"), queryset=Opd.objects.none(), required=False)
    jenis = forms.ChoiceField(label=_("Jenis"), required=False)
    tahapan = forms.ChoiceField(label=_("Tahapan"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from kinerja.models.inovasi import JenisInovasi, TahapanInovasi

        self.fields["opd"].queryset = opd_pilihan(user, Inovasi, access.VIEW)
        self.fields["jenis"].choices = [("", _("Semua jenis")), *JenisInovasi.choices]
        self.fields["tahapan"].choices = [("", _("Semua tahapan")), *TahapanInovasi.choices]
