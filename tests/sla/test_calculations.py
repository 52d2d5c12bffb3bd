"""The SLA clock, worked examples on the 2026 calendar of the `holidays` package (Indonesia, PUBLIC and
GOVERNMENT): Nyepi Thu 19 March with cuti bersama Wed 18; Idul Fitri Sat 21–Sun 22 March with cuti bersama
Fri 20, Mon 23 and Tue 24; Kenaikan Isa Almasih Thu 14 May with cuti bersama Fri 15; Natal Fri 25 December
with cuti bersama Thu 24. Working hours: Mon–Thu 07.30–16.00, Fri 07.30–16.30.
"""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sla.calculations import (
    ZONA_WIB,
    Jam,
    Kalender,
    hari_kerja_antara,
    libur_nasional,
    parse_jam_kerja,
    tambah_waktu_kerja,
    tenggat,
    tenggat_jam,
    waktu_kerja,
)


def wib(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=ZONA_WIB)


def test_the_package_calendar_the_examples_rely_on():
    libur = libur_nasional(2026)
    for tanggal in ["2026-03-18", "2026-03-19", "2026-03-20", "2026-03-23", "2026-03-24", "2026-05-15",
                    "2026-12-24", "2026-12-25"]:  # fmt: skip
        assert dt.date.fromisoformat(tanggal) in libur, tanggal
    assert "Nyepi" in libur[dt.date(2026, 3, 19)]
    assert dt.date(2026, 3, 25) not in libur and dt.date(2026, 3, 17) not in libur


HARI_KERJA = [
    # received, N, due, why
    (
        wib(2026, 3, 17, 10, 0),
        1,
        wib(2026, 3, 25, 16, 0),
        "18 Nyepi cuti, 19 Nyepi, 20 cuti, 21–22, 23–24 cuti",
    ),
    (wib(2026, 3, 17, 10, 0), 3, wib(2026, 3, 27, 16, 30), "25, 26, 27; Friday closes 16.30"),
    (wib(2026, 3, 16, 9, 0), 5, wib(2026, 3, 30, 16, 0), "17, 25, 26, 27, 30"),
    (wib(2026, 3, 13, 15, 0), 1, wib(2026, 3, 16, 16, 0), "Friday → Monday"),
    (wib(2026, 3, 13, 15, 0), 2, wib(2026, 3, 17, 16, 0), "16, 17"),
    (wib(2026, 3, 13, 15, 0), 3, wib(2026, 3, 25, 16, 0), "16, 17, then after Lebaran"),
    (wib(2026, 3, 19, 11, 0), 1, wib(2026, 3, 25, 16, 0), "received on Nyepi itself"),
    (wib(2026, 3, 21, 8, 0), 1, wib(2026, 3, 25, 16, 0), "received on Idul Fitri (Saturday)"),
    (wib(2026, 3, 24, 23, 59), 1, wib(2026, 3, 25, 16, 0), "last cuti bersama day, late evening"),
    (wib(2026, 3, 25, 7, 0), 1, wib(2026, 3, 26, 16, 0), "receipt day never counts, even before opening"),
    (wib(2026, 5, 13, 10, 0), 1, wib(2026, 5, 18, 16, 0), "14 Kenaikan, 15 cuti bersama, weekend"),
    (wib(2026, 12, 23, 10, 0), 1, wib(2026, 12, 28, 16, 0), "24 cuti bersama Natal, 25 Natal, weekend"),
    (dt.date(2026, 3, 17), 3, wib(2026, 3, 27, 16, 30), "a date works like a moment that day"),
]


@pytest.mark.parametrize(("diterima", "n", "due", "why"), HARI_KERJA, ids=[r[3] for r in HARI_KERJA])
def test_tenggat_hari_kerja(diterima, n, due, why):
    assert tenggat(diterima, n) == due


def test_tenggat_takes_any_zone_and_naive_times_as_local():
    utc = dt.datetime(2026, 3, 17, 3, 0, tzinfo=dt.UTC)  # 10.00 WIB
    assert tenggat(utc, 3) == wib(2026, 3, 27, 16, 30)
    assert tenggat(dt.datetime(2026, 3, 17, 10, 0), 3) == wib(2026, 3, 27, 16, 30)
    late_utc = dt.datetime(2026, 3, 13, 18, 0, tzinfo=dt.UTC)  # Saturday 01.00 WIB: Saturday is the day
    assert tenggat(late_utc, 1) == wib(2026, 3, 16, 16, 0)


def test_local_holidays_come_from_the_caller():
    kalender = Kalender(libur_lokal={dt.date(2026, 3, 25)})  # e.g. Hari Jadi Kabupaten
    assert tenggat(wib(2026, 3, 17, 10), 3, kalender=kalender) == wib(2026, 3, 30, 16, 0)
    assert tenggat(wib(2026, 3, 17, 10), 3) == wib(2026, 3, 27, 16, 30)  # the default calendar is untouched


def test_six_day_week_and_own_hours():
    kalender = Kalender(jam_kerja=parse_jam_kerja(["1-5=08:00-15:00", "6=08:00-12:00"]))
    assert tenggat(wib(2026, 3, 12, 10), 2, kalender=kalender) == wib(2026, 3, 14, 12, 0)  # Fri, Sat


JAM_KERJA = [
    (wib(2026, 3, 17, 14, 0), 8, wib(2026, 3, 25, 13, 30), "2 h Tuesday, then 6 h after Nyepi and Lebaran"),
    (wib(2026, 3, 27, 15, 0), 2, wib(2026, 3, 30, 8, 0), "Friday to 16.30, Monday from 07.30"),
    (wib(2026, 3, 17, 6, 0), 1, wib(2026, 3, 17, 8, 30), "before opening the clock waits"),
    (wib(2026, 3, 17, 18, 0), 1, wib(2026, 3, 25, 8, 30), "after closing: next working day"),
    (wib(2026, 3, 16, 7, 30), 17, wib(2026, 3, 17, 16, 0), "two full days end at the second close"),
]


@pytest.mark.parametrize(("diterima", "n", "due", "why"), JAM_KERJA, ids=[r[3] for r in JAM_KERJA])
def test_tenggat_jam_kerja(diterima, n, due, why):
    assert tenggat_jam(diterima, n) == due


def test_working_time_and_days_between():
    assert waktu_kerja(wib(2026, 3, 17, 14), wib(2026, 3, 25, 9)) == dt.timedelta(hours=3, minutes=30)
    assert waktu_kerja(wib(2026, 3, 25, 9), wib(2026, 3, 17, 14)) == dt.timedelta(0)
    # Tuesday 14.00–16.00 is 2 of 8.5 hours; Wednesday 07.30–09.00 is 1.5 of 8.5.
    assert hari_kerja_antara(wib(2026, 3, 17, 14), wib(2026, 3, 25, 9)) == pytest.approx(3.5 / 8.5)
    assert hari_kerja_antara(wib(2026, 3, 16, 7, 30), wib(2026, 3, 17, 16)) == pytest.approx(2.0)


def test_pauses_move_the_due_time_by_the_working_time_paused():
    mulai = wib(2026, 3, 17, 10, 0)
    tanpa_jeda = Jam(mulai=mulai, standar=3, satuan="hari_kerja")
    assert tanpa_jeda.tenggat() == wib(2026, 3, 27, 16, 30)
    # Paused Wednesday 25 March 09.00 to Thursday 26 March 09.00: 7 h + 1.5 h = 8.5 h of working time.
    jeda = Jam(
        mulai=mulai, standar=3, satuan="hari_kerja", jeda=((wib(2026, 3, 25, 9), wib(2026, 3, 26, 9)),)
    )
    assert jeda.waktu_jeda(Kalender()) == dt.timedelta(hours=8, minutes=30)
    assert jeda.tenggat() == wib(2026, 3, 30, 16, 0)  # one full working day paused: one working day later
    # Done Thursday 12.00: 6 h Tuesday + 8.5 h Wednesday + 4.5 h Thursday = 19 h, less 8.5 h paused.
    waktu, hari = jeda.durasi(wib(2026, 3, 26, 12, 0))
    assert waktu == dt.timedelta(hours=10, minutes=30)
    assert hari == pytest.approx(round(19 / 8.5 - 1, 3))


def test_durasi_of_a_request_done_within_one_day():
    jam = Jam(mulai=wib(2026, 4, 6, 8, 0), standar=16, satuan="jam_kerja")
    assert jam.tenggat() == wib(2026, 4, 7, 15, 30)  # 8 h Monday from 08.00, 8 h Tuesday from 07.30
    assert jam.durasi(wib(2026, 4, 6, 12, 15)) == (dt.timedelta(hours=4, minutes=15), 0.5)


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        tenggat(wib(2026, 3, 17), 0)
    with pytest.raises(ValueError):
        tenggat_jam(wib(2026, 3, 17), 0)
    with pytest.raises(ValueError):
        Jam(mulai=wib(2026, 3, 17), standar=1, satuan="minggu").tenggat()
    with pytest.raises(ValueError):
        Kalender(jam_kerja={})


BAD_HOURS = [
    ["1-4=16:00-07:30"], ["8=07:30-16:00"], ["senin=07:30-16:00"], ["1-4=07:30-16:00", "4=08:00-12:00"],
    ["1=25:00-26:00"], [],
]  # fmt: skip


@pytest.mark.parametrize("bad", BAD_HOURS)
def test_parse_jam_kerja_refuses_bad_values(bad):
    with pytest.raises(ValueError):
        parse_jam_kerja(bad)


def test_parse_jam_kerja_reads_the_default_setting():
    assert parse_jam_kerja(["1-4=07:30-16:00", "5=07:30-16:30"]) == Kalender().jam_kerja


@settings(max_examples=200, deadline=None)
@given(
    diterima=st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2027, 12, 1)),
    n=st.integers(min_value=1, max_value=30),
)
def test_tenggat_properties(diterima, n):
    kalender = Kalender()
    due = tenggat(diterima, n)
    assert kalender.is_hari_kerja(due.date())
    assert due == kalender.jam(due.date())[1]  # the close of a working day
    assert due.date() > diterima.date()
    # Exactly N working days lie after the day of receipt up to and including the due day.
    hari = [diterima.date() + dt.timedelta(days=i) for i in range(1, (due.date() - diterima.date()).days + 1)]
    assert sum(kalender.is_hari_kerja(d) for d in hari) == n
    assert tenggat(diterima, n + 1) > due


@settings(max_examples=200, deadline=None)
@given(
    mulai=st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2027, 12, 1)),
    menit=st.integers(min_value=1, max_value=60 * 200),
)
def test_adding_working_time_is_undone_by_measuring_it(mulai, menit):
    mulai = mulai.replace(tzinfo=ZONA_WIB)
    akhir = tambah_waktu_kerja(mulai, dt.timedelta(minutes=menit))
    assert waktu_kerja(mulai, akhir) == dt.timedelta(minutes=menit)
