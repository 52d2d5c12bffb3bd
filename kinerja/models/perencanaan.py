"""The planning tree: RPJMD (visi → misi → tujuan → sasaran), Renstra PD, nomenclature and indicators."""

import operator
from functools import reduce

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import (
    JenisPerubahan,
    Polaritas,
    SifatAgregasi,
    StatusRencana,
    Tingkat,
    VersiNomenklatur,
)
from kinerja.validators import validate_segmen
from sipd.access import Aturan, RestrictedQuerySet
from sipd.roles import Peran

# RPJMD is the Pemda's public plan: every role reads it, Bappeda keeps it.
ATURAN_RPJMD = Aturan(
    global_roles={"add": {Peran.ADMIN, Peran.BAPPEDA}, "change": {Peran.ADMIN, Peran.BAPPEDA},
                  "delete": {Peran.ADMIN, Peran.BAPPEDA}},
    semua_pengguna=frozenset({"view"}),
)  # fmt: skip
LIHAT_GLOBAL = {Peran.ADMIN, Peran.BAPPEDA, Peran.PIMPINAN}
LIHAT_OPD = {Peran.KEPALA_OPD, Peran.OPERATOR_OPD}


def aturan_milik_opd(opd_field: str, *, ubah_opd=frozenset()) -> Aturan:
    """Data of one OPD: leaders and Bappeda read all, the OPD reads its own; Bappeda keeps the plan."""
    kelola = {Peran.ADMIN, Peran.BAPPEDA}
    return Aturan(
        global_roles={"view": LIHAT_GLOBAL, "add": kelola, "change": kelola, "delete": kelola},
        opd_roles={"view": LIHAT_OPD, **({"change": ubah_opd} if ubah_opd else {})},
        opd_field=opd_field,
    )


@pghistory.track()
class PeriodeRpjmd(models.Model):
    nama = models.CharField(_("nama"), max_length=100, help_text=_("Contoh: RPJMD 2025–2029"))
    tahun_awal = models.PositiveSmallIntegerField(_("tahun awal"))
    tahun_akhir = models.PositiveSmallIntegerField(_("tahun akhir"))
    visi = models.TextField(_("visi"))
    status = models.CharField(_("status"), max_length=10, choices=StatusRencana.choices, default="draf")
    disetujui_pada = models.DateTimeField(_("disetujui pada"), null=True, blank=True)
    dasar_hukum = models.CharField(_("dasar hukum (Perda)"), max_length=200, blank=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = ATURAN_RPJMD

    class Meta:
        verbose_name = _("periode RPJMD")
        verbose_name_plural = _("periode RPJMD")
        ordering = ["-tahun_awal"]
        constraints = [
            models.UniqueConstraint(fields=["tahun_awal"], name="periode_rpjmd_tahun_unik"),
            models.CheckConstraint(
                condition=Q(tahun_akhir=F("tahun_awal") + 4), name="periode_rpjmd_lima_tahun"
            ),
        ]

    def __str__(self):
        return self.nama

    @property
    def tahun(self) -> range:
        return range(self.tahun_awal, self.tahun_akhir + 1)


class _Butir(models.Model):
    """A numbered statement in the tree (misi, tujuan, sasaran ...)."""

    nomor = models.CharField(_("nomor"), max_length=20, help_text=_("Contoh: 1, 1.2, 1.2.3"))
    uraian = models.TextField(_("uraian"))
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["urutan", "nomor"]

    def __str__(self):
        return f"{self.nomor}. {self.uraian}"


@pghistory.track()
class Misi(_Butir):
    periode = models.ForeignKey(PeriodeRpjmd, models.CASCADE, related_name="misi", verbose_name=_("periode"))
    aturan_akses = ATURAN_RPJMD

    class Meta(_Butir.Meta):
        verbose_name = _("misi")
        verbose_name_plural = _("misi")
        constraints = [models.UniqueConstraint(fields=["periode", "nomor"], name="misi_nomor_unik")]


@pghistory.track()
class Tujuan(_Butir):
    misi = models.ForeignKey(Misi, models.CASCADE, related_name="tujuan", verbose_name=_("misi"))
    aturan_akses = ATURAN_RPJMD

    class Meta(_Butir.Meta):
        verbose_name = _("tujuan")
        verbose_name_plural = _("tujuan")
        constraints = [models.UniqueConstraint(fields=["misi", "nomor"], name="tujuan_nomor_unik")]


@pghistory.track()
class Sasaran(_Butir):
    tujuan = models.ForeignKey(Tujuan, models.CASCADE, related_name="sasaran", verbose_name=_("tujuan"))
    aturan_akses = ATURAN_RPJMD

    class Meta(_Butir.Meta):
        verbose_name = _("sasaran")
        verbose_name_plural = _("sasaran")
        constraints = [models.UniqueConstraint(fields=["tujuan", "nomor"], name="sasaran_nomor_unik")]


@pghistory.track()
class Strategi(_Butir):
    sasaran = models.ForeignKey(Sasaran, models.CASCADE, related_name="strategi", verbose_name=_("sasaran"))
    aturan_akses = ATURAN_RPJMD

    class Meta(_Butir.Meta):
        verbose_name = _("strategi")
        verbose_name_plural = _("strategi")


@pghistory.track()
class ArahKebijakan(_Butir):
    strategi = models.ForeignKey(
        Strategi, models.CASCADE, related_name="arah_kebijakan", verbose_name=_("strategi")
    )
    aturan_akses = ATURAN_RPJMD

    class Meta(_Butir.Meta):
        verbose_name = _("arah kebijakan")
        verbose_name_plural = _("arah kebijakan")


@pghistory.track()
class Renstra(models.Model):
    """The Renstra of one OPD for an RPJMD period."""

    periode = models.ForeignKey(
        PeriodeRpjmd, models.CASCADE, related_name="renstra", verbose_name=_("periode")
    )
    opd = models.ForeignKey("opd.Opd", models.PROTECT, related_name="renstra", verbose_name=_("OPD"))
    status = models.CharField(_("status"), max_length=10, choices=StatusRencana.choices, default="draf")
    disetujui_pada = models.DateTimeField(_("disetujui pada"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = aturan_milik_opd("opd_id", ubah_opd={Peran.KEPALA_OPD})

    class Meta:
        verbose_name = _("Renstra PD")
        verbose_name_plural = _("Renstra PD")
        constraints = [models.UniqueConstraint(fields=["periode", "opd"], name="renstra_opd_unik")]

    def __str__(self):
        return f"Renstra {self.opd} {self.periode.tahun_awal}–{self.periode.tahun_akhir}"


@pghistory.track()
class TujuanPd(_Butir):
    renstra = models.ForeignKey(Renstra, models.CASCADE, related_name="tujuan", verbose_name=_("Renstra"))
    aturan_akses = aturan_milik_opd("renstra__opd_id", ubah_opd={Peran.KEPALA_OPD})

    class Meta(_Butir.Meta):
        verbose_name = _("tujuan PD")
        verbose_name_plural = _("tujuan PD")
        constraints = [models.UniqueConstraint(fields=["renstra", "nomor"], name="tujuan_pd_nomor_unik")]


@pghistory.track()
class SasaranPd(_Butir):
    tujuan = models.ForeignKey(TujuanPd, models.CASCADE, related_name="sasaran", verbose_name=_("tujuan PD"))
    sasaran_rpjmd = models.ForeignKey(
        Sasaran, models.PROTECT, related_name="sasaran_pd", verbose_name=_("sasaran RPJMD yang didukung")
    )
    aturan_akses = aturan_milik_opd("tujuan__renstra__opd_id", ubah_opd={Peran.KEPALA_OPD})

    class Meta(_Butir.Meta):
        verbose_name = _("sasaran PD")
        verbose_name_plural = _("sasaran PD")
        constraints = [models.UniqueConstraint(fields=["tujuan", "nomor"], name="sasaran_pd_nomor_unik")]


@pghistory.track()
class Nomenklatur(models.Model):
    """A program, kegiatan or sub kegiatan (Permendagri 90/2019) carried by one OPD in one period.

    Code segments: urusan (1 digit or X) . bidang (2 digits or XX) . program (2) . kegiatan (1 + 2) .
    sub kegiatan (2 or 4 digits by `versi`). Example 1.02.02.2.01.0001.
    """

    periode = models.ForeignKey(PeriodeRpjmd, models.CASCADE, related_name="+", verbose_name=_("periode"))
    opd = models.ForeignKey("opd.Opd", models.PROTECT, related_name="nomenklatur", verbose_name=_("OPD"))
    tingkat = models.CharField(_("tingkat"), max_length=12, choices=Tingkat.choices)
    induk = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="anak", verbose_name=_("induk")
    )
    kode = models.CharField(_("kode"), max_length=24, editable=False)
    urusan = models.CharField(_("urusan"), max_length=1, validators=[validate_segmen("urusan")])
    bidang = models.CharField(_("bidang urusan"), max_length=2, validators=[validate_segmen("bidang")])
    program = models.CharField(_("program"), max_length=2, validators=[validate_segmen("program")])
    kegiatan = models.CharField(
        _("kegiatan"), max_length=4, blank=True, validators=[validate_segmen("kegiatan")]
    )
    sub_kegiatan = models.CharField(
        _("sub kegiatan"), max_length=4, blank=True, validators=[validate_segmen("sub_kegiatan")]
    )
    versi = models.CharField(
        _("versi nomenklatur"), max_length=24, choices=VersiNomenklatur.choices,
        default=VersiNomenklatur.KEPMENDAGRI_2023,
    )  # fmt: skip
    nama = models.CharField(_("nomenklatur"), max_length=500)
    sasaran = models.ForeignKey(
        Sasaran, models.SET_NULL, null=True, blank=True, related_name="program",
        verbose_name=_("sasaran RPJMD"),
    )  # fmt: skip
    sasaran_pd = models.ForeignKey(
        SasaranPd, models.SET_NULL, null=True, blank=True, related_name="program",
        verbose_name=_("sasaran PD"),
    )  # fmt: skip
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = aturan_milik_opd("opd_id")

    class Meta:
        verbose_name = _("program/kegiatan/sub kegiatan")
        verbose_name_plural = _("program/kegiatan/sub kegiatan")
        ordering = ["kode"]
        constraints = [
            models.UniqueConstraint(fields=["periode", "opd", "kode"], name="nomenklatur_kode_unik"),
            models.CheckConstraint(
                condition=Q(tingkat="program", kegiatan="", sub_kegiatan="", induk__isnull=True)
                | Q(tingkat="kegiatan", sub_kegiatan="", induk__isnull=False) & ~Q(kegiatan="")
                | Q(tingkat="sub_kegiatan", induk__isnull=False) & ~Q(kegiatan="") & ~Q(sub_kegiatan=""),
                name="nomenklatur_segmen_sesuai_tingkat",
            ),
        ]
        indexes = [models.Index(fields=["opd", "periode", "tingkat"])]

    def __str__(self):
        return f"{self.kode} {self.nama}"

    @staticmethod
    def susun_kode(urusan, bidang, program, kegiatan="", sub_kegiatan="") -> str:
        return ".".join(s for s in (urusan, bidang, program, kegiatan, sub_kegiatan) if s)


@pghistory.track()
class Pagu(models.Model):
    nomenklatur = models.ForeignKey(Nomenklatur, models.CASCADE, related_name="pagu")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jumlah = models.DecimalField(_("pagu (Rp)"), max_digits=18, decimal_places=2)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = aturan_milik_opd("nomenklatur__opd_id")

    class Meta:
        verbose_name = _("pagu")
        verbose_name_plural = _("pagu")
        constraints = [
            models.UniqueConstraint(fields=["nomenklatur", "tahun"], name="pagu_tahun_unik"),
            models.CheckConstraint(condition=Q(jumlah__gte=0), name="pagu_tidak_negatif"),
        ]

    def __str__(self):
        return f"{self.nomenklatur.kode} {self.tahun}"


SIMPUL_INDIKATOR = ("tujuan", "sasaran", "tujuan_pd", "sasaran_pd", "nomenklatur")


def _tepat_satu(fields) -> Q:
    """Exactly one of `fields` is set."""
    return reduce(
        operator.or_,
        (Q(**{f"{f}__isnull": f != chosen for f in fields}) for chosen in fields),
    )


@pghistory.track()
class Indikator(models.Model):
    """A performance indicator hanging off exactly one node of the tree."""

    periode = models.ForeignKey(PeriodeRpjmd, models.CASCADE, related_name="indikator")
    kode = models.CharField(
        _("kode indikator"), max_length=40, help_text=_("Kunci untuk impor ulang, unik dalam periode.")
    )
    tujuan = models.ForeignKey(Tujuan, models.CASCADE, null=True, blank=True, related_name="indikator")
    sasaran = models.ForeignKey(Sasaran, models.CASCADE, null=True, blank=True, related_name="indikator")
    tujuan_pd = models.ForeignKey(TujuanPd, models.CASCADE, null=True, blank=True, related_name="indikator")
    sasaran_pd = models.ForeignKey(SasaranPd, models.CASCADE, null=True, blank=True, related_name="indikator")
    nomenklatur = models.ForeignKey(
        Nomenklatur, models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    opd = models.ForeignKey(
        "opd.Opd", models.PROTECT, related_name="indikator", verbose_name=_("OPD penanggung jawab")
    )
    nama = models.CharField(_("nama indikator"), max_length=500)
    satuan = models.CharField(_("satuan"), max_length=50)
    polaritas = models.CharField(_("polaritas"), max_length=8, choices=Polaritas.choices)
    sifat = models.CharField(_("sifat agregasi"), max_length=12, choices=SifatAgregasi.choices)
    kondisi_awal_tahun = models.PositiveSmallIntegerField(_("tahun kondisi awal"), null=True, blank=True)
    kondisi_awal = models.DecimalField(
        _("kondisi awal"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    target_akhir = models.DecimalField(
        _("target akhir periode"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    target_akhir_atas = models.DecimalField(
        _("target akhir periode (batas atas)"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    definisi_operasional = models.TextField(_("definisi operasional / formula"), blank=True)
    sumber_data = models.CharField(_("sumber data"), max_length=300, blank=True)
    iku = models.BooleanField(_("indikator kinerja utama (IKU)"), default=False)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = aturan_milik_opd("opd_id")

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        ordering = ["urutan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["periode", "kode"], name="indikator_kode_unik"),
            models.CheckConstraint(condition=_tepat_satu(SIMPUL_INDIKATOR), name="indikator_satu_simpul"),
            models.CheckConstraint(
                condition=Q(target_akhir_atas=None) | Q(target_akhir_atas__gte=F("target_akhir")),
                name="indikator_rentang_target_akhir",
            ),
        ]
        indexes = [models.Index(fields=["opd", "periode"])]

    def __str__(self):
        return self.nama


@pghistory.track()
class Target(models.Model):
    """The target of one indicator for one year: a value or a range, with optional triwulan targets."""

    indikator = models.ForeignKey(Indikator, models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    nilai = models.DecimalField(_("target"), max_digits=20, decimal_places=4)
    nilai_atas = models.DecimalField(
        _("target (batas atas)"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    tw1 = models.DecimalField(_("target TW I"), max_digits=20, decimal_places=4, null=True, blank=True)
    tw2 = models.DecimalField(_("target TW II"), max_digits=20, decimal_places=4, null=True, blank=True)
    tw3 = models.DecimalField(_("target TW III"), max_digits=20, decimal_places=4, null=True, blank=True)
    tw4 = models.DecimalField(_("target TW IV"), max_digits=20, decimal_places=4, null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = aturan_milik_opd("indikator__opd_id", ubah_opd={Peran.KEPALA_OPD})

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("target")
        ordering = ["tahun"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="target_tahun_unik"),
            models.CheckConstraint(
                condition=Q(nilai_atas=None) | Q(nilai_atas__gte=F("nilai")), name="target_rentang_urut"
            ),
        ]

    def __str__(self):
        return f"{self.indikator_id} {self.tahun}"


class RevisiTarget(models.Model):
    """A change to a target after the plan was approved: never a silent overwrite."""

    target = models.ForeignKey(Target, models.CASCADE, related_name="revisi")
    jenis = models.CharField(_("dasar perubahan"), max_length=20, choices=JenisPerubahan.choices)
    alasan = models.TextField(_("alasan"))
    nilai_lama = models.DecimalField(max_digits=20, decimal_places=4)
    nilai_atas_lama = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    nilai_baru = models.DecimalField(max_digits=20, decimal_places=4)
    nilai_atas_baru = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    waktu = models.DateTimeField(_("waktu"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = aturan_milik_opd("target__indikator__opd_id")

    class Meta:
        verbose_name = _("revisi target")
        verbose_name_plural = _("revisi target")
        ordering = ["-waktu"]

    def __str__(self):
        return f"{self.target} ({self.waktu:%Y-%m-%d})"
