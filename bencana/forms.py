from django import forms
from django.utils.translation import gettext_lazy as _

from bencana.choices import SEBUTAN_KEPALA_PELAKSANA, StatusKeadaan, UnitTugas
from bencana.models import KejadianBencana, LaporanHarian
from opd.choices import JenisOpd
from opd.models import Opd, Pegawai

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
WAKTU = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MultiFotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiFotoField(forms.FileField):
    """Several photos in one input; each is checked by content in the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultiFotoInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class KejadianForm(forms.ModelForm):
    class Meta:
        model = KejadianBencana
        fields = [
            "jenis", "judul", "waktu", "kecamatan", "desa", "lokasi", "uraian", "penyebab", "upaya",
            "meninggal", "luka", "hilang", "pengungsi", "rumah_rusak_ringan", "rumah_rusak_sedang",
            "rumah_rusak_berat", "fasilitas_rusak", "fasilitas_keterangan",
        ]  # fmt: skip
        widgets = {
            "waktu": WAKTU,
            "uraian": forms.Textarea(attrs={"rows": 3}),
            "penyebab": forms.Textarea(attrs={"rows": 2}),
            "upaya": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["waktu"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        self.fields["jenis"].queryset = self.fields["jenis"].queryset.filter(aktif=True)
        self.fields["kecamatan"].queryset = Opd.objects.filter(jenis=JenisOpd.KECAMATAN, aktif=True).order_by(
            "nama"
        )


class FotoKejadianForm(forms.Form):
    foto = MultiFotoField(label=_("Foto"), required=True)
    keterangan = forms.CharField(label=_("Keterangan"), max_length=200, required=False)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status keadaan darurat"), choices=StatusKeadaan.choices)
    nomor_sk = forms.CharField(label=_("Nomor SK Bupati"), max_length=100)
    tanggal_sk = forms.DateField(label=_("Tanggal SK"), widget=TANGGAL)
    mulai = forms.DateField(label=_("Berlaku mulai"), widget=TANGGAL)
    selesai = forms.DateField(label=_("Berlaku sampai"), widget=TANGGAL)

    def clean(self):
        data = super().clean()
        if data.get("mulai") and data.get("selesai") and data["selesai"] < data["mulai"]:
            self.add_error("selesai", _("Tanggal berakhir tidak boleh sebelum tanggal mulai."))
        return data


class PerpanjanganForm(forms.Form):
    nomor_sk = forms.CharField(label=_("Nomor SK perpanjangan"), max_length=100)
    tanggal_sk = forms.DateField(label=_("Tanggal SK"), widget=TANGGAL)
    berakhir_baru = forms.DateField(label=_("Diperpanjang sampai"), widget=TANGGAL)


class TambahPenugasanForm(forms.Form):
    pegawai = forms.ModelChoiceField(label=_("Pegawai"), queryset=Pegawai.objects.none())
    unit = forms.ChoiceField(label=_("Unit komando/klaster"), choices=UnitTugas.choices)
    sebutan = forms.CharField(label=_("Tugas sebagai"), max_length=150, initial=_("Anggota"))
    mulai = forms.DateField(label=_("Mulai"), widget=TANGGAL)
    selesai = forms.DateField(label=_("Selesai"), widget=TANGGAL)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].queryset = (
            Pegawai.objects.filter(aktif=True).select_related("opd").order_by("opd__urutan", "nama")
        )
        self.fields["pegawai"].label_from_instance = lambda p: (
            f"{p.nama} — {p.jabatan} ({p.opd.singkatan or p.opd.nama})"
        )


class UbahPenugasanForm(forms.Form):
    unit = forms.ChoiceField(label=_("Unit komando/klaster"), choices=UnitTugas.choices)
    sebutan = forms.CharField(label=_("Tugas sebagai"), max_length=150, initial=SEBUTAN_KEPALA_PELAKSANA)
    akhiri_pada = forms.DateField(
        label=_("Akhiri penugasan pada"), widget=TANGGAL, required=False,
        help_text=_("Isi untuk mengakhiri lebih awal; kosongkan bila tetap sampai akhir status."),
    )  # fmt: skip
    catatan = forms.CharField(label=_("Catatan"), max_length=300, required=False)


class LaporanForm(forms.ModelForm):
    foto = MultiFotoField(label=_("Foto kegiatan"))

    class Meta:
        model = LaporanHarian
        fields = ["tanggal", "kegiatan", "hasil", "kendala", "kebutuhan"]
        widgets = {
            "tanggal": TANGGAL,
            "kegiatan": forms.Textarea(attrs={"rows": 3}),
            "hasil": forms.Textarea(attrs={"rows": 2}),
            "kendala": forms.Textarea(attrs={"rows": 2}),
            "kebutuhan": forms.Textarea(attrs={"rows": 2}),
        }

    def validate_unique(self):
        pass  # the service reports a second report for the same day with its own message


class TautKlaimForm(forms.Form):
    klaim = forms.ModelChoiceField(label=_("Klaim JKK"), queryset=None)

    def __init__(self, *args, klaim_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["klaim"].queryset = klaim_qs
