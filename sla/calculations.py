"""The SLA clock on the Pemda's working calendar: pure functions, no ORM.

"N hari kerja" ends at the close of the Nth working day after the day the complete request was received
(that day does not count). "N jam kerja" counts only time inside working hours on working days. Working
days are the weekdays that have working hours, less national holidays and cuti bersama (the `holidays`
package: Indonesia, PUBLIC and GOVERNMENT categories) and the local holidays the caller passes in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

ZONA_WIB = ZoneInfo("Asia/Jakarta")
# ISO weekday (1 = Monday) -> (start, end). Senin–Kamis 07.30–16.00, Jumat 07.30–16.30.
JAM_KERJA_BAWAAN: Mapping[int, tuple[dt.time, dt.time]] = {
    1: (dt.time(7, 30), dt.time(16, 0)),
    2: (dt.time(7, 30), dt.time(16, 0)),
    3: (dt.time(7, 30), dt.time(16, 0)),
    4: (dt.time(7, 30), dt.time(16, 0)),
    5: (dt.time(7, 30), dt.time(16, 30)),
}
BATAS_HARI = 366 * 10  # a clock that finds no working day in ten years is misconfigured

HARI_KERJA, JAM_KERJA = "hari_kerja", "jam_kerja"


@lru_cache(maxsize=64)
def libur_nasional(tahun: int) -> dict[dt.date, str]:
    """National holidays and cuti bersama of one year, with their Indonesian names."""
    kalender = holidays.country_holidays(
        "ID", years=tahun, categories=(holidays.PUBLIC, holidays.GOVERNMENT), language="id"
    )
    return dict(kalender.items())


@dataclass(frozen=True)
class Kalender:
    """A working calendar. `libur_lokal`: extra days off the Pemda declares (dates)."""

    jam_kerja: Mapping[int, tuple[dt.time, dt.time]] = field(default_factory=lambda: dict(JAM_KERJA_BAWAAN))
    libur_lokal: frozenset[dt.date] = frozenset()
    zona: dt.tzinfo = ZONA_WIB

    def __post_init__(self):
        object.__setattr__(self, "libur_lokal", frozenset(self.libur_lokal))
        if not self.jam_kerja:
            raise ValueError("kalender tanpa hari kerja")
        for hari, (mulai, selesai) in self.jam_kerja.items():
            if hari not in range(1, 8) or not mulai < selesai:
                raise ValueError(f"jam kerja tidak sah: {hari} {mulai}-{selesai}")

    def is_hari_kerja(self, tanggal: dt.date) -> bool:
        return (
            tanggal.isoweekday() in self.jam_kerja
            and tanggal not in self.libur_lokal
            and tanggal not in libur_nasional(tanggal.year)
        )

    def jam(self, tanggal: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """Start and end of working hours of a working day, as aware datetimes."""
        mulai, selesai = self.jam_kerja[tanggal.isoweekday()]
        return (
            dt.datetime.combine(tanggal, mulai, tzinfo=self.zona),
            dt.datetime.combine(tanggal, selesai, tzinfo=self.zona),
        )

    def lokal(self, waktu: dt.datetime | dt.date) -> dt.datetime:
        """An aware datetime in the calendar's zone (a naive one is read as local; a date as its midnight)."""
        if not isinstance(waktu, dt.datetime):
            return dt.datetime.combine(waktu, dt.time(0), tzinfo=self.zona)
        if waktu.tzinfo is None:
            return waktu.replace(tzinfo=self.zona)
        return waktu.astimezone(self.zona)

    def hari_kerja_berikut(self, tanggal: dt.date) -> dt.date:
        for _ in range(BATAS_HARI):
            tanggal += dt.timedelta(days=1)
            if self.is_hari_kerja(tanggal):
                return tanggal
        raise ValueError("tidak ada hari kerja dalam sepuluh tahun")


KALENDER_BAWAAN = Kalender()


def tenggat(
    diterima: dt.datetime | dt.date, hari_kerja: int, *, kalender: Kalender | None = None
) -> dt.datetime:
    """Due moment of "N hari kerja": the end of working hours on the Nth working day after the day of receipt.

    >>> tenggat(dt.datetime(2026, 3, 17, 10, 0, tzinfo=ZONA_WIB), 3)  # Nyepi and Lebaran fall in between
    datetime.datetime(2026, 3, 27, 16, 30, tzinfo=zoneinfo.ZoneInfo(key='Asia/Jakarta'))
    """
    if hari_kerja < 1:
        raise ValueError("hari kerja minimal 1")
    kalender = kalender or KALENDER_BAWAAN
    tanggal = kalender.lokal(diterima).date()
    for _ in range(hari_kerja):
        tanggal = kalender.hari_kerja_berikut(tanggal)
    return kalender.jam(tanggal)[1]


def tenggat_jam(diterima: dt.datetime, jam_kerja: int, *, kalender: Kalender | None = None) -> dt.datetime:
    """Due moment of "N jam kerja": N hours of working time after receipt (outside hours the clock waits)."""
    if jam_kerja < 1:
        raise ValueError("jam kerja minimal 1")
    return tambah_waktu_kerja(diterima, dt.timedelta(hours=jam_kerja), kalender=kalender)


def tambah_waktu_kerja(
    mulai: dt.datetime, durasi: dt.timedelta, *, kalender: Kalender | None = None
) -> dt.datetime:
    """The moment `durasi` of working time after `mulai`; a remainder that ends a day ends at its close."""
    kalender = kalender or KALENDER_BAWAAN
    waktu = kalender.lokal(mulai)
    if durasi <= dt.timedelta(0):
        return waktu
    sisa = durasi
    tanggal = waktu.date()
    for _ in range(BATAS_HARI):
        if kalender.is_hari_kerja(tanggal):
            buka, tutup = kalender.jam(tanggal)
            awal = max(waktu, buka)
            if awal < tutup:
                if sisa <= tutup - awal:
                    return awal + sisa
                sisa -= tutup - awal
        tanggal += dt.timedelta(days=1)
    raise ValueError("tidak ada hari kerja dalam sepuluh tahun")


def _hari(mulai: dt.datetime, selesai: dt.datetime, kalender: Kalender):
    """(working-day window start, end) clipped to [mulai, selesai], for each working day in between."""
    tanggal = mulai.date()
    while tanggal <= selesai.date():
        if kalender.is_hari_kerja(tanggal):
            buka, tutup = kalender.jam(tanggal)
            awal, akhir = max(buka, mulai), min(tutup, selesai)
            yield buka, tutup, awal, akhir
        tanggal += dt.timedelta(days=1)


def waktu_kerja(
    mulai: dt.datetime, selesai: dt.datetime, *, kalender: Kalender | None = None
) -> dt.timedelta:
    """Working time between two moments (zero when `selesai` is not after `mulai`)."""
    kalender = kalender or KALENDER_BAWAAN
    mulai, selesai = kalender.lokal(mulai), kalender.lokal(selesai)
    total = dt.timedelta(0)
    if selesai <= mulai:
        return total
    for _buka, _tutup, awal, akhir in _hari(mulai, selesai, kalender):
        if akhir > awal:
            total += akhir - awal
    return total


def hari_kerja_antara(mulai: dt.datetime, selesai: dt.datetime, *, kalender: Kalender | None = None) -> float:
    """Working days between two moments, each working day counting 1 and a part day its share of hours."""
    kalender = kalender or KALENDER_BAWAAN
    mulai, selesai = kalender.lokal(mulai), kalender.lokal(selesai)
    if selesai <= mulai:
        return 0.0
    total = 0.0
    for buka, tutup, awal, akhir in _hari(mulai, selesai, kalender):
        if akhir > awal:
            total += (akhir - awal) / (tutup - buka)
    return total


@dataclass(frozen=True)
class Jam:
    """The clock of one request: when it started, its standard, and its finished pauses."""

    mulai: dt.datetime
    standar: int
    satuan: str
    jeda: tuple[tuple[dt.datetime, dt.datetime], ...] = ()

    def waktu_jeda(self, kalender: Kalender) -> dt.timedelta:
        return sum((waktu_kerja(a, b, kalender=kalender) for a, b in self.jeda), dt.timedelta(0))

    def tenggat(self, kalender: Kalender | None = None) -> dt.datetime:
        """Due moment, moved on by the working time spent paused."""
        kalender = kalender or KALENDER_BAWAAN
        if self.satuan == HARI_KERJA:
            dasar = tenggat(self.mulai, self.standar, kalender=kalender)
        elif self.satuan == JAM_KERJA:
            dasar = tenggat_jam(self.mulai, self.standar, kalender=kalender)
        else:
            raise ValueError(f"satuan waktu tidak dikenal: {self.satuan}")
        return tambah_waktu_kerja(dasar, self.waktu_jeda(kalender), kalender=kalender)

    def durasi(self, selesai: dt.datetime, kalender: Kalender | None = None) -> tuple[dt.timedelta, float]:
        """Working time and working days the provider spent: clock start to `selesai`, less the pauses."""
        kalender = kalender or KALENDER_BAWAAN
        waktu = waktu_kerja(self.mulai, selesai, kalender=kalender) - self.waktu_jeda(kalender)
        hari = hari_kerja_antara(self.mulai, selesai, kalender=kalender) - sum(
            hari_kerja_antara(a, b, kalender=kalender) for a, b in self.jeda
        )
        return max(waktu, dt.timedelta(0)), max(round(hari, 3), 0.0)


_JAM_RE = re.compile(r"^([1-7])(?:-([1-7]))?=(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$")


def parse_jam_kerja(items: Iterable[str]) -> dict[int, tuple[dt.time, dt.time]]:
    """Read working hours written as ISO weekdays and times: ["1-4=07:30-16:00", "5=07:30-16:30"]."""
    hasil: dict[int, tuple[dt.time, dt.time]] = {}
    for item in items:
        cocok = _JAM_RE.match(item.replace(" ", ""))
        if not cocok:
            raise ValueError(f"format jam kerja tidak sah: {item!r} (contoh 1-4=07:30-16:00)")
        dari, sampai = int(cocok[1]), int(cocok[2] or cocok[1])
        try:
            mulai = dt.time(int(cocok[3]), int(cocok[4]))
            selesai = dt.time(int(cocok[5]), int(cocok[6]))
        except ValueError:
            raise ValueError(f"jam tidak sah: {item!r}") from None
        if dari > sampai or not mulai < selesai:
            raise ValueError(f"rentang tidak sah: {item!r}")
        for hari in range(dari, sampai + 1):
            if hari in hasil:
                raise ValueError(f"hari {hari} disebut dua kali")
            hasil[hari] = (mulai, selesai)
    if not hasil:
        raise ValueError("jam kerja kosong")
    return hasil
