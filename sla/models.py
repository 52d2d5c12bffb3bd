"""Service Level Agreements between perangkat daerah (SE Bupati 4347/2025) and the requests under them."""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opd.models import Opd
from sipd.access import Aturan, RestrictedQuerySet
from sipd.roles import Peran
from sla.choices import JenisPeristiwa, Pihak, SatuanWaktu, StatusPermohonan, StatusSla

OPD_SAJA = {"induk__isnull": True}
PENGELOLA_OPD = {Peran.KEPALA_OPD, Peran.OPERATOR_OPD}
# A request is seen and worked on by both of its units: the one that sends it and the one that serves it.
OPD_PERMOHONAN = ("penyedia_id", "pemohon_id")


@pghistory.track()
class Layanan(models.Model):
    """A service in the catalogue of one provider perangkat daerah."""

    penyedia = models.ForeignKey(
        Opd, verbose_name=_("penyedia"), on_delete=models.PROTECT, related_name="layanan_sla",
        limit_choices_to=OPD_SAJA,
    )  # fmt: skip
    nama = models.CharField(_("nama layanan"), max_length=200)
    uraian = models.TextField(_("uraian"), blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={"add": {Peran.ADMIN}, "change": {Peran.ADMIN}, "delete": {Peran.ADMIN}},
        opd_roles={"add": PENGELOLA_OPD, "change": PENGELOLA_OPD, "delete": PENGELOLA_OPD},
        opd_field="penyedia_id",
        semua_pengguna=frozenset({"view"}),
    )

    class Meta:
        verbose_name = _("layanan")
        verbose_name_plural = _("katalog layanan")
        ordering = ["penyedia__urutan", "nama"]
        constraints = [models.UniqueConstraint(fields=["penyedia", "nama"], name="layanan_unik_per_penyedia")]

    def __str__(self):
        return self.nama


# Columns of an SLA that its signatures vouch for: fixed once it leaves the draft.
_ISI_SLA = (
    "seri", "versi", "nomor", "layanan", "penyedia", "penerima_semua", "persyaratan", "standar_waktu",
    "satuan_waktu", "keluaran", "ukuran_mutu", "kontak_eskalasi", "berlaku_mulai", "berlaku_sampai",
)  # fmt: skip

_KOLOM_ISI_SLA = tuple(f"{name}_id" if name in ("layanan", "penyedia") else name for name in _ISI_SLA)


@pghistory.track()
class Sla(models.Model):
    """One version of an agreement. A signed version never changes; an amendment is the next version."""

    seri = models.UUIDField(_("seri"), default=uuid.uuid4, editable=False, db_index=True)
    versi = models.PositiveSmallIntegerField(_("versi"), default=1)
    nomor = models.CharField(_("nomor"), max_length=60)
    layanan = models.ForeignKey(
        Layanan, verbose_name=_("layanan"), on_delete=models.PROTECT, related_name="sla"
    )
    penyedia = models.ForeignKey(
        Opd, verbose_name=_("penyedia"), on_delete=models.PROTECT, related_name="sla_disediakan",
        limit_choices_to=OPD_SAJA,
    )  # fmt: skip
    penerima_semua = models.BooleanField(_("semua perangkat daerah"), default=False)
    penerima = models.ManyToManyField(
        Opd, verbose_name=_("penerima"), blank=True, related_name="sla_diterima", limit_choices_to=OPD_SAJA
    )
    persyaratan = ArrayField(
        models.CharField(max_length=300), verbose_name=_("persyaratan"), default=list, blank=True
    )
    standar_waktu = models.PositiveSmallIntegerField(_("standar waktu"))
    satuan_waktu = models.CharField(_("satuan"), max_length=10, choices=SatuanWaktu.choices)
    keluaran = models.TextField(_("produk/keluaran layanan"))
    ukuran_mutu = ArrayField(
        models.CharField(max_length=300), verbose_name=_("ukuran mutu"), default=list, blank=True
    )
    kontak_eskalasi = models.JSONField(_("kontak eskalasi"), default=list, blank=True)
    berlaku_mulai = models.DateField(_("berlaku mulai"))
    berlaku_sampai = models.DateField(_("berlaku sampai"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=StatusSla.choices, default=StatusSla.DRAF)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dibuat oleh"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    diajukan_pada = models.DateTimeField(_("diajukan untuk ditandatangani"), null=True, blank=True)
    berlaku_pada = models.DateTimeField(_("ditandatangani lengkap"), null=True, blank=True)
    dokumen = models.FileField(_("dokumen PDF"), upload_to="sla/dokumen/", blank=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()
    # Agreements are public inside the Pemda: every unit reads what it may ask of another.
    aturan_akses = Aturan(
        global_roles={"add": {Peran.ADMIN}, "change": {Peran.ADMIN}, "delete": {Peran.ADMIN}},
        opd_roles={"add": PENGELOLA_OPD, "change": PENGELOLA_OPD, "delete": PENGELOLA_OPD},
        opd_field="penyedia_id",
        semua_pengguna=frozenset({"view"}),
    )

    class Meta:
        verbose_name = _("SLA")
        verbose_name_plural = _("SLA")
        ordering = ["penyedia__urutan", "nomor", "-versi"]
        constraints = [
            models.UniqueConstraint(fields=["seri", "versi"], name="sla_versi_unik"),
            models.UniqueConstraint(fields=["nomor", "versi"], name="sla_nomor_versi_unik"),
            models.UniqueConstraint(
                fields=["seri"], condition=Q(status=StatusSla.BERLAKU), name="sla_satu_versi_berlaku"
            ),
            models.CheckConstraint(condition=Q(standar_waktu__gte=1), name="sla_standar_positif"),
            models.CheckConstraint(
                condition=Q(berlaku_sampai__isnull=True) | Q(berlaku_sampai__gte=F("berlaku_mulai")),
                name="sla_masa_berlaku_urut",
                violation_error_message=_("Akhir masa berlaku tidak boleh sebelum awalnya."),
            ),
            models.CheckConstraint(
                condition=Q(status=StatusSla.DRAF) | Q(diajukan_pada__isnull=False),
                name="sla_diajukan_bertanggal",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[StatusSla.BERLAKU, StatusSla.DIGANTI])
                | Q(berlaku_pada__isnull=False),
                name="sla_berlaku_bertanggal",
            ),
        ]
        triggers = [
            # What the heads signed stays as signed, whatever writes to the table.
            pgtrigger.Protect(
                name="sla_isi_tetap_setelah_draf",
                operation=pgtrigger.Update,
                condition=pgtrigger.Condition(
                    f"OLD.status <> '{StatusSla.DRAF}' AND ("
                    + " OR ".join(f'OLD."{c}" IS DISTINCT FROM NEW."{c}"' for c in _KOLOM_ISI_SLA)
                    + ")"
                ),
            ),
        ]

    def __str__(self):
        return f"{self.nomor} v{self.versi} — {self.layanan}"

    @property
    def is_draf(self) -> bool:
        return self.status == StatusSla.DRAF

    @property
    def standar_label(self) -> str:
        return f"{self.standar_waktu} {self.get_satuan_waktu_display()}"


@pghistory.track()
class TandaTangan(models.Model):
    """A head's approval of an SLA version in the portal: who, when, with which NIP."""

    sla = models.ForeignKey(Sla, verbose_name=_("SLA"), on_delete=models.CASCADE, related_name="tanda_tangan")
    pihak = models.CharField(_("pihak"), max_length=10, choices=Pihak.choices)
    opd = models.ForeignKey(
        Opd, verbose_name=_("perangkat daerah"), on_delete=models.PROTECT, related_name="+"
    )
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pengguna"), on_delete=models.PROTECT, related_name="+"
    )
    nama = models.CharField(_("nama"), max_length=150)
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    jabatan = models.CharField(_("jabatan"), max_length=200, blank=True)
    waktu = models.DateTimeField(_("waktu"))

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(semua_pengguna=frozenset({"view"}))

    class Meta:
        verbose_name = _("tanda tangan SLA")
        verbose_name_plural = _("tanda tangan SLA")
        ordering = ["waktu"]
        constraints = [models.UniqueConstraint(fields=["sla", "opd"], name="tanda_tangan_sekali_per_opd")]
        triggers = [pgtrigger.Protect(name="tanda_tangan_tetap", operation=pgtrigger.Update)]

    def __str__(self):
        return f"{self.nama} ({self.opd})"


@pghistory.track()
class LiburDaerah(models.Model):
    """A local day off the Pemda declares (besides national holidays and cuti bersama)."""

    tanggal = models.DateField(_("tanggal"), unique=True)
    nama = models.CharField(_("keterangan"), max_length=150)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={"add": {Peran.ADMIN}, "change": {Peran.ADMIN}, "delete": {Peran.ADMIN}},
        semua_pengguna=frozenset({"view"}),
    )

    class Meta:
        verbose_name = _("libur daerah")
        verbose_name_plural = _("libur daerah")
        ordering = ["tanggal"]

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y} {self.nama}"


@pghistory.track()
class Permohonan(models.Model):
    """A service request from a receiving unit to the provider, on the SLA clock."""

    sla = models.ForeignKey(Sla, verbose_name=_("SLA"), on_delete=models.PROTECT, related_name="permohonan")
    penyedia = models.ForeignKey(
        Opd, verbose_name=_("penyedia"), on_delete=models.PROTECT, related_name="permohonan_masuk"
    )
    pemohon = models.ForeignKey(
        Opd, verbose_name=_("pemohon"), on_delete=models.PROTECT, related_name="permohonan_keluar"
    )
    perihal = models.CharField(_("perihal"), max_length=200)
    uraian = models.TextField(_("uraian"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=StatusPermohonan.choices, default=StatusPermohonan.DIAJUKAN
    )
    # The standard is copied from the SLA when the request is opened, so reports read one table.
    standar_waktu = models.PositiveSmallIntegerField(_("standar waktu"))
    satuan_waktu = models.CharField(_("satuan"), max_length=10, choices=SatuanWaktu.choices)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diajukan oleh"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    diajukan_pada = models.DateTimeField(_("diajukan"))
    lengkap_pada = models.DateTimeField(_("persyaratan lengkap diterima"))
    mulai = models.DateTimeField(_("waktu layanan mulai"), null=True, blank=True)
    diterima_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diterima oleh"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    tenggat = models.DateTimeField(_("tenggat"), null=True, blank=True)
    ditutup_pada = models.DateTimeField(_("ditutup"), null=True, blank=True)
    hasil = models.TextField(_("hasil layanan"), blank=True)
    alasan_tolak = models.TextField(_("alasan penolakan"), blank=True)
    durasi_menit = models.PositiveIntegerField(_("durasi (menit kerja)"), null=True, blank=True)
    durasi_hari = models.DecimalField(
        _("durasi (hari kerja)"), max_digits=7, decimal_places=3, null=True, blank=True
    )
    tepat_waktu = models.BooleanField(_("tepat waktu"), null=True, blank=True)
    pengingat_pada = models.DateTimeField(_("pengingat dikirim"), null=True, blank=True)
    terlambat_pada = models.DateTimeField(_("ditandai terlambat"), null=True, blank=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={"view": {Peran.ADMIN, Peran.BAPPEDA, Peran.PIMPINAN}},
        opd_roles={"view": PENGELOLA_OPD, "add": PENGELOLA_OPD, "change": PENGELOLA_OPD},
        opd_field=OPD_PERMOHONAN,
    )

    class Meta:
        verbose_name = _("permohonan layanan")
        verbose_name_plural = _("permohonan layanan")
        ordering = ["-diajukan_pada", "-pk"]
        indexes = [
            models.Index(fields=["penyedia", "ditutup_pada"], name="permohonan_penyedia_tutup"),
            models.Index(fields=["pemohon", "status"], name="permohonan_pemohon_status"),
            models.Index(fields=["sla", "ditutup_pada"], name="permohonan_sla_tutup"),
            models.Index(fields=["tenggat"], condition=Q(status="diproses"), name="permohonan_tenggat_jalan"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(pemohon=F("penyedia")), name="permohonan_bukan_ke_diri_sendiri"
            ),
            models.CheckConstraint(
                condition=~Q(status=StatusPermohonan.DIPROSES)
                | Q(mulai__isnull=False, tenggat__isnull=False),
                name="permohonan_diproses_berjam",
            ),
            models.CheckConstraint(
                condition=~Q(status=StatusPermohonan.SELESAI)
                | Q(ditutup_pada__isnull=False, tepat_waktu__isnull=False, durasi_menit__isnull=False),
                name="permohonan_selesai_terukur",
            ),
            models.CheckConstraint(
                condition=~Q(status=StatusPermohonan.DITOLAK) | ~Q(alasan_tolak=""),
                name="permohonan_ditolak_beralasan",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["selesai", "ditolak", "dibatalkan"], ditutup_pada__isnull=False)
                | Q(status__in=["diajukan", "kelengkapan", "diproses"], ditutup_pada__isnull=True),
                name="permohonan_tutup_sesuai_status",
            ),
        ]

    def __str__(self):
        return f"{self.nomor} {self.perihal}"

    @property
    def nomor(self) -> str:
        return f"PL-{self.diajukan_pada:%Y}-{self.pk:06d}"

    @property
    def terbuka(self) -> bool:
        return self.ditutup_pada is None


@pghistory.track()
class JedaPermohonan(models.Model):
    """A pause of the clock while the requester completes the requirements."""

    permohonan = models.ForeignKey(Permohonan, on_delete=models.CASCADE, related_name="jeda")
    mulai = models.DateTimeField(_("mulai"))
    selesai = models.DateTimeField(_("selesai"), null=True, blank=True)
    kekurangan = models.TextField(_("kekurangan persyaratan"))

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={"view": {Peran.ADMIN, Peran.BAPPEDA, Peran.PIMPINAN}},
        opd_roles={"view": PENGELOLA_OPD},
        opd_field=tuple(f"permohonan__{path}" for path in OPD_PERMOHONAN),
    )

    class Meta:
        verbose_name = _("jeda waktu layanan")
        verbose_name_plural = _("jeda waktu layanan")
        ordering = ["mulai"]
        constraints = [
            models.UniqueConstraint(
                fields=["permohonan"], condition=Q(selesai__isnull=True), name="jeda_satu_yang_terbuka"
            ),
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=F("mulai")), name="jeda_urut"
            ),
        ]

    def __str__(self):
        return f"{self.mulai:%Y-%m-%d %H:%M} {self.kekurangan[:40]}"


@pghistory.track()
class Peristiwa(models.Model):
    """The request's timeline, in words the users read."""

    permohonan = models.ForeignKey(Permohonan, on_delete=models.CASCADE, related_name="peristiwa")
    jenis = models.CharField(_("peristiwa"), max_length=20, choices=JenisPeristiwa.choices)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oleh"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    waktu = models.DateTimeField(_("waktu"))
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = JedaPermohonan.aturan_akses

    class Meta:
        verbose_name = _("riwayat permohonan")
        verbose_name_plural = _("riwayat permohonan")
        ordering = ["waktu", "pk"]

    def __str__(self):
        return self.get_jenis_display()


@pghistory.track()
class Lampiran(models.Model):
    """A file attached to a request (requirements, completions, the result); served by a checked view."""

    permohonan = models.ForeignKey(Permohonan, on_delete=models.CASCADE, related_name="lampiran")
    peristiwa = models.ForeignKey(
        Peristiwa, null=True, blank=True, on_delete=models.SET_NULL, related_name="lampiran"
    )
    berkas = models.FileField(_("berkas"), upload_to="sla/lampiran/%Y/%m/")
    nama_asli = models.CharField(_("nama berkas"), max_length=200)
    tipe = models.CharField(_("tipe"), max_length=100)
    ukuran = models.PositiveIntegerField(_("ukuran (bita)"))
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diunggah oleh"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    diunggah_pada = models.DateTimeField(_("diunggah"))

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = JedaPermohonan.aturan_akses

    class Meta:
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")
        ordering = ["diunggah_pada", "pk"]

    def __str__(self):
        return self.nama_asli
