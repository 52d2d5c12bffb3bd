from django.db import models
from django.utils.translation import gettext_lazy as _


class StatusKeadaan(models.TextChoices):
    """Status keadaan darurat bencana, set by SK Bupati on the Kepala BPBD's recommendation."""

    SIAGA = "siaga", _("Siaga Darurat")
    TANGGAP = "tanggap", _("Tanggap Darurat")
    TRANSISI = "transisi", _("Transisi Darurat ke Pemulihan")


class UnitTugas(models.TextChoices):
    """Command units of the incident command system (Perka BNPB 3/2016) and the national clusters."""

    KOMANDO = "komando", _("Komando")
    PERENCANAAN = "perencanaan", _("Bidang Perencanaan")
    OPERASI = "operasi", _("Bidang Operasi")
    LOGISTIK_PERALATAN = "logistik_peralatan", _("Bidang Logistik & Peralatan")
    ADMINISTRASI_KEUANGAN = "administrasi_keuangan", _("Bidang Administrasi & Keuangan")
    KLASTER_KESEHATAN = "k_kesehatan", _("Klaster Kesehatan")
    KLASTER_SAR = "k_sar", _("Klaster Pencarian & Penyelamatan")
    KLASTER_LOGISTIK = "k_logistik", _("Klaster Logistik")
    KLASTER_PENGUNGSIAN = "k_pengungsian", _("Klaster Pengungsian & Perlindungan")
    KLASTER_PENDIDIKAN = "k_pendidikan", _("Klaster Pendidikan")
    KLASTER_SARPRAS = "k_sarpras", _("Klaster Sarana & Prasarana")
    KLASTER_EKONOMI = "k_ekonomi", _("Klaster Ekonomi")
    KLASTER_PEMULIHAN_DINI = "k_pemulihan", _("Klaster Pemulihan Dini")


class DasarPenugasan(models.TextChoices):
    OTOMATIS = "otomatis", _("Kepala OPD (Perbup)")
    DITAMBAHKAN = "ditambahkan", _("Ditambahkan BPBD")


SEBUTAN_KEPALA_PELAKSANA = _("Kepala Pelaksana BPBD (tugas bencana)")
