"""Choices of BPJS Ketenagakerjaan death-benefit claims (DOMAIN.md §5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgramBpjs(models.TextChoices):
    JKK = "jkk", _("JKK — meninggal karena kecelakaan kerja")
    JKM = "jkm", _("JKM — meninggal bukan karena kecelakaan kerja")


class StatusKlaim(models.TextChoices):
    DISIAPKAN = "disiapkan", _("Disiapkan")
    DIAJUKAN = "diajukan", _("Diajukan")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")
    DIBAYAR = "dibayar", _("Dibayar")
    DITOLAK = "ditolak", _("Ditolak")


# The claim moves forward one step at a time; it may be refused until it is paid.
LANGKAH_STATUS = {
    StatusKlaim.DISIAPKAN: {StatusKlaim.DIAJUKAN},
    StatusKlaim.DIAJUKAN: {StatusKlaim.DIVERIFIKASI, StatusKlaim.DITOLAK},
    StatusKlaim.DIVERIFIKASI: {StatusKlaim.DIBAYAR, StatusKlaim.DITOLAK},
    StatusKlaim.DIBAYAR: set(),
    StatusKlaim.DITOLAK: set(),
}


class HubunganAhliWaris(models.TextChoices):
    """Relationship to the worker; its legal order (golongan) is in opd.calculations.GOLONGAN_AHLI_WARIS."""

    SUAMI_ISTRI = "pasangan", _("Suami/istri")
    ANAK = "anak", _("Anak")
    ORANG_TUA = "orang_tua", _("Orang tua")
    CUCU = "cucu", _("Cucu")
    KAKEK_NENEK = "kakek_nenek", _("Kakek/nenek")
    SAUDARA = "saudara", _("Saudara kandung")
    MERTUA = "mertua", _("Mertua")
    WASIAT = "wasiat", _("Pihak yang ditunjuk dalam wasiat")


class JenisDokumenKlaim(models.TextChoices):
    KARTU_PESERTA = "kartu_peserta", _("Kartu peserta BPJS Ketenagakerjaan")
    KTP_PESERTA = "ktp_peserta", _("KTP peserta")
    KTP_AHLI_WARIS = "ktp_ahli_waris", _("KTP ahli waris")
    KK = "kk", _("Kartu Keluarga")
    AKTA_KEMATIAN = "akta_kematian", _("Akta/surat keterangan kematian")
    SURAT_AHLI_WARIS = "surat_ahli_waris", _("Surat keterangan ahli waris")
    BUKU_NIKAH = "buku_nikah", _("Buku nikah (ahli waris suami/istri)")
    REFERENSI_KERJA = "referensi_kerja", _("Surat referensi kerja")
    BUKU_TABUNGAN = "buku_tabungan", _("Buku tabungan ahli waris")
    NPWP = "npwp", _("NPWP (manfaat di atas Rp50 juta)")
    LAPORAN_TAHAP_1 = "laporan_tahap_1", _("Laporan kecelakaan kerja tahap I")
    LAPORAN_TAHAP_2 = "laporan_tahap_2", _("Laporan kecelakaan kerja tahap II")
    KRONOLOGI = "kronologi", _("Kronologi kecelakaan")
