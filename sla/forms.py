from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opd.models import Opd
from sipd import access
from sipd.roles import Peran
from sipd.uploads import periksa_ekstensi
from sla.choices import SatuanWaktu
from sla.models import Layanan, LiburDaerah

PERANGKAT_DAERAH = Opd.objects.filter(induk__isnull=True, aktif=True).order_by("urutan", "kode")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class LampiranField(forms.FileField):
    """Several files at once, each checked by content and size before anything is stored."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Lampiran"))
        tipe = ", ".join(t.upper() for t in settings.SIPD_SLA_LAMPIRAN_TIPE)
        kwargs.setdefault(
            "help_text",
            _("Boleh beberapa berkas: %(tipe)s, masing-masing paling besar %(mb)s MB.")
            % {"tipe": tipe, "mb": settings.SIPD_SLA_LAMPIRAN_MAX_BYTES // (1024 * 1024)},
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = [super(LampiranField, self).clean(f, initial) for f in files]
        for berkas in cleaned:
            periksa_ekstensi(
                berkas, tipe=settings.SIPD_SLA_LAMPIRAN_TIPE, max_bytes=settings.SIPD_SLA_LAMPIRAN_MAX_BYTES
            )
        return cleaned


def _baris(teks: str) -> list[str]:
    return [line.strip(" -•\t") for line in (teks or "").splitlines() if line.strip(" -•\t")]


def opd_kelolaan(user):
    """Perangkat daerah the user works for (Kepala/Operator); every one for Admin."""
    if access.has_role(user, Peran.ADMIN):
        return PERANGKAT_DAERAH
    return PERANGKAT_DAERAH.filter(pk__in=access.roles_of(user).opd_ids)


class LayananForm(forms.ModelForm):
    class Meta:
        model = Layanan
        fields = ["penyedia", "nama", "uraian", "aktif"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penyedia"].queryset = opd_kelolaan(user)
        if self.instance.pk:
            self.fields["penyedia"].disabled = True


class SlaForm(forms.Form):
    layanan = forms.ModelChoiceField(label=_("Layanan"), queryset=Layanan.objects.none())
    penerima_semua = forms.BooleanField(label=_("Berlaku bagi semua perangkat daerah"), required=False)
    penerima = forms.ModelMultipleChoiceField(
        label=_("Perangkat daerah penerima"), queryset=PERANGKAT_DAERAH, required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Tahan Ctrl untuk memilih beberapa."),
    )  # fmt: skip
    persyaratan = forms.CharField(
        label=_("Persyaratan"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Satu persyaratan per baris."),
    )
    standar_waktu = forms.IntegerField(label=_("Standar waktu"), min_value=1, max_value=365)
    satuan_waktu = forms.ChoiceField(label=_("Satuan"), choices=SatuanWaktu.choices)
    keluaran = forms.CharField(label=_("Produk/keluaran layanan"), widget=forms.Textarea(attrs={"rows": 2}))
    ukuran_mutu = forms.CharField(
        label=_("Ukuran mutu"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        help_text=_("Satu ukuran per baris, mis. “tidak ada revisi karena kesalahan penyedia”."),
    )  # fmt: skip
    kontak_eskalasi = forms.CharField(
        label=_("Kontak eskalasi"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        help_text=_("Satu kontak per baris: Nama | Jabatan | Telepon atau email."),
    )  # fmt: skip
    berlaku_mulai = forms.DateField(label=_("Berlaku mulai"), widget=forms.DateInput(attrs={"type": "date"}))
    berlaku_sampai = forms.DateField(
        label=_("Berlaku sampai"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Kosongkan bila berlaku sampai diganti."),
    )  # fmt: skip

    def __init__(self, *args, user, sla=None, **kwargs):
        if sla is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "layanan": sla.layanan_id, "penerima_semua": sla.penerima_semua,
                "penerima": list(sla.penerima.values_list("pk", flat=True)),
                "persyaratan": "\n".join(sla.persyaratan), "standar_waktu": sla.standar_waktu,
                "satuan_waktu": sla.satuan_waktu, "keluaran": sla.keluaran,
                "ukuran_mutu": "\n".join(sla.ukuran_mutu),
                "kontak_eskalasi": "\n".join(
                    " | ".join(k.get(f, "") for f in ("nama", "jabatan", "kontak"))
                    for k in sla.kontak_eskalasi
                ),
                "berlaku_mulai": sla.berlaku_mulai, "berlaku_sampai": sla.berlaku_sampai,
            }  # fmt: skip
        kwargs.setdefault("initial", {}).setdefault("berlaku_mulai", timezone.localdate())
        super().__init__(*args, **kwargs)
        layanan = Layanan.objects.filter(aktif=True, penyedia__in=opd_kelolaan(user)).select_related(
            "penyedia"
        )
        if sla is not None:
            layanan = layanan.filter(penyedia_id=sla.penyedia_id)
        self.fields["layanan"].queryset = layanan.order_by("penyedia__urutan", "nama")
        self.fields["layanan"].label_from_instance = lambda obj: (
            f"{obj.penyedia.singkatan or obj.penyedia} — {obj}"
        )

    def clean_persyaratan(self):
        baris = _baris(self.cleaned_data["persyaratan"])
        if not baris:
            raise forms.ValidationError(_("Isi sedikitnya satu persyaratan."))
        return baris

    def clean_ukuran_mutu(self):
        return _baris(self.cleaned_data["ukuran_mutu"])

    def clean_kontak_eskalasi(self):
        kontak = []
        for nomor, line in enumerate(_baris(self.cleaned_data["kontak_eskalasi"]), start=1):
            bagian = [p.strip() for p in line.split("|")]
            if len(bagian) != 3 or not all(bagian):
                raise forms.ValidationError(
                    _("Baris %(n)s: tulis Nama | Jabatan | Telepon atau email.") % {"n": nomor}
                )
            kontak.append(dict(zip(("nama", "jabatan", "kontak"), bagian, strict=True)))
        return kontak

    def clean(self):
        data = super().clean()
        if not data.get("penerima_semua") and not data.get("penerima"):
            self.add_error("penerima", _("Pilih perangkat daerah penerima, atau centang semua."))
        mulai, sampai = data.get("berlaku_mulai"), data.get("berlaku_sampai")
        if mulai and sampai and sampai < mulai:
            self.add_error("berlaku_sampai", _("Akhir masa berlaku tidak boleh sebelum awalnya."))
        return data

    def data_sla(self) -> tuple[dict, list]:
        data = dict(self.cleaned_data)
        return data, list(data.pop("penerima") or [])


class PermohonanForm(forms.Form):
    sla = forms.ModelChoiceField(label=_("Layanan (SLA)"), queryset=None)
    pemohon = forms.ModelChoiceField(label=_("Perangkat daerah pemohon"), queryset=None)
    perihal = forms.CharField(label=_("Perihal"), max_length=200)
    uraian = forms.CharField(label=_("Uraian"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    lampiran = LampiranField()

    def __init__(self, *args, user, sla_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sla"].queryset = sla_qs
        self.fields["sla"].label_from_instance = lambda s: (
            f"{s.penyedia.singkatan or s.penyedia} — {s.layanan} ({s.standar_label})"
        )
        self.fields["pemohon"].queryset = PERANGKAT_DAERAH.filter(pk__in=access.roles_of(user).opd_ids)
        if self.fields["pemohon"].queryset.count() == 1:
            self.fields["pemohon"].initial = self.fields["pemohon"].queryset.first()


class KelengkapanForm(forms.Form):
    kekurangan = forms.CharField(
        label=_("Persyaratan yang kurang"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class LengkapiForm(forms.Form):
    catatan = forms.CharField(label=_("Keterangan"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    lampiran = LampiranField()


class SelesaiForm(forms.Form):
    hasil = forms.CharField(label=_("Hasil layanan"), widget=forms.Textarea(attrs={"rows": 3}))
    lampiran = LampiranField()


class TolakForm(forms.Form):
    alasan = forms.CharField(label=_("Alasan penolakan"), widget=forms.Textarea(attrs={"rows": 3}))


class BatalForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan pembatalan"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


FORM_AKSI = {
    "kelengkapan": KelengkapanForm,
    "lengkapi": LengkapiForm,
    "selesaikan": SelesaiForm,
    "tolak": TolakForm,
    "batalkan": BatalForm,
}


class LiburForm(forms.ModelForm):
    class Meta:
        model = LiburDaerah
        fields = ["tanggal", "nama"]
        widgets = {"tanggal": forms.DateInput(attrs={"type": "date"})}


class PeriodeForm(forms.Form):
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2020, max_value=2100)
    triwulan = forms.TypedChoiceField(
        label=_("Triwulan"), required=False, coerce=int, empty_value=None,
        choices=[("", _("Setahun")), (1, "I"), (2, "II"), (3, "III"), (4, "IV")],
    )  # fmt: skip

    def periode(self) -> tuple[int, int | None]:
        if self.is_valid():
            return self.cleaned_data["tahun"], self.cleaned_data["triwulan"]
        return timezone.localdate().year, None
