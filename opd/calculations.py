"""BPJS Ketenagakerjaan death benefits (PP 82/2019) and claim deadlines: pure functions, no ORM.

Amounts are whole Rupiah (int). DOMAIN.md §5 has the rules and the worked examples the tests use.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

JKK, JKM = "jkk", "jkm"

SANTUNAN_SEKALIGUS_JKM = 20_000_000
SANTUNAN_BERKALA = 12_000_000  # 24 × Rp500.000, paid at once
BIAYA_PEMAKAMAN = 10_000_000
PENGALI_UPAH_JKK = 48
BATAS_LAPORAN_TAHAP_1 = datetime.timedelta(hours=2 * 24)
MASA_KEDALUWARSA_TAHUN = 5
BATAS_NPWP = 50_000_000

# Heirs in the legal order (PP 82/2019 art. 1): the lowest golongan present receives the benefit.
GOLONGAN_AHLI_WARIS = {
    "pasangan": 1,
    "anak": 1,
    "orang_tua": 2,
    "cucu": 2,
    "kakek_nenek": 2,
    "saudara": 3,
    "mertua": 4,
    "wasiat": 5,
}


@dataclass(frozen=True)
class SantunanKematian:
    santunan: int
    santunan_berkala: int
    biaya_pemakaman: int

    @property
    def total(self) -> int:
        return self.santunan + self.santunan_berkala + self.biaya_pemakaman


def santunan_kematian(program: str, upah_dilaporkan: int) -> SantunanKematian:
    """JKM: Rp20 jt + Rp12 jt + Rp10 jt = Rp42 jt. JKK death: 48 × the reported monthly wage, at least the
    JKM santunan sekaligus, plus the same santunan berkala and biaya pemakaman (Rp2 jt → Rp118 jt)."""
    upah = int(upah_dilaporkan or 0)
    if upah < 0:
        raise ValueError("upah_dilaporkan tidak boleh negatif")
    if program == JKM:
        santunan = SANTUNAN_SEKALIGUS_JKM
    elif program == JKK:
        santunan = max(PENGALI_UPAH_JKK * upah, SANTUNAN_SEKALIGUS_JKM)
    else:
        raise ValueError(f"program tidak dikenal: {program!r}")
    return SantunanKematian(santunan, SANTUNAN_BERKALA, BIAYA_PEMAKAMAN)


def batas_laporan_tahap_1(waktu_kecelakaan: datetime.datetime) -> datetime.datetime:
    """JKK stage-I report: within 2×24 hours of the accident."""
    return waktu_kecelakaan + BATAS_LAPORAN_TAHAP_1


def tambah_tahun(tanggal: datetime.date, tahun: int) -> datetime.date:
    """The same day `tahun` years on; 29 February becomes 28 February in a common year."""
    try:
        return tanggal.replace(year=tanggal.year + tahun)
    except ValueError:
        return tanggal.replace(year=tanggal.year + tahun, day=28)


def tanggal_kedaluwarsa(tanggal_kejadian: datetime.date) -> datetime.date:
    """The day the right to claim lapses: 5 years after the accident (or the death)."""
    return tambah_tahun(tanggal_kejadian, MASA_KEDALUWARSA_TAHUN)


def golongan_ahli_waris(hubungan: str) -> int:
    return GOLONGAN_AHLI_WARIS[hubungan]


def penerima_manfaat(hubungan: list[str]) -> set[int]:
    """Indexes of the heirs who receive the benefit: those of the first golongan present."""
    if not hubungan:
        return set()
    pertama = min(GOLONGAN_AHLI_WARIS[h] for h in hubungan)
    return {i for i, h in enumerate(hubungan) if GOLONGAN_AHLI_WARIS[h] == pertama}


def dokumen_wajib(program: str, *, ada_pasangan: bool, total: int) -> list[str]:
    """Documents a claim needs, by program (DOMAIN.md §5): NPWP above Rp50 jt, buku nikah for a spouse."""
    wajib = [
        "kartu_peserta",
        "ktp_peserta",
        "ktp_ahli_waris",
        "kk",
        "akta_kematian",
        "surat_ahli_waris",
        "referensi_kerja",
        "buku_tabungan",
    ]
    if ada_pasangan:
        wajib.append("buku_nikah")
    if total > BATAS_NPWP:
        wajib.append("npwp")
    if program == JKK:
        wajib += ["laporan_tahap_1", "laporan_tahap_2", "kronologi"]
    return wajib


def selisih_santunan(program: str, upah_dilaporkan: int, jumlah_dicatat: int | None) -> int | None:
    """Recorded amount minus the regulation's total; None when nothing is recorded."""
    if jumlah_dicatat is None:
        return None
    return int(jumlah_dicatat) - santunan_kematian(program, upah_dilaporkan).total
