import pghistory
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sipd.access import Aturan, RestrictedQuerySet
from sipd.roles import Peran
from sipd.validators import validate_nip


class User(AbstractUser):
    """A portal account. Roles live in opd.PenugasanPeran (by OPD where the role is OPD-scoped)."""

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self):
        return self.get_full_name() or self.username


@pghistory.track()
class Pemda(models.Model):
    """Profile of the one Pemda this deployment serves (a single row)."""

    class Jenis(models.TextChoices):
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    singleton = models.BooleanField(default=True, unique=True, editable=False)
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices, default=Jenis.KABUPATEN)
    nama = models.CharField(_("nama daerah"), max_length=100, help_text=_("Contoh: Sukamaju"))
    kode_wilayah = models.CharField(
        _("kode wilayah"),
        max_length=5,
        validators=[RegexValidator(r"^\d{2}\.\d{2}$", _("Kode wilayah Kemendagri berformat 32.15."))],
    )
    alamat = models.CharField(_("alamat kantor"), max_length=200, blank=True)
    logo = models.ImageField(_("logo"), upload_to="pemda/", blank=True)
    bupati_nama = models.CharField(_("nama Bupati/Wali Kota"), max_length=100, blank=True)
    bupati_nip = models.CharField(
        _("NIP Bupati/Wali Kota"), max_length=18, blank=True, validators=[validate_nip]
    )
    wakil_nama = models.CharField(_("nama Wakil"), max_length=100, blank=True)
    wakil_nip = models.CharField(_("NIP Wakil"), max_length=18, blank=True, validators=[validate_nip])
    sekda_nama = models.CharField(_("nama Sekretaris Daerah"), max_length=100, blank=True)
    sekda_nip = models.CharField(
        _("NIP Sekretaris Daerah"), max_length=18, blank=True, validators=[validate_nip]
    )
    kepala_bappeda_nama = models.CharField(_("nama Kepala Bappeda"), max_length=100, blank=True)
    kepala_bappeda_nip = models.CharField(
        _("NIP Kepala Bappeda"), max_length=18, blank=True, validators=[validate_nip]
    )
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={
            "view": {Peran.ADMIN, Peran.BAPPEDA, Peran.PIMPINAN, Peran.KEPEGAWAIAN},
            "change": {Peran.ADMIN},
        },
    )

    class Meta:
        verbose_name = _("profil Pemda")
        verbose_name_plural = _("profil Pemda")

    def __str__(self):
        return self.nama_lengkap

    @property
    def nama_lengkap(self) -> str:
        prefix = _("Pemerintah Kabupaten") if self.jenis == self.Jenis.KABUPATEN else _("Pemerintah Kota")
        return f"{prefix} {self.nama}"

    @property
    def sebutan_kepala_daerah(self) -> str:
        return _("Bupati") if self.jenis == self.Jenis.KABUPATEN else _("Wali Kota")


class Notifikasi(models.Model):
    penerima = models.ForeignKey(
        User, verbose_name=_("penerima"), on_delete=models.CASCADE, related_name="notifikasi"
    )
    judul = models.CharField(_("judul"), max_length=200)
    pesan = models.TextField(_("pesan"), blank=True)
    tautan = models.CharField(_("tautan"), max_length=300, blank=True)
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True, db_index=True)
    dibaca = models.DateTimeField(_("dibaca"), null=True, blank=True)
    email_terkirim = models.DateTimeField(_("email terkirim"), null=True, blank=True)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-dibuat"]
        indexes = [
            models.Index(
                fields=["penerima"], condition=models.Q(dibaca__isnull=True), name="notifikasi_belum_dibaca"
            )
        ]

    def __str__(self):
        return self.judul


class PekerjaanLaporan(models.Model):
    """One request for a report file: antrian → diproses → selesai, or gagal with the reason."""

    class Status(models.TextChoices):
        ANTRIAN = "antrian", _("Dalam antrian")
        DIPROSES = "diproses", _("Sedang diproses")
        SELESAI = "selesai", _("Selesai")
        GAGAL = "gagal", _("Gagal")

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "Excel (xlsx)"

    jenis = models.CharField(_("jenis laporan"), max_length=40)
    parameter = models.JSONField(_("parameter"), default=dict)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    versi_data = models.CharField(_("versi data"), max_length=64, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ANTRIAN)
    progres = models.PositiveSmallIntegerField(_("progres (%)"), default=0)
    pesan = models.TextField(_("keterangan"), blank=True)
    berkas = models.FileField(_("berkas"), upload_to="laporan/", blank=True, max_length=200)
    nama_berkas = models.CharField(_("nama berkas"), max_length=200, blank=True)
    halaman = models.PositiveIntegerField(_("jumlah halaman"), null=True, blank=True)
    memori_puncak_mb = models.PositiveIntegerField(_("memori puncak per proses (MB)"), null=True, blank=True)
    diminta_oleh = models.ForeignKey(User, models.SET_NULL, null=True, related_name="+")
    dibuat = models.DateTimeField(_("diminta"), auto_now_add=True)
    mulai = models.DateTimeField(_("mulai"), null=True, blank=True)
    selesai = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        verbose_name = _("pekerjaan laporan")
        verbose_name_plural = _("pekerjaan laporan")
        ordering = ["-dibuat"]
        indexes = [models.Index(fields=["jenis", "format", "versi_data", "status"])]

    def __str__(self):
        return f"{self.jenis} {self.format} {self.status}"


from sipd.audit import CatatanAkses  # noqa: E402, F401 - the access log model lives in sipd/audit.py
from sipd.idempotensi import TugasSelesai  # noqa: E402, F401 - job idempotency records, sipd/idempotensi.py
