"""Disaster duty arithmetic: the status in force, default command units, report days, response figures.

Pure functions on plain values (no ORM).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bencana.choices import UnitTugas

SATU_HARI = datetime.timedelta(days=1)

# Default post of an OPD head on duty, by the OPD's first urusan (prefix match, longest first). BPBD
# re-assigns as the situation needs; kecamatan heads work in operations in their own area.
UNIT_MENURUT_URUSAN = {
    "1.01": UnitTugas.KLASTER_PENDIDIKAN,
    "1.02": UnitTugas.KLASTER_KESEHATAN,
    "1.03": UnitTugas.KLASTER_SARPRAS,
    "1.04": UnitTugas.KLASTER_SARPRAS,
    "1.05": UnitTugas.KLASTER_SAR,
    "1.06": UnitTugas.KLASTER_PENGUNGSIAN,
    "2.08": UnitTugas.KLASTER_PENGUNGSIAN,
    "2.09": UnitTugas.KLASTER_LOGISTIK,
    "2.15": UnitTugas.LOGISTIK_PERALATAN,
    "2.16": UnitTugas.PERENCANAAN,
    "2.17": UnitTugas.KLASTER_EKONOMI,
    "3.": UnitTugas.KLASTER_EKONOMI,
    "4.01": UnitTugas.KOMANDO,
    "5.01": UnitTugas.PERENCANAAN,
    "5.02": UnitTugas.ADMINISTRASI_KEUANGAN,
    "5.03": UnitTugas.ADMINISTRASI_KEUANGAN,
    "5.04": UnitTugas.ADMINISTRASI_KEUANGAN,
    "2.12": UnitTugas.KLASTER_PEMULIHAN_DINI,
    "2.13": UnitTugas.KLASTER_PEMULIHAN_DINI,
    "7.01": UnitTugas.OPERASI,
}


def unit_bawaan(urusan: Sequence[str], *, bpbd: bool = False) -> str:
    """Command unit or cluster an OPD head starts in; BPBD holds the command."""
    if bpbd:
        return UnitTugas.KOMANDO
    for kode in urusan or ():
        for prefix in sorted(UNIT_MENURUT_URUSAN, key=len, reverse=True):
            if kode.startswith(prefix):
                return UNIT_MENURUT_URUSAN[prefix]
    return UnitTugas.OPERASI


@dataclass(frozen=True)
class Periode:
    mulai: datetime.date
    berakhir: datetime.date

    def memuat(self, tanggal: datetime.date) -> bool:
        return self.mulai <= tanggal <= self.berakhir


def status_berlaku(periode: Iterable[tuple[str, Periode]], tanggal: datetime.date) -> str | None:
    """The status in force on `tanggal`, from (status, period) of the decrees; None between or after them."""
    for status, p in periode:
        if p.memuat(tanggal):
            return status
    return None


def hari_wajib_lapor(mulai: datetime.date, selesai: datetime.date, sampai: datetime.date) -> int:
    """Days of an assignment whose daily report is due by `sampai` (inclusive): one report a day on duty."""
    akhir = min(selesai, sampai)
    return max((akhir - mulai).days + 1, 0)


def tepat_waktu(tanggal_laporan: datetime.date, dikirim_pada: datetime.date) -> bool:
    """A daily report is on time when sent on the day it reports (local date)."""
    return dikirim_pada <= tanggal_laporan


@dataclass
class ResponOpd:
    """Response figures of one OPD over its assignments."""

    penugasan: int = 0
    siap: int = 0
    jam_siap_total: float = 0.0
    laporan_wajib: int = 0
    laporan_tepat_waktu: int = 0
    laporan_terlambat: int = 0

    @property
    def rata_jam_siap(self) -> float | None:
        return self.jam_siap_total / self.siap if self.siap else None

    @property
    def persen_tepat_waktu(self) -> float | None:
        return 100 * self.laporan_tepat_waktu / self.laporan_wajib if self.laporan_wajib else None

    @property
    def laporan_belum(self) -> int:
        return max(self.laporan_wajib - self.laporan_tepat_waktu - self.laporan_terlambat, 0)


def jam_antara(awal: datetime.datetime, akhir: datetime.datetime) -> float:
    return max((akhir - awal).total_seconds(), 0) / 3600
