import pghistory
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opd.choices import (
    JENIS_PERANGKAT_DAERAH,
    STATUS_ASN,
    Eselon,
    JenisOpd,
    JenisPelaksana,
    StatusPegawai,
)
from opd.validators import validate_kode_unit, validate_urusan
from sipd.access import Aturan, RestrictedQuerySet
from sipd.roles import PERAN_GLOBAL, Peran
from sipd.validators import validate_nik, validate_nip


@pghistory.track()
class Opd(models.Model):
    """A perangkat daerah, or a unit (bidang, bagian, UPTD, kelurahan) under one."""

    kode = models.CharField(_("kode unit SIPD"), max_length=22, unique=True, validators=[validate_kode_unit])
    nama = models.CharField(_("nama"), max_length=200)
    singkatan = models.CharField(_("singkatan"), max_length=40, blank=True)
    jenis = models.CharField(_("jenis"), max_length=12, choices=JenisOpd.choices)
    induk = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sub_unit",
    )
    urusan = ArrayField(
        models.CharField(max_length=4, validators=[validate_urusan]),
        verbose_name=_("urusan yang diampu"),
        default=list,
        blank=True,
    )
    kepala = models.ForeignKey(
        "Pegawai",
        verbose_name=_("kepala definitif"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pelaksana = models.ForeignKey(
        "Pegawai",
        verbose_name=_("pelaksana (Plt./Plh.)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Diisi bila jabatan kepala kosong."),
    )
    jenis_pelaksana = models.CharField(
        _("jenis pelaksana"), max_length=3, choices=JenisPelaksana.choices, blank=True
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()
    # The registry is a directory every signed-in role reads; only Admin changes it.
    aturan_akses = Aturan(
        global_roles={"add": {Peran.ADMIN}, "change": {Peran.ADMIN}, "delete": {Peran.ADMIN}},
        semua_pengguna=frozenset({"view"}),
    )

    class Meta:
        verbose_name = _("perangkat daerah")
        verbose_name_plural = _("perangkat daerah")
        ordering = ["urutan", "kode"]
        constraints = [
            models.CheckConstraint(
                condition=Q(jenis__in=JENIS_PERANGKAT_DAERAH, induk__isnull=True)
                | (~Q(jenis__in=JENIS_PERANGKAT_DAERAH) & Q(induk__isnull=False)),
                name="opd_induk_sesuai_jenis",
                violation_error_message=_(
                    "Perangkat daerah tidak berinduk; bidang, UPTD, kelurahan wajib berinduk."
                ),
            ),
            models.CheckConstraint(
                condition=Q(pelaksana__isnull=True, jenis_pelaksana="")
                | Q(pelaksana__isnull=False, jenis_pelaksana__in=JenisPelaksana.values),
                name="opd_pelaksana_berjenis",
                violation_error_message=_("Pelaksana (Plt./Plh.) dan jenisnya diisi bersama."),
            ),
        ]

    def __str__(self):
        return self.nama

    @property
    def is_perangkat_daerah(self) -> bool:
        return self.jenis in JENIS_PERANGKAT_DAERAH

    @property
    def pimpinan(self):
        """The head who acts now: the definitive head, or the acting Plt/Plh where the post is vacant."""
        return self.kepala or self.pelaksana


@pghistory.track()
class Pegawai(models.Model):
    nama = models.CharField(_("nama"), max_length=150)
    status = models.CharField(_("status kepegawaian"), max_length=8, choices=StatusPegawai.choices)
    nip = models.CharField(
        _("NIP"), max_length=18, unique=True, null=True, blank=True, validators=[validate_nip]
    )
    nik = models.CharField(
        _("NIK"), max_length=16, unique=True, null=True, blank=True, validators=[validate_nik]
    )
    jenis_kelamin = models.CharField(
        _("jenis kelamin"), max_length=1, choices=[("L", _("Laki-laki")), ("P", _("Perempuan"))], blank=True
    )
    tanggal_lahir = models.DateField(_("tanggal lahir"), null=True, blank=True)
    jabatan = models.CharField(_("jabatan"), max_length=200, blank=True)
    eselon = models.CharField(_("eselon"), max_length=5, choices=Eselon.choices, blank=True)
    opd = models.ForeignKey(
        Opd,
        verbose_name=_("perangkat daerah"),
        on_delete=models.PROTECT,
        related_name="pegawai",
        limit_choices_to={"induk__isnull": True},
    )
    unit = models.ForeignKey(
        Opd,
        verbose_name=_("unit kerja"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pegawai_unit",
    )
    upah_bpjs = models.PositiveBigIntegerField(_("upah dilaporkan ke BPJS (Rp/bulan)"), null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pegawai",
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={
            "view": {Peran.ADMIN, Peran.BAPPEDA, Peran.PIMPINAN, Peran.KEPEGAWAIAN},
            "add": {Peran.ADMIN, Peran.KEPEGAWAIAN},
            "change": {Peran.ADMIN, Peran.KEPEGAWAIAN},
            "delete": {Peran.ADMIN, Peran.KEPEGAWAIAN},
        },
        opd_roles={"view": {Peran.KEPALA_OPD, Peran.OPERATOR_OPD}},
        opd_field="opd_id",
    )

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["nama"]
        indexes = [models.Index(fields=["opd", "status"]), models.Index(fields=["nama"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(status__in=STATUS_ASN) & Q(nip__isnull=False))
                | Q(status=StatusPegawai.NON_ASN, nik__isnull=False),
                name="pegawai_identitas_sesuai_status",
                violation_error_message=_("ASN wajib ber-NIP; non-ASN wajib ber-NIK."),
            ),
            models.CheckConstraint(
                condition=Q(status=StatusPegawai.NON_ASN) | Q(upah_bpjs__isnull=True),
                name="pegawai_upah_bpjs_non_asn",
                violation_error_message=_("Upah BPJS Ketenagakerjaan hanya untuk pegawai non-ASN."),
            ),
        ]

    def __str__(self):
        return self.nama

    @property
    def is_asn(self) -> bool:
        return self.status in STATUS_ASN


@pghistory.track()
class PenugasanPeran(models.Model):
    """A role a user holds: across the Pemda (Admin, Bappeda, Pimpinan, Kepegawaian) or for one OPD."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="daftar_peran")
    peran = models.CharField(_("peran"), max_length=16, choices=Peran.choices)
    opd = models.ForeignKey(
        Opd,
        verbose_name=_("perangkat daerah"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="penugasan_peran",
        limit_choices_to={"induk__isnull": True},
    )

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={action: {Peran.ADMIN} for action in ("view", "add", "change", "delete")}
    )

    class Meta:
        verbose_name = _("peran pengguna")
        verbose_name_plural = _("peran pengguna")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "peran", "opd"], nulls_distinct=False, name="peran_unik_per_opd"
            ),
            models.CheckConstraint(
                condition=Q(peran__in=PERAN_GLOBAL, opd__isnull=True)
                | (~Q(peran__in=PERAN_GLOBAL) & Q(opd__isnull=False)),
                name="peran_opd_sesuai_cakupan",
                violation_error_message=_("Kepala/Operator OPD wajib ber-OPD; peran lain tanpa OPD."),
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_peran_display()}" + (
            f" ({self.opd.singkatan})" if self.opd_id else ""
        )


# ---------------------------------------------------------------------------------------------------------
# BPJS Ketenagakerjaan death-benefit claims of non-ASN pegawai (DOMAIN.md §5). PNS and PPPK are covered by
# Taspen: opd.klaim_services refuses them. The personnel roles (Admin, Kepegawaian) manage every claim; an
# OPD's Kepala and Operator prepare claims for their own OPD's staff. NIK, wage and heirs are shown only to
# the roles in SIPD_PERAN_DATA_PRIBADI (field names nik/upah_bpjs, so the history page masks them too).
# ---------------------------------------------------------------------------------------------------------
import uuid  # noqa: E402

from opd.klaim_choices import (  # noqa: E402
    HubunganAhliWaris,
    JenisDokumenKlaim,
    ProgramBpjs,
    StatusKlaim,
)

ATURAN_KLAIM = {
    "global_roles": {
        action: {Peran.ADMIN, Peran.KEPEGAWAIAN} for action in ("view", "add", "change", "delete")
    },
    "opd_roles": {action: {Peran.KEPALA_OPD, Peran.OPERATOR_OPD} for action in ("view", "add", "change")},
}


def upload_dokumen_klaim(instance, filename):
    """A generated name: the uploader's file name is never used on disk."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"klaim/{uuid.uuid4().hex}.{ext}"


@pghistory.track()
class KlaimBpjs(models.Model):
    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="klaim_bpjs"
    )
    program = models.CharField(_("program"), max_length=3, choices=ProgramBpjs.choices)
    waktu_kejadian = models.DateTimeField(
        _("waktu kejadian"), help_text=_("JKK: saat kecelakaan kerja; JKM: saat meninggal.")
    )
    tanggal_meninggal = models.DateField(_("tanggal meninggal"))
    tempat_kejadian = models.CharField(_("tempat kejadian"), max_length=300)
    penyebab = models.TextField(_("penyebab/kronologi singkat"))
    upah_bpjs = models.PositiveBigIntegerField(_("upah dilaporkan ke BPJS (Rp/bulan)"))
    laporan_tahap_1 = models.DateTimeField(
        _("laporan kecelakaan tahap I dikirim"),
        null=True,
        blank=True,
        help_text=_("JKK: paling lambat 2×24 jam sejak kecelakaan."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=StatusKlaim.choices, default=StatusKlaim.DISIAPKAN
    )
    alasan_ditolak = models.TextField(_("alasan ditolak"), blank=True)
    tanggal_diajukan = models.DateField(_("tanggal diajukan"), null=True, blank=True)
    tanggal_diverifikasi = models.DateField(_("tanggal diverifikasi"), null=True, blank=True)
    tanggal_dibayar = models.DateField(_("tanggal dibayar"), null=True, blank=True)
    jumlah_dibayar = models.PositiveBigIntegerField(_("jumlah dibayar (Rp)"), null=True, blank=True)
    rujukan = models.CharField(
        _("rujukan"), max_length=300, blank=True, help_text=_("Mis. penugasan bencana asal kecelakaan kerja.")
    )
    rujukan_tautan = models.CharField(_("tautan rujukan"), max_length=300, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(**ATURAN_KLAIM, opd_field="pegawai__opd_id")

    class Meta:
        verbose_name = _("klaim BPJS Ketenagakerjaan")
        verbose_name_plural = _("klaim BPJS Ketenagakerjaan")
        ordering = ["-waktu_kejadian", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=StatusKlaim.DITOLAK) | ~Q(alasan_ditolak=""),
                name="klaim_ditolak_beralasan",
                violation_error_message=_("Klaim yang ditolak wajib disertai alasan."),
            ),
            models.CheckConstraint(
                condition=~Q(status=StatusKlaim.DIBAYAR)
                | Q(jumlah_dibayar__isnull=False, tanggal_dibayar__isnull=False),
                name="klaim_dibayar_lengkap",
                violation_error_message=_("Klaim yang dibayar wajib berisi jumlah dan tanggal bayar."),
            ),
            models.CheckConstraint(
                condition=Q(program=ProgramBpjs.JKK) | Q(laporan_tahap_1__isnull=True),
                name="klaim_laporan_tahap_1_jkk",
                violation_error_message=_("Laporan tahap I hanya untuk klaim JKK."),
            ),
        ]

    def __str__(self):
        return f"{self.get_program_display().split(' ')[0]} {self.pegawai} ({self.waktu_kejadian:%Y})"


@pghistory.track()
class AhliWaris(models.Model):
    klaim = models.ForeignKey(KlaimBpjs, on_delete=models.CASCADE, related_name="ahli_waris")
    nama = models.CharField(_("nama"), max_length=150)
    nik = models.CharField(_("NIK"), max_length=16, validators=[validate_nik])
    hubungan = models.CharField(_("hubungan"), max_length=12, choices=HubunganAhliWaris.choices)
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(**ATURAN_KLAIM, opd_field="klaim__pegawai__opd_id")

    class Meta:
        verbose_name = _("ahli waris")
        verbose_name_plural = _("ahli waris")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["klaim", "nik"], name="ahli_waris_unik_per_klaim"),
        ]

    def __str__(self):
        return self.nama


@pghistory.track()
class DokumenKlaim(models.Model):
    klaim = models.ForeignKey(KlaimBpjs, on_delete=models.CASCADE, related_name="dokumen")
    jenis = models.CharField(_("jenis dokumen"), max_length=20, choices=JenisDokumenKlaim.choices)
    berkas = models.FileField(_("berkas"), upload_to=upload_dokumen_klaim)
    nama_asli = models.CharField(_("nama berkas"), max_length=200)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dibuat = models.DateTimeField(_("diunggah"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(**ATURAN_KLAIM, opd_field="klaim__pegawai__opd_id")

    class Meta:
        verbose_name = _("dokumen klaim")
        verbose_name_plural = _("dokumen klaim")
        ordering = ["jenis"]
        constraints = [
            models.UniqueConstraint(fields=["klaim", "jenis"], name="dokumen_klaim_satu_per_jenis"),
        ]

    def __str__(self):
        return self.get_jenis_display()
