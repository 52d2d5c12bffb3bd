"""Inovasi Daerah: the OPDs' innovations, their evidence, and the Indeks Inovasi Daerah scheme as data."""

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kinerja.models.perencanaan import LIHAT_GLOBAL, LIHAT_OPD, Indikator
from sipd.access import Aturan, RestrictedQuerySet
from sipd.roles import Peran

KELOLA_OPD = {Peran.KEPALA_OPD, Peran.OPERATOR_OPD}
KELOLA_GLOBAL = {Peran.ADMIN, Peran.BAPPEDA}
# The scheme is read by every role and kept by Admin (Django admin) when BSKDN changes it.
ATURAN_SKEMA = Aturan(
    global_roles={"add": {Peran.ADMIN}, "change": {Peran.ADMIN}, "delete": {Peran.ADMIN}},
    semua_pengguna=frozenset({"view"}),
)


class JenisInovasi(models.TextChoices):
    TATA_KELOLA = "tata_kelola", _("Inovasi tata kelola pemerintahan daerah")
    PELAYANAN_PUBLIK = "pelayanan_publik", _("Inovasi pelayanan publik")
    LAINNYA = "lainnya", _("Inovasi daerah lainnya")


class TahapanInovasi(models.TextChoices):
    INISIATIF = "inisiatif", _("Inisiatif")
    UJI_COBA = "uji_coba", _("Uji coba")
    PENERAPAN = "penerapan", _("Penerapan")


@pghistory.track()
class IndikatorInovasi(models.Model):
    """One indicator of the Indeks Inovasi Daerah scheme, with its weight."""

    kode = models.CharField(_("kode"), max_length=20, unique=True)
    nama = models.CharField(_("indikator"), max_length=200)
    keterangan = models.TextField(_("keterangan / data pendukung"), blank=True)
    bobot = models.DecimalField(_("bobot"), max_digits=6, decimal_places=2)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("aktif"), default=True, help_text=_("Hanya indikator aktif yang dinilai."))

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = ATURAN_SKEMA

    class Meta:
        verbose_name = _("indikator Indeks Inovasi Daerah")
        verbose_name_plural = _("indikator Indeks Inovasi Daerah")
        ordering = ["urutan", "kode"]
        constraints = [models.CheckConstraint(condition=Q(bobot__gt=0), name="indikator_inovasi_bobot")]

    def __str__(self):
        return self.nama


@pghistory.track()
class OpsiIndikatorInovasi(models.Model):
    """An answer option of an indicator, worth `skor` % of the indicator's weight."""

    indikator = models.ForeignKey(
        IndikatorInovasi, models.CASCADE, related_name="opsi", verbose_name=_("indikator")
    )
    label = models.CharField(_("pilihan"), max_length=300)
    skor = models.DecimalField(_("skor (0–100 % bobot)"), max_digits=5, decimal_places=2)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = ATURAN_SKEMA

    class Meta:
        verbose_name = _("pilihan jawaban")
        verbose_name_plural = _("pilihan jawaban")
        ordering = ["indikator", "urutan", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(skor__gte=0, skor__lte=100), name="opsi_inovasi_skor"),
        ]

    def __str__(self):
        return self.label


def aturan_inovasi(opd_field: str) -> Aturan:
    """Leaders and Bappeda read every OPD's innovations, Bappeda and Admin correct; the OPD keeps its own."""
    return Aturan(
        global_roles={"view": LIHAT_GLOBAL, "add": KELOLA_GLOBAL, "change": KELOLA_GLOBAL,
                      "delete": KELOLA_GLOBAL},
        opd_roles={"view": LIHAT_OPD, "add": KELOLA_OPD, "change": KELOLA_OPD, "delete": KELOLA_OPD},
        opd_field=opd_field,
    )  # fmt: skip


@pghistory.track()
class Inovasi(models.Model):
    opd = models.ForeignKey("opd.Opd", models.PROTECT, related_name="inovasi", verbose_name=_("OPD"))
    nama = models.CharField(_("nama inovasi"), max_length=300)
    jenis = models.CharField(_("jenis inovasi"), max_length=20, choices=JenisInovasi.choices)
    tahapan = models.CharField(_("tahapan"), max_length=10, choices=TahapanInovasi.choices)
    tanggal_inisiatif = models.DateField(_("tanggal inisiatif"))
    tanggal_uji_coba = models.DateField(_("tanggal uji coba"), null=True, blank=True)
    tanggal_penerapan = models.DateField(_("tanggal penerapan"), null=True, blank=True)
    permasalahan = models.TextField(_("permasalahan"))
    metode = models.TextField(_("metode pembaharuan"))
    manfaat = models.TextField(_("manfaat yang diperoleh"))
    indikator = models.ManyToManyField(
        Indikator, blank=True, related_name="inovasi", verbose_name=_("indikator kinerja yang didukung")
    )
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = aturan_inovasi("opd_id")

    class Meta:
        verbose_name = _("inovasi daerah")
        verbose_name_plural = _("inovasi daerah")
        ordering = ["opd_id", "nama"]
        constraints = [
            models.UniqueConstraint(fields=["opd", "nama"], name="inovasi_nama_unik"),
            # The stage reached has its date, and the dates follow the stages.
            models.CheckConstraint(
                condition=Q(tahapan="inisiatif")
                | Q(tahapan="uji_coba", tanggal_uji_coba__isnull=False)
                | Q(tahapan="penerapan", tanggal_uji_coba__isnull=False, tanggal_penerapan__isnull=False),
                name="inovasi_tanggal_tahapan",
            ),
            models.CheckConstraint(
                condition=Q(tanggal_uji_coba__isnull=True) | Q(tanggal_uji_coba__gte=F("tanggal_inisiatif")),
                name="inovasi_uji_coba_sesudah_inisiatif",
            ),
            models.CheckConstraint(
                condition=Q(tanggal_penerapan__isnull=True) | Q(tanggal_penerapan__gte=F("tanggal_uji_coba")),
                name="inovasi_penerapan_sesudah_uji_coba",
            ),
        ]

    def __str__(self):
        return self.nama


@pghistory.track()
class JawabanInovasi(models.Model):
    """The innovation's answer to one indicator of the scheme."""

    inovasi = models.ForeignKey(Inovasi, models.CASCADE, related_name="jawaban")
    indikator = models.ForeignKey(IndikatorInovasi, models.PROTECT, related_name="jawaban")
    opsi = models.ForeignKey(OpsiIndikatorInovasi, models.PROTECT, related_name="+")
    keterangan = models.TextField(_("keterangan"), blank=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = aturan_inovasi("inovasi__opd_id")

    class Meta:
        verbose_name = _("jawaban indikator inovasi")
        verbose_name_plural = _("jawaban indikator inovasi")
        constraints = [
            models.UniqueConstraint(fields=["inovasi", "indikator"], name="jawaban_inovasi_unik"),
        ]

    def __str__(self):
        return f"{self.inovasi_id} {self.indikator_id}"


def lokasi_berkas_inovasi(instance, filename):
    return f"inovasi/{instance.inovasi.opd_id}/{instance.token}"


@pghistory.track()
class BerkasInovasi(models.Model):
    """Evidence of an innovation (SK, report, photos): checked by content, served after a permission check."""

    inovasi = models.ForeignKey(Inovasi, models.CASCADE, related_name="berkas")
    token = models.CharField(max_length=40, unique=True, editable=False)
    berkas = models.FileField(_("berkas"), upload_to=lokasi_berkas_inovasi, max_length=200)
    nama_asli = models.CharField(_("nama berkas"), max_length=200)
    jenis_mime = models.CharField(_("jenis"), max_length=100)
    ukuran = models.PositiveIntegerField(_("ukuran (bita)"))
    diunggah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    diunggah = models.DateTimeField(_("diunggah"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = aturan_inovasi("inovasi__opd_id")

    class Meta:
        verbose_name = _("bukti inovasi")
        verbose_name_plural = _("bukti inovasi")
        ordering = ["diunggah"]

    def __str__(self):
        return self.nama_asli
