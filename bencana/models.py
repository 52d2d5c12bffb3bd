"""Disasters, their status decrees, and the duty assignments and daily reports that follow from them.

Who manages what: the BPBD's Kepala and Operator (the OPD named by SIPD_OPD_BPBD, the owner of every
KejadianBencana) and Admin change disasters, decrees and assignments; Pimpinan and Bappeda read them. An OPD's
Kepala and Operator see their own OPD's assignments, acknowledge them and file the daily reports.
"""

import uuid

import pghistory
from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, RangeBoundary, RangeOperators
from django.db import models
from django.db.models import F, Func, Q
from django.utils.translation import gettext_lazy as _

from bencana.choices import SEBUTAN_KEPALA_PELAKSANA, DasarPenugasan, StatusKeadaan, UnitTugas
from opd.choices import JenisOpd
from sipd.access import Aturan, RestrictedQuerySet
from sipd.roles import Peran

PERAN_OPD = {Peran.KEPALA_OPD, Peran.OPERATOR_OPD}
PENGAMAT = {Peran.ADMIN, Peran.BAPPEDA, Peran.PIMPINAN}


class DateRange(Func):
    """PostgreSQL daterange(lower, upper, '[]'): both days included."""

    function = "DATERANGE"
    output_field = DateRangeField()


def _tertutup(mulai: str, selesai: str) -> DateRange:
    return DateRange(mulai, selesai, RangeBoundary(inclusive_lower=True, inclusive_upper=True))


def _nama_berkas(folder: str, filename: str) -> str:
    """A generated name: the uploader's file name is never used on disk."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{folder}/{uuid.uuid4().hex}.{ext}"


def upload_foto_kejadian(instance, filename):
    return _nama_berkas("bencana/kejadian", filename)


def upload_foto_laporan(instance, filename):
    return _nama_berkas("bencana/laporan", filename)


# Disasters belong to the BPBD (their `opd`): its OPD roles manage them through the usual OPD scope.
ATURAN_KEJADIAN = {
    "global_roles": {
        "view": PENGAMAT,
        "add": {Peran.ADMIN},
        "change": {Peran.ADMIN},
        "delete": {Peran.ADMIN},
    },
    "opd_roles": {"view": PERAN_OPD, "add": PERAN_OPD, "change": PERAN_OPD, "delete": PERAN_OPD},
}
# Assignments belong to the OPD the assignee serves: its Kepala and Operator acknowledge and report.
# Kepegawaian reads them too: a work accident on duty becomes a BPJS JKK claim.
ATURAN_PENUGASAN = {
    "global_roles": {
        "view": PENGAMAT | {Peran.KEPEGAWAIAN},
        "add": {Peran.ADMIN},
        "change": {Peran.ADMIN},
        "delete": {Peran.ADMIN},
    },
    "opd_roles": {"view": PERAN_OPD, "change": PERAN_OPD},
}


@pghistory.track()
class JenisBencana(models.Model):
    """Kind of disaster; Admin extends the list (Django admin)."""

    nama = models.CharField(_("nama"), max_length=80, unique=True)
    aktif = models.BooleanField(_("aktif"), default=True)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={"add": {Peran.ADMIN}, "change": {Peran.ADMIN}, "delete": {Peran.ADMIN}},
        semua_pengguna=frozenset({"view"}),
    )

    class Meta:
        verbose_name = _("jenis bencana")
        verbose_name_plural = _("jenis bencana")
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama


@pghistory.track()
class KejadianBencana(models.Model):
    """A disaster event with the incident report's questions: apa, kapan, di mana, berapa, penyebab, upaya."""

    opd = models.ForeignKey(
        "opd.Opd", verbose_name=_("OPD pengelola"), on_delete=models.PROTECT, related_name="kejadian_bencana"
    )
    jenis = models.ForeignKey(JenisBencana, verbose_name=_("jenis bencana"), on_delete=models.PROTECT)
    judul = models.CharField(_("nama kejadian"), max_length=200)
    waktu = models.DateTimeField(_("waktu kejadian (kapan)"))
    kecamatan = models.ForeignKey(
        "opd.Opd",
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"jenis": JenisOpd.KECAMATAN},
    )
    desa = models.CharField(_("desa/kelurahan"), max_length=300, blank=True)
    lokasi = models.CharField(_("lokasi rinci (di mana)"), max_length=300, blank=True)
    uraian = models.TextField(_("uraian kejadian (apa)"))
    penyebab = models.TextField(_("penyebab"), blank=True)
    upaya = models.TextField(_("upaya yang dilakukan"), blank=True)
    meninggal = models.PositiveIntegerField(_("meninggal"), default=0)
    luka = models.PositiveIntegerField(_("luka-luka"), default=0)
    hilang = models.PositiveIntegerField(_("hilang"), default=0)
    pengungsi = models.PositiveIntegerField(_("pengungsi"), default=0)
    rumah_rusak_ringan = models.PositiveIntegerField(_("rumah rusak ringan"), default=0)
    rumah_rusak_sedang = models.PositiveIntegerField(_("rumah rusak sedang"), default=0)
    rumah_rusak_berat = models.PositiveIntegerField(_("rumah rusak berat"), default=0)
    fasilitas_rusak = models.PositiveIntegerField(_("fasilitas umum rusak"), default=0)
    fasilitas_keterangan = models.CharField(
        _("fasilitas yang rusak"), max_length=300, blank=True, help_text=_("Contoh: 2 sekolah, 1 jembatan")
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(**ATURAN_KEJADIAN, opd_field="opd_id")

    class Meta:
        verbose_name = _("kejadian bencana")
        verbose_name_plural = _("kejadian bencana")
        ordering = ["-waktu", "-pk"]

    def __str__(self):
        return self.judul

    @property
    def rumah_rusak(self) -> int:
        return self.rumah_rusak_ringan + self.rumah_rusak_sedang + self.rumah_rusak_berat


@pghistory.track()
class FotoKejadian(models.Model):
    kejadian = models.ForeignKey(KejadianBencana, on_delete=models.CASCADE, related_name="foto")
    berkas = models.FileField(_("berkas"), upload_to=upload_foto_kejadian)
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dibuat = models.DateTimeField(_("diunggah"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(**ATURAN_KEJADIAN, opd_field="kejadian__opd_id")

    class Meta:
        verbose_name = _("foto kejadian")
        verbose_name_plural = _("foto kejadian")
        ordering = ["dibuat", "pk"]

    def __str__(self):
        return self.keterangan or self.berkas.name


@pghistory.track()
class StatusDarurat(models.Model):
    """One SK Bupati setting a status keadaan darurat for a disaster; `berakhir` follows its extensions."""

    kejadian = models.ForeignKey(KejadianBencana, on_delete=models.PROTECT, related_name="status_darurat")
    status = models.CharField(_("status"), max_length=10, choices=StatusKeadaan.choices)
    nomor_sk = models.CharField(_("nomor SK Bupati"), max_length=100)
    tanggal_sk = models.DateField(_("tanggal SK"))
    mulai = models.DateField(_("berlaku mulai"))
    selesai = models.DateField(_("berlaku sampai (SK awal)"))
    berakhir = models.DateField(_("berakhir"), help_text=_("Tanggal akhir setelah perpanjangan."))
    penugasan_dibuat = models.DateTimeField(_("penugasan dibuat"), null=True, blank=True, editable=False)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(**ATURAN_KEJADIAN, opd_field="kejadian__opd_id")

    class Meta:
        verbose_name = _("status keadaan darurat")
        verbose_name_plural = _("status keadaan darurat")
        ordering = ["mulai", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__gte=F("mulai")) & Q(berakhir__gte=F("mulai")),
                name="status_darurat_periode_urut",
                violation_error_message=_("Tanggal berakhir tidak boleh sebelum tanggal mulai."),
            ),
            models.UniqueConstraint(fields=["kejadian", "nomor_sk"], name="status_darurat_sk_unik"),
            # One status at a time for a disaster.
            ExclusionConstraint(
                name="status_darurat_tidak_tumpang_tindih",
                expressions=[
                    ("kejadian", RangeOperators.EQUAL),
                    (_tertutup("mulai", "berakhir"), RangeOperators.OVERLAPS),
                ],
                violation_error_message=_("Periode status tumpang tindih dengan status lain kejadian ini."),
            ),
        ]

    def __str__(self):
        return f"{self.get_status_display()} — {self.kejadian}"

    def berlaku_pada(self, tanggal) -> bool:
        return self.mulai <= tanggal <= self.berakhir


@pghistory.track()
class PerpanjanganStatus(models.Model):
    status_darurat = models.ForeignKey(StatusDarurat, on_delete=models.CASCADE, related_name="perpanjangan")
    nomor_sk = models.CharField(_("nomor SK perpanjangan"), max_length=100)
    tanggal_sk = models.DateField(_("tanggal SK"))
    berakhir_lama = models.DateField(_("berakhir semula"))
    berakhir_baru = models.DateField(_("diperpanjang sampai"))
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(**ATURAN_KEJADIAN, opd_field="status_darurat__kejadian__opd_id")

    class Meta:
        verbose_name = _("perpanjangan status")
        verbose_name_plural = _("perpanjangan status")
        ordering = ["berakhir_baru", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(berakhir_baru__gt=F("berakhir_lama")),
                name="perpanjangan_status_maju",
                violation_error_message=_("Perpanjangan harus melewati tanggal berakhir semula."),
            ),
        ]

    def __str__(self):
        return self.nomor_sk


@pghistory.track()
class Penugasan(models.Model):
    """A person on duty for one status decree, in a command unit or cluster."""

    status_darurat = models.ForeignKey(StatusDarurat, on_delete=models.PROTECT, related_name="penugasan")
    pegawai = models.ForeignKey(
        "opd.Pegawai", verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="penugasan_bencana"
    )
    opd = models.ForeignKey(
        "opd.Opd",
        verbose_name=_("perangkat daerah"),
        on_delete=models.PROTECT,
        related_name="penugasan_bencana",
        help_text=_("OPD yang dipimpin (kepala/Plt./Plh.) atau tempat pegawai bekerja."),
    )
    unit = models.CharField(_("unit komando/klaster"), max_length=24, choices=UnitTugas.choices)
    sebutan = models.CharField(_("tugas sebagai"), max_length=150, default=SEBUTAN_KEPALA_PELAKSANA)
    dasar = models.CharField(_("dasar"), max_length=12, choices=DasarPenugasan.choices)
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"))
    diakhiri = models.DateTimeField(_("diakhiri lebih awal"), null=True, blank=True)
    catatan = models.CharField(_("catatan"), max_length=300, blank=True)
    siap = models.DateTimeField(_("menyatakan siap"), null=True, blank=True)
    siap_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pengingat_terakhir = models.DateField(
        _("pengingat laporan terakhir"), null=True, blank=True, editable=False
    )
    dibuat = models.DateTimeField(_("diumumkan"), auto_now_add=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(**ATURAN_PENUGASAN, opd_field="opd_id")

    class Meta:
        verbose_name = _("penugasan bencana")
        verbose_name_plural = _("penugasan bencana")
        ordering = ["mulai", "opd__urutan", "pk"]
        indexes = [models.Index(fields=["opd", "selesai"])]
        constraints = [
            models.UniqueConstraint(
                fields=["status_darurat", "pegawai"],
                name="penugasan_sekali_per_status",
                violation_error_message=_("Pegawai ini sudah ditugaskan pada status ini."),
            ),
            models.CheckConstraint(
                condition=Q(selesai__gte=F("mulai")),
                name="penugasan_periode_urut",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
            # Nobody is on two duties at once.
            ExclusionConstraint(
                name="penugasan_pegawai_tidak_tumpang_tindih",
                expressions=[
                    ("pegawai", RangeOperators.EQUAL),
                    (_tertutup("mulai", "selesai"), RangeOperators.OVERLAPS),
                ],
                violation_error_message=_("Pegawai ini sudah bertugas pada periode yang sama."),
            ),
        ]

    def __str__(self):
        return f"{self.pegawai} — {self.get_unit_display()}"

    def aktif_pada(self, tanggal) -> bool:
        return self.mulai <= tanggal <= self.selesai


@pghistory.track()
class LaporanHarian(models.Model):
    penugasan = models.ForeignKey(Penugasan, on_delete=models.PROTECT, related_name="laporan")
    tanggal = models.DateField(_("tanggal"))
    kegiatan = models.TextField(_("kegiatan hari ini"))
    hasil = models.TextField(_("hasil"), blank=True)
    kendala = models.TextField(_("kendala"), blank=True)
    kebutuhan = models.TextField(_("kebutuhan/tindak lanjut"), blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dibuat = models.DateTimeField(_("dikirim"), auto_now_add=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(**ATURAN_PENUGASAN, opd_field="penugasan__opd_id")

    class Meta:
        verbose_name = _("laporan harian")
        verbose_name_plural = _("laporan harian")
        ordering = ["-tanggal", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["penugasan", "tanggal"],
                name="laporan_harian_sekali_sehari",
                violation_error_message=_("Laporan untuk tanggal ini sudah ada."),
            ),
        ]

    def __str__(self):
        return f"{self.penugasan.pegawai} {self.tanggal}"


@pghistory.track()
class FotoLaporan(models.Model):
    laporan = models.ForeignKey(LaporanHarian, on_delete=models.CASCADE, related_name="foto")
    berkas = models.FileField(_("berkas"), upload_to=upload_foto_laporan)
    dibuat = models.DateTimeField(_("diunggah"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(**ATURAN_PENUGASAN, opd_field="laporan__penugasan__opd_id")

    class Meta:
        verbose_name = _("foto laporan")
        verbose_name_plural = _("foto laporan")
        ordering = ["pk"]

    def __str__(self):
        return self.berkas.name


@pghistory.track()
class KlaimPenugasan(models.Model):
    """A BPJS JKK claim (opd) arising from a disaster assignment. Kept here: opd imports no other app."""

    klaim = models.OneToOneField(
        "opd.KlaimBpjs", verbose_name=_("klaim"), on_delete=models.CASCADE, related_name="+"
    )
    penugasan = models.ForeignKey(Penugasan, on_delete=models.PROTECT, related_name="klaim")
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={a: {Peran.ADMIN, Peran.KEPEGAWAIAN} for a in ("view", "add", "change", "delete")}
    )

    class Meta:
        verbose_name = _("klaim dari penugasan")
        verbose_name_plural = _("klaim dari penugasan")

    def __str__(self):
        return f"{self.klaim_id} → {self.penugasan_id}"
