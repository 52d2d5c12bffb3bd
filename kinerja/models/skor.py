"""Materialized scores: written only by kinerja.services.skor (set-based SQL), read by the dashboard.

Which realizations count: every value the OPD has entered, verified or not, so the leaders see the
current picture during the triwulan. Each row says how much of it Bappeda has verified (`terverifikasi` on
the indicator, `jumlah_terverifikasi` on roll-ups), and the dashboard shows that next to the figures.
"""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import Triwulan
from kinerja.models.perencanaan import LIHAT_GLOBAL, LIHAT_OPD, Indikator, PeriodeRpjmd
from sipd.access import Aturan, RestrictedQuerySet

ATURAN_SKOR = Aturan(global_roles={"view": LIHAT_GLOBAL}, opd_roles={"view": LIHAT_OPD}, opd_field="opd_id")


def _angka(verbose_name, **kwargs):
    # Full precision is kept: predikat is judged on the unrounded value, display rounds to two places.
    return models.DecimalField(verbose_name, max_digits=32, decimal_places=12, null=True, **kwargs)


class SkorIndikator(models.Model):
    """One indicator's score for a year up to a triwulan (the triwulan values 1..triwulan aggregated)."""

    indikator = models.ForeignKey(Indikator, models.CASCADE, related_name="skor")
    opd = models.ForeignKey("opd.Opd", models.CASCADE, related_name="+")
    periode = models.ForeignKey(PeriodeRpjmd, models.CASCADE, related_name="+")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("s.d. triwulan"), choices=Triwulan.choices)
    # The nodes the indicator rolls up to, resolved once (null where it has none).
    sasaran = models.ForeignKey("kinerja.Sasaran", models.SET_NULL, null=True, related_name="+")
    sasaran_pd = models.ForeignKey("kinerja.SasaranPd", models.SET_NULL, null=True, related_name="+")
    program = models.ForeignKey("kinerja.Nomenklatur", models.SET_NULL, null=True, related_name="+")
    misi = models.ForeignKey("kinerja.Misi", models.SET_NULL, null=True, related_name="+")
    target = _angka(_("target"))
    target_atas = _angka(_("target (batas atas)"))
    realisasi = _angka(_("realisasi s.d. triwulan"))
    capaian = _angka(_("capaian (%)"))
    capaian_terbatas = _angka(_("capaian dibatasi (%)"))
    predikat = models.CharField(_("predikat"), max_length=40, blank=True)
    terisi = models.BooleanField(_("realisasi triwulan ini terisi"), default=False)
    berbukti = models.BooleanField(_("ada bukti dukung"), default=False)
    terverifikasi = models.BooleanField(_("terverifikasi Bappeda"), default=False)
    dihitung = models.DateTimeField(_("dihitung"))

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = ATURAN_SKOR

    class Meta:
        verbose_name = _("skor indikator")
        verbose_name_plural = _("skor indikator")
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "triwulan"], name="skor_indikator_unik"),
            models.CheckConstraint(condition=Q(triwulan__gte=1, triwulan__lte=4), name="skor_indikator_tw"),
        ]
        indexes = [
            models.Index(fields=["tahun", "triwulan", "opd"]),
            models.Index(fields=["tahun", "triwulan", "sasaran_pd"]),
        ]

    def __str__(self):
        return f"{self.indikator_id} {self.tahun} s.d. TW{self.triwulan}: {self.capaian}"


class TingkatSkor(models.TextChoices):
    RPJMD = "rpjmd", _("RPJMD")
    MISI = "misi", _("Misi")
    SASARAN = "sasaran", _("Sasaran RPJMD")
    OPD = "opd", _("Perangkat daerah")
    SASARAN_PD = "sasaran_pd", _("Sasaran PD")
    PROGRAM = "program", _("Program")


class SkorRingkasan(models.Model):
    """A roll-up: the mean of the capped capaian of the indicators beneath a node, with completeness and
    budget absorption. `objek_id` is the id of the misi, sasaran, OPD, sasaran PD, program, or the RPJMD
    period. The RPJMD as a whole is the mean over its misi (each misi weighs the same, as the Bupati reads
    it); its counts, completeness and serapan cover every indicator and budget item of the period."""

    tingkat = models.CharField(_("tingkat"), max_length=12, choices=TingkatSkor.choices)
    objek_id = models.BigIntegerField(_("objek"))
    opd = models.ForeignKey("opd.Opd", models.CASCADE, null=True, related_name="+")
    periode = models.ForeignKey(PeriodeRpjmd, models.CASCADE, related_name="+")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("s.d. triwulan"), choices=Triwulan.choices)
    capaian = _angka(_("capaian rata-rata (%)"))
    predikat = models.CharField(_("predikat"), max_length=40, blank=True)
    jumlah_indikator = models.PositiveIntegerField(_("indikator"), default=0)
    jumlah_capaian = models.PositiveIntegerField(_("indikator dengan capaian"), default=0)
    jumlah_terisi = models.PositiveIntegerField(_("terisi triwulan ini"), default=0)
    jumlah_berbukti = models.PositiveIntegerField(_("terisi dengan bukti"), default=0)
    jumlah_terverifikasi = models.PositiveIntegerField(_("terverifikasi"), default=0)
    # Indicators per predikat, in the order of SIPD_PREDIKAT.
    sebaran_predikat = ArrayField(models.PositiveIntegerField(), default=list)
    pagu = models.DecimalField(_("pagu (Rp)"), max_digits=20, decimal_places=2, null=True)
    realisasi_anggaran = models.DecimalField(
        _("realisasi anggaran s.d. triwulan (Rp)"), max_digits=20, decimal_places=2, null=True
    )
    serapan = _angka(_("serapan anggaran (%)"))
    status_pelaporan = models.CharField(_("status pelaporan"), max_length=12, blank=True)
    batas_pelaporan = models.DateField(_("batas pengisian"), null=True)
    terlambat = models.BooleanField(_("terlambat"), default=False)
    dihitung = models.DateTimeField(_("dihitung"))

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = ATURAN_SKOR

    class Meta:
        verbose_name = _("skor ringkasan")
        verbose_name_plural = _("skor ringkasan")
        constraints = [
            models.UniqueConstraint(
                fields=["tingkat", "objek_id", "tahun", "triwulan"], name="skor_ringkasan_unik"
            ),
            models.CheckConstraint(condition=Q(triwulan__gte=1, triwulan__lte=4), name="skor_ringkasan_tw"),
        ]
        indexes = [models.Index(fields=["tahun", "triwulan", "tingkat"])]

    def __str__(self):
        return f"{self.tingkat} {self.objek_id} {self.tahun} s.d. TW{self.triwulan}: {self.capaian}"

    @property
    def kelengkapan(self):
        return self.jumlah_terisi * 100 / self.jumlah_indikator if self.jumlah_indikator else None

    @property
    def kelengkapan_bukti(self):
        return self.jumlah_berbukti * 100 / self.jumlah_indikator if self.jumlah_indikator else None
