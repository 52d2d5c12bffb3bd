"""Quarterly realizations, evidence, the OPD's reporting workflow and Bappeda's entry windows."""

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import StatusPelaporan, Triwulan
from kinerja.models.perencanaan import LIHAT_GLOBAL, LIHAT_OPD, Indikator, Nomenklatur
from sipd.access import Aturan, RestrictedQuerySet
from sipd.roles import Peran

ISI_OPD = {Peran.KEPALA_OPD, Peran.OPERATOR_OPD}
ATURAN_REALISASI = {
    "global_roles": {"view": LIHAT_GLOBAL, "change": {Peran.ADMIN}},
    "opd_roles": {"view": LIHAT_OPD, "change": ISI_OPD},
}


@pghistory.track()
class Realisasi(models.Model):
    """What one indicator achieved in one triwulan, with the OPD's narrative."""

    indikator = models.ForeignKey(Indikator, models.CASCADE, related_name="realisasi")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=Triwulan.choices)
    nilai = models.DecimalField(_("realisasi"), max_digits=20, decimal_places=4, null=True, blank=True)
    faktor_pendorong = models.TextField(_("faktor pendorong"), blank=True)
    faktor_penghambat = models.TextField(_("faktor penghambat"), blank=True)
    tindak_lanjut = models.TextField(_("tindak lanjut"), blank=True)
    diubah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(**ATURAN_REALISASI, opd_field="indikator__opd_id")

    class Meta:
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "triwulan"], name="realisasi_unik"),
            models.CheckConstraint(condition=Q(triwulan__gte=1, triwulan__lte=4), name="realisasi_triwulan"),
        ]
        indexes = [models.Index(fields=["tahun", "triwulan"])]

    def __str__(self):
        return f"{self.indikator_id} {self.tahun} TW{self.triwulan}"


@pghistory.track()
class RealisasiAnggaran(models.Model):
    """Budget spent (Rp) on a program, kegiatan or sub kegiatan in one triwulan."""

    nomenklatur = models.ForeignKey(Nomenklatur, models.CASCADE, related_name="realisasi_anggaran")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=Triwulan.choices)
    nilai = models.DecimalField(_("realisasi anggaran (Rp)"), max_digits=18, decimal_places=2, null=True)
    diubah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(**ATURAN_REALISASI, opd_field="nomenklatur__opd_id")

    class Meta:
        verbose_name = _("realisasi anggaran")
        verbose_name_plural = _("realisasi anggaran")
        constraints = [
            models.UniqueConstraint(
                fields=["nomenklatur", "tahun", "triwulan"], name="realisasi_anggaran_unik"
            ),
            models.CheckConstraint(condition=Q(nilai__gte=0), name="realisasi_anggaran_tidak_negatif"),
        ]

    def __str__(self):
        return f"{self.nomenklatur_id} {self.tahun} TW{self.triwulan}"


def lokasi_bukti(instance, filename):
    # The extension comes from the detected type (the service names the file token.ext), never the uploader.
    ekstensi = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    realisasi = instance.realisasi
    return f"bukti/{realisasi.tahun}/{realisasi.indikator.opd_id}/{instance.token}.{ekstensi}"


@pghistory.track()
class BuktiDukung(models.Model):
    realisasi = models.ForeignKey(Realisasi, models.CASCADE, related_name="bukti")
    token = models.CharField(max_length=40, unique=True, editable=False)
    berkas = models.FileField(_("berkas"), upload_to=lokasi_bukti, max_length=200)
    nama_asli = models.CharField(_("nama berkas"), max_length=200)
    jenis_mime = models.CharField(_("jenis"), max_length=100)
    ukuran = models.PositiveIntegerField(_("ukuran (bita)"))
    diunggah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    diunggah = models.DateTimeField(_("diunggah"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={"view": LIHAT_GLOBAL, "delete": {Peran.ADMIN}},
        opd_roles={"view": LIHAT_OPD, "add": ISI_OPD, "delete": ISI_OPD},
        opd_field="realisasi__indikator__opd_id",
    )

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["diunggah"]

    def __str__(self):
        return self.nama_asli


@pghistory.track()
class PelaporanTriwulan(models.Model):
    """One OPD's report for one triwulan: draf → diajukan → diverifikasi, or dikembalikan."""

    opd = models.ForeignKey("opd.Opd", models.PROTECT, related_name="pelaporan")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=Triwulan.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=StatusPelaporan.choices, default=StatusPelaporan.DRAF
    )
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diajukan = models.DateTimeField(_("diajukan"), null=True, blank=True)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diverifikasi = models.DateTimeField(_("diverifikasi"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={"view": LIHAT_GLOBAL, "verifikasi": {Peran.BAPPEDA, Peran.ADMIN}},
        opd_roles={"view": LIHAT_OPD, "ajukan": ISI_OPD},
        opd_field="opd_id",
    )

    class Meta:
        verbose_name = _("pelaporan triwulan")
        verbose_name_plural = _("pelaporan triwulan")
        constraints = [
            models.UniqueConstraint(fields=["opd", "tahun", "triwulan"], name="pelaporan_unik"),
        ]

    def __str__(self):
        return f"{self.opd_id} {self.tahun} TW{self.triwulan} {self.status}"


class RiwayatPelaporan(models.Model):
    """Every workflow transition: who, when, from and to which status, and why."""

    pelaporan = models.ForeignKey(PelaporanTriwulan, models.CASCADE, related_name="riwayat")
    dari = models.CharField(max_length=12, choices=StatusPelaporan.choices)
    ke = models.CharField(max_length=12, choices=StatusPelaporan.choices)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    waktu = models.DateTimeField(auto_now_add=True)
    catatan = models.TextField(blank=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={"view": LIHAT_GLOBAL}, opd_roles={"view": LIHAT_OPD}, opd_field="pelaporan__opd_id"
    )

    class Meta:
        ordering = ["waktu", "id"]

    def __str__(self):
        return f"{self.dari} → {self.ke}"


@pghistory.track()
class CatatanVerifikasi(models.Model):
    """Bappeda's comment on one indicator when it returns a report."""

    pelaporan = models.ForeignKey(PelaporanTriwulan, models.CASCADE, related_name="catatan")
    indikator = models.ForeignKey(Indikator, models.CASCADE, related_name="catatan_verifikasi")
    catatan = models.TextField(_("catatan"))
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    waktu = models.DateTimeField(auto_now_add=True)
    selesai = models.BooleanField(_("sudah ditindaklanjuti"), default=False)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={"view": LIHAT_GLOBAL}, opd_roles={"view": LIHAT_OPD}, opd_field="pelaporan__opd_id"
    )

    class Meta:
        verbose_name = _("catatan verifikasi")
        verbose_name_plural = _("catatan verifikasi")
        ordering = ["waktu"]

    def __str__(self):
        return self.catatan[:60]


@pghistory.track()
class JadwalTriwulan(models.Model):
    """Bappeda's entry window for a triwulan, and its lock."""

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=Triwulan.choices)
    mulai = models.DateField(_("pengisian dibuka"))
    selesai = models.DateField(_("batas pengisian"))
    terkunci = models.BooleanField(_("terkunci"), default=False)
    dikunci_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dikunci = models.DateTimeField(_("dikunci"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={"change": {Peran.BAPPEDA, Peran.ADMIN}, "add": {Peran.BAPPEDA, Peran.ADMIN}},
        semua_pengguna=frozenset({"view"}),
    )

    class Meta:
        verbose_name = _("jadwal pengisian")
        verbose_name_plural = _("jadwal pengisian")
        ordering = ["tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "triwulan"], name="jadwal_unik"),
            models.CheckConstraint(condition=Q(selesai__gte=models.F("mulai")), name="jadwal_urut"),
        ]

    def __str__(self):
        return f"{self.tahun} TW{self.triwulan}"


class BukaKunci(models.Model):
    """A recorded unlock of a locked triwulan, for one OPD or all, until a time."""

    jadwal = models.ForeignKey(JadwalTriwulan, models.CASCADE, related_name="buka_kunci")
    opd = models.ForeignKey("opd.Opd", models.CASCADE, null=True, blank=True, related_name="+")
    alasan = models.TextField(_("alasan"))
    sampai = models.DateTimeField(_("berlaku sampai"))
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    waktu = models.DateTimeField(auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(global_roles={"view": LIHAT_GLOBAL | {Peran.ADMIN}})

    class Meta:
        verbose_name = _("pembukaan kunci")
        verbose_name_plural = _("pembukaan kunci")
        ordering = ["-waktu"]

    def __str__(self):
        return f"{self.jadwal} {self.alasan[:40]}"
