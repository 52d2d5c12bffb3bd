"""Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017): surveys per service unit and period, and the answers."""

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.models.perencanaan import LIHAT_GLOBAL, LIHAT_OPD, Indikator
from sipd.access import Aturan, RestrictedQuerySet
from sipd.roles import Peran

KELOLA_OPD = {Peran.KEPALA_OPD, Peran.OPERATOR_OPD}
KELOLA_GLOBAL = {Peran.ADMIN, Peran.BAPPEDA}
UNSUR_FIELDS = tuple(f"u{i}" for i in range(1, 10))


# The nine elements with the questionnaire's questions and answers 1–4 (PermenPAN-RB 14/2017 annex).
UNSUR_IKM = (
    (
        _("Persyaratan"),
        _("Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?"),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    (
        _("Sistem, mekanisme, dan prosedur"),
        _("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?"),
        (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah")),
    ),
    (
        _("Waktu penyelesaian"),
        _("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?"),
        (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat")),
    ),
    (
        _("Biaya/tarif"),
        _("Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?"),
        (_("Sangat mahal"), _("Cukup mahal"), _("Murah"), _("Gratis")),
    ),
    (
        _("Produk spesifikasi jenis pelayanan"),
        _(
            "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam "
            "standar pelayanan dengan hasil yang diberikan?"
        ),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    (
        _("Kompetensi pelaksana"),
        _("Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?"),
        (_("Tidak kompeten"), _("Kurang kompeten"), _("Kompeten"), _("Sangat kompeten")),
    ),
    (
        _("Perilaku pelaksana"),
        _(
            "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan "
            "keramahan?"
        ),
        (
            _("Tidak sopan dan ramah"),
            _("Kurang sopan dan ramah"),
            _("Sopan dan ramah"),
            _("Sangat sopan dan ramah"),
        ),
    ),
    (
        _("Sarana dan prasarana"),
        _("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?"),
        (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat baik")),
    ),
    (
        _("Penanganan pengaduan, saran dan masukan"),
        _("Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?"),
        (
            _("Tidak ada"),
            _("Ada tetapi tidak berfungsi"),
            _("Berfungsi kurang maksimal"),
            _("Dikelola dengan baik"),
        ),
    ),
)


class PeriodeSurvei(models.TextChoices):
    TW1 = "tw1", _("Triwulan I")
    TW2 = "tw2", _("Triwulan II")
    TW3 = "tw3", _("Triwulan III")
    TW4 = "tw4", _("Triwulan IV")
    S1 = "s1", _("Semester I")
    S2 = "s2", _("Semester II")
    TAHUN = "tahun", _("Satu tahun")


# The triwulan whose realisasi a period's result fills (the period's last quarter).
TRIWULAN_PERIODE = {"tw1": 1, "tw2": 2, "tw3": 3, "tw4": 4, "s1": 2, "s2": 4, "tahun": 4}


class JenisKelamin(models.TextChoices):
    L = "L", _("Laki-laki")
    P = "P", _("Perempuan")


class Pendidikan(models.TextChoices):
    SD = "sd", _("SD ke bawah")
    SMP = "smp", _("SMP")
    SMA = "sma", _("SMA/SMK")
    D3 = "d3", _("D1–D3")
    S1 = "s1", _("D4/S1")
    S2 = "s2", _("S2 ke atas")


class Pekerjaan(models.TextChoices):
    PNS = "pns", _("PNS/PPPK")
    TNI_POLRI = "tni_polri", _("TNI/Polri")
    SWASTA = "swasta", _("Pegawai swasta")
    WIRAUSAHA = "wirausaha", _("Wirausaha")
    PELAJAR = "pelajar", _("Pelajar/Mahasiswa")
    LAINNYA = "lainnya", _("Lainnya")


@pghistory.track()
class SurveiIkm(models.Model):
    """One survey: a service unit of an OPD, one period, its public link and the population served."""

    opd = models.ForeignKey("opd.Opd", models.PROTECT, related_name="survei_ikm", verbose_name=_("OPD"))
    unit_layanan = models.CharField(
        _("unit layanan"), max_length=200, help_text=_("Contoh: Puskesmas Sukamaju, Layanan KTP-el.")
    )
    jenis_layanan = models.CharField(_("jenis layanan"), max_length=200, blank=True)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    periode = models.CharField(_("periode"), max_length=6, choices=PeriodeSurvei.choices)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"))
    populasi = models.PositiveIntegerField(
        _("populasi (penerima layanan dalam periode)"), null=True, blank=True,
        help_text=_("Untuk menentukan sampel minimal menurut tabel Krejcie–Morgan."),
    )  # fmt: skip
    token = models.CharField(max_length=32, unique=True, editable=False)
    dibuka = models.BooleanField(_("menerima jawaban"), default=True)
    indikator = models.ForeignKey(
        Indikator, models.SET_NULL, null=True, blank=True, related_name="survei_ikm",
        verbose_name=_("indikator yang diisi hasilnya"),
        help_text=_("Mis. indikator 'Indeks Kepuasan Masyarakat' OPD; hasil survei mengisi realisasinya."),
    )  # fmt: skip
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={"view": LIHAT_GLOBAL, "add": KELOLA_GLOBAL, "change": KELOLA_GLOBAL,
                      "delete": {Peran.ADMIN}},
        opd_roles={"view": LIHAT_OPD, "add": KELOLA_OPD, "change": KELOLA_OPD},
        opd_field="opd_id",
    )  # fmt: skip

    class Meta:
        verbose_name = _("survei IKM")
        verbose_name_plural = _("survei IKM")
        ordering = ["-tahun", "opd_id", "unit_layanan"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "unit_layanan", "tahun", "periode"], name="survei_ikm_unit_periode_unik"
            ),
            models.CheckConstraint(
                condition=Q(tanggal_selesai__gte=models.F("tanggal_mulai")), name="survei_ikm_tanggal_urut"
            ),
        ]

    def __str__(self):
        return f"{self.unit_layanan} {self.get_periode_display()} {self.tahun}"

    @property
    def triwulan(self) -> int:
        return TRIWULAN_PERIODE[self.periode]


def _unsur(nomor: int):
    return models.PositiveSmallIntegerField(f"U{nomor}", null=True, blank=True)


class ResponIkm(models.Model):
    """One anonymous respondent: nine answers 1–4 (blank allowed), the profile, a comment.

    No name, no address: the device token and the network address are kept only as keyed hashes.
    Not audited row by row (public, anonymous, many); the survey itself is.
    """

    survei = models.ForeignKey(SurveiIkm, models.CASCADE, related_name="respon")
    u1, u2, u3, u4, u5, u6, u7, u8, u9 = (_unsur(i) for i in range(1, 10))
    usia = models.PositiveSmallIntegerField(_("usia"), null=True, blank=True)
    jenis_kelamin = models.CharField(
        _("jenis kelamin"), max_length=1, choices=JenisKelamin.choices, blank=True
    )
    pendidikan = models.CharField(_("pendidikan"), max_length=4, choices=Pendidikan.choices, blank=True)
    pekerjaan = models.CharField(_("pekerjaan"), max_length=10, choices=Pekerjaan.choices, blank=True)
    saran = models.TextField(_("saran dan masukan"), blank=True)
    perangkat = models.CharField(max_length=64, editable=False)
    dibuat = models.DateTimeField(_("waktu"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    aturan_akses = Aturan(
        global_roles={"view": LIHAT_GLOBAL, "delete": {Peran.ADMIN}},
        opd_roles={"view": LIHAT_OPD},
        opd_field="survei__opd_id",
    )

    class Meta:
        verbose_name = _("jawaban survei IKM")
        verbose_name_plural = _("jawaban survei IKM")
        ordering = ["dibuat", "id"]
        constraints = [
            models.UniqueConstraint(fields=["survei", "perangkat"], name="respon_ikm_satu_per_perangkat"),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{f}__gte": 1, f"{f}__lte": 4}), name=f"respon_ikm_{f}"
                )
                for f in UNSUR_FIELDS
            ),
            models.CheckConstraint(condition=Q(usia__gte=10, usia__lte=120), name="respon_ikm_usia"),
        ]

    def __str__(self):
        return f"{self.survei_id} #{self.pk}"

    @property
    def jawaban(self) -> list[int | None]:
        return [getattr(self, f) for f in UNSUR_FIELDS]
