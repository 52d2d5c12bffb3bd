import datetime

import pytest

from bencana import calculations
from bencana.calculations import Periode

D = datetime.date


@pytest.mark.parametrize(
    ("urusan", "bpbd", "unit"),
    [
        (["1.02"], False, "k_kesehatan"),
        (["1.05"], True, "komando"),
        (["1.05"], False, "k_sar"),
        (["1.06"], False, "k_pengungsian"),
        (["5.01"], False, "perencanaan"),
        (["5.02"], False, "administrasi_keuangan"),
        (["3.27"], False, "k_ekonomi"),
        (["7.01"], False, "operasi"),
        (["8.01"], False, "operasi"),
        ([], False, "operasi"),
    ],
)
def test_default_unit_by_urusan(urusan, bpbd, unit):
    assert calculations.unit_bawaan(urusan, bpbd=bpbd) == unit


def test_status_in_force():
    decrees = [
        ("siaga", Periode(D(2026, 1, 1), D(2026, 1, 7))),
        ("tanggap", Periode(D(2026, 1, 8), D(2026, 1, 21))),
    ]
    assert calculations.status_berlaku(decrees, D(2026, 1, 7)) == "siaga"
    assert calculations.status_berlaku(decrees, D(2026, 1, 8)) == "tanggap"
    assert calculations.status_berlaku(decrees, D(2026, 1, 22)) is None


@pytest.mark.parametrize(
    ("mulai", "selesai", "sampai", "hari"),
    [
        (D(2026, 1, 8), D(2026, 1, 21), D(2026, 1, 7), 0),  # not started
        (D(2026, 1, 8), D(2026, 1, 21), D(2026, 1, 8), 1),
        (D(2026, 1, 8), D(2026, 1, 21), D(2026, 1, 10), 3),
        (D(2026, 1, 8), D(2026, 1, 21), D(2026, 3, 1), 14),  # ended: the whole period
    ],
)
def test_report_days_due(mulai, selesai, sampai, hari):
    assert calculations.hari_wajib_lapor(mulai, selesai, sampai) == hari


def test_response_figures():
    r = calculations.ResponOpd(penugasan=2, siap=2, jam_siap_total=5.0, laporan_wajib=10,
                               laporan_tepat_waktu=7,
                               laporan_terlambat=2)  # fmt: skip
    assert (r.rata_jam_siap, r.persen_tepat_waktu, r.laporan_belum) == (2.5, 70.0, 1)
    assert (
        calculations.ResponOpd().rata_jam_siap is None and calculations.ResponOpd().persen_tepat_waktu is None
    )
    assert calculations.tepat_waktu(D(2026, 1, 8), D(2026, 1, 8)) and not calculations.tepat_waktu(
        D(2026, 1, 8), D(2026, 1, 9)
    )
