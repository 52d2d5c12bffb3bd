from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisOpd(models.TextChoices):
    SEKRETARIAT_DAERAH = "setda", _("Sekretariat Daerah")
    SEKRETARIAT_DPRD = "setwan", _("Sekretariat DPRD")
    INSPEKTORAT = "inspektorat", _("Inspektorat")
    DINAS = "dinas", _("Dinas")
    BADAN = "badan", _("Badan")
    KECAMATAN = "kecamatan", _("Kecamatan")
    KELURAHAN = "kelurahan", _("Kelurahan")
    UPTD = "uptd", _("UPTD")
    BIDANG = "bidang", _("Bidang/Bagian")


# Types that stand on their own as a perangkat daerah; the rest are units under one.
JENIS_PERANGKAT_DAERAH = frozenset(
    {
        JenisOpd.SEKRETARIAT_DAERAH,
        JenisOpd.SEKRETARIAT_DPRD,
        JenisOpd.INSPEKTORAT,
        JenisOpd.DINAS,
        JenisOpd.BADAN,
        JenisOpd.KECAMATAN,
    }
)


class StatusPegawai(models.TextChoices):
    PNS = "pns", _("PNS")
    PPPK = "pppk", _("PPPK")
    NON_ASN = "non_asn", _("Non-ASN")


STATUS_ASN = frozenset({StatusPegawai.PNS, StatusPegawai.PPPK})


class Eselon(models.TextChoices):
    II_A = "II.a", "II.a"
    II_B = "II.b", "II.b"
    III_A = "III.a", "III.a"
    III_B = "III.b", "III.b"
    IV_A = "IV.a", "IV.a"
    IV_B = "IV.b", "IV.b"


class JenisPelaksana(models.TextChoices):
    PLT = "plt", _("Plt. (Pelaksana Tugas)")
    PLH = "plh", _("Plh. (Pelaksana Harian)")
