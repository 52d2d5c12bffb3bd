from django.db import models
from django.utils.translation import gettext_lazy as _

from sla import calculations


class SatuanWaktu(models.TextChoices):
    HARI_KERJA = calculations.HARI_KERJA, _("hari kerja")
    JAM_KERJA = calculations.JAM_KERJA, _("jam kerja")


class StatusSla(models.TextChoices):
    DRAF = "draf", _("Draf")
    DIAJUKAN = "diajukan", _("Menunggu tanda tangan")
    BERLAKU = "berlaku", _("Berlaku")
    DIGANTI = "diganti", _("Diganti versi baru")


class Pihak(models.TextChoices):
    PENYEDIA = "penyedia", _("Penyedia layanan")
    PENERIMA = "penerima", _("Penerima layanan")


class StatusPermohonan(models.TextChoices):
    DIAJUKAN = "diajukan", _("Diajukan")
    MENUNGGU_KELENGKAPAN = "kelengkapan", _("Menunggu kelengkapan")
    DIPROSES = "diproses", _("Diproses")
    SELESAI = "selesai", _("Selesai")
    DITOLAK = "ditolak", _("Ditolak")
    DIBATALKAN = "dibatalkan", _("Dibatalkan")


# Open requests (the backlog), and those whose SLA clock is running.
STATUS_TERBUKA = (StatusPermohonan.DIAJUKAN, StatusPermohonan.MENUNGGU_KELENGKAPAN, StatusPermohonan.DIPROSES)
STATUS_DITUTUP = (StatusPermohonan.SELESAI, StatusPermohonan.DITOLAK, StatusPermohonan.DIBATALKAN)


class JenisPeristiwa(models.TextChoices):
    DIAJUKAN = "diajukan", _("Permohonan diajukan")
    KELENGKAPAN_DIMINTA = "kelengkapan_diminta", _("Kelengkapan persyaratan diminta")
    DILENGKAPI = "dilengkapi", _("Persyaratan dilengkapi")
    DITERIMA = "diterima", _("Diterima lengkap, waktu layanan berjalan")
    SELESAI = "selesai", _("Selesai")
    DITOLAK = "ditolak", _("Ditolak")
    DIBATALKAN = "dibatalkan", _("Dibatalkan pemohon")
    PENGINGAT = "pengingat", _("Pengingat tenggat dikirim")
    TERLAMBAT = "terlambat", _("Melewati tenggat, eskalasi ke kepala")
