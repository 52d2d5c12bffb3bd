from django.db import models
from django.utils.translation import gettext_lazy as _


class Polaritas(models.TextChoices):
    POSITIF = "positif", _("Positif (makin tinggi makin baik)")
    NEGATIF = "negatif", _("Negatif (makin rendah makin baik)")


class SifatAgregasi(models.TextChoices):
    KUMULATIF = "kumulatif", _("Kumulatif")
    NILAI_AKHIR = "nilai_akhir", _("Nilai akhir")
    RATA_RATA = "rata_rata", _("Rata-rata")


class StatusRencana(models.TextChoices):
    DRAF = "draf", _("Draf")
    DISETUJUI = "disetujui", _("Disetujui")


class Tingkat(models.TextChoices):
    PROGRAM = "program", _("Program")
    KEGIATAN = "kegiatan", _("Kegiatan")
    SUB_KEGIATAN = "sub_kegiatan", _("Sub Kegiatan")


class VersiNomenklatur(models.TextChoices):
    # Sub kegiatan codes have 2 digits up to Kepmendagri 050-5889/2021, 4 digits from 900.1.15.5-1317/2023.
    KEPMENDAGRI_2021 = "050-5889/2021", _("Kepmendagri 050-5889/2021 (sub kegiatan 2 digit)")
    KEPMENDAGRI_2023 = "900.1.15.5-1317/2023", _("Kepmendagri 900.1.15.5-1317/2023 (sub kegiatan 4 digit)")


class JenisPerubahan(models.TextChoices):
    PERUBAHAN_RPJMD = "perubahan_rpjmd", _("Perubahan RPJMD")
    PERUBAHAN_RENSTRA = "perubahan_renstra", _("Perubahan Renstra")
    KOREKSI = "koreksi", _("Koreksi kesalahan input")


class Triwulan(models.IntegerChoices):
    I = 1, _("Triwulan I")  # noqa: E741
    II = 2, _("Triwulan II")
    III = 3, _("Triwulan III")
    IV = 4, _("Triwulan IV")


class StatusPelaporan(models.TextChoices):
    DRAF = "draf", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")


# Statuses in which the OPD may still change its figures.
STATUS_DAPAT_DIUBAH = frozenset({StatusPelaporan.DRAF, StatusPelaporan.DIKEMBALIKAN})
