"""PP 82/2019 death benefits and claim deadlines: worked examples from DOMAIN.md §5, table-driven."""

import datetime

import pytest

from opd import calculations
from opd.calculations import santunan_kematian

SANTUNAN = [
    # program, reported wage, santunan, berkala, pemakaman, total
    ("jkk", 2_000_000, 96_000_000, 12_000_000, 10_000_000, 118_000_000),  # DOMAIN.md example
    ("jkm", 2_000_000, 20_000_000, 12_000_000, 10_000_000, 42_000_000),
    ("jkm", 9_000_000, 20_000_000, 12_000_000, 10_000_000, 42_000_000),  # JKM does not follow the wage
    ("jkk", 300_000, 20_000_000, 12_000_000, 10_000_000, 42_000_000),  # low wage: at least Rp20 jt
    ("jkk", 416_666, 20_000_000, 12_000_000, 10_000_000, 42_000_000),  # 48 × 416.666 = 19.999.968
    ("jkk", 416_667, 20_000_016, 12_000_000, 10_000_000, 42_000_016),  # just above the floor
    ("jkk", 0, 20_000_000, 12_000_000, 10_000_000, 42_000_000),
    ("jkk", 4_500_000, 216_000_000, 12_000_000, 10_000_000, 238_000_000),
]


@pytest.mark.parametrize(("program", "upah", "santunan", "berkala", "pemakaman", "total"), SANTUNAN)
def test_santunan_kematian(program, upah, santunan, berkala, pemakaman, total):
    hasil = santunan_kematian(program, upah)
    assert (hasil.santunan, hasil.santunan_berkala, hasil.biaya_pemakaman, hasil.total) == (
        santunan, berkala, pemakaman, total,
    )  # fmt: skip
    assert all(isinstance(v, int) for v in (hasil.santunan, hasil.total))


@pytest.mark.parametrize("upah", [1, 100_000, 2_000_000, 10_000_000])
def test_jkk_never_below_the_jkm_santunan(upah):
    assert santunan_kematian("jkk", upah).santunan >= 20_000_000
    assert santunan_kematian("jkk", upah).total >= santunan_kematian("jkm", upah).total


@pytest.mark.parametrize(("program", "upah"), [("jht", 2_000_000), ("jkk", -1)])
def test_refuses_unknown_program_and_negative_wage(program, upah):
    with pytest.raises(ValueError):
        santunan_kematian(program, upah)


DEADLINE = [
    # accident, stage-I deadline, lapse date
    (
        datetime.datetime(2026, 1, 10, 14, 30),
        datetime.datetime(2026, 1, 12, 14, 30),
        datetime.date(2031, 1, 10),
    ),
    (datetime.datetime(2028, 2, 29, 8, 0), datetime.datetime(2028, 3, 2, 8, 0), datetime.date(2033, 2, 28)),
]


@pytest.mark.parametrize(("kecelakaan", "batas", "lapse"), DEADLINE)
def test_stage_one_deadline_and_five_year_lapse(kecelakaan, batas, lapse):
    assert calculations.batas_laporan_tahap_1(kecelakaan) == batas
    assert calculations.tanggal_kedaluwarsa(kecelakaan.date()) == lapse


HEIRS = [
    # relationships of the heirs recorded, who receives (indexes)
    (["anak", "pasangan", "orang_tua"], {0, 1}),
    (["saudara", "orang_tua", "mertua"], {1}),
    (["wasiat", "mertua"], {1}),
    (["wasiat"], {0}),
    ([], set()),
]


@pytest.mark.parametrize(("hubungan", "penerima"), HEIRS)
def test_heirs_in_the_legal_order(hubungan, penerima):
    assert calculations.penerima_manfaat(hubungan) == penerima


def test_documents_per_program():
    jkm = calculations.dokumen_wajib("jkm", ada_pasangan=False, total=42_000_000)
    assert "npwp" not in jkm and "buku_nikah" not in jkm and "laporan_tahap_1" not in jkm
    jkk = calculations.dokumen_wajib("jkk", ada_pasangan=True, total=118_000_000)
    assert {"npwp", "buku_nikah", "laporan_tahap_1", "laporan_tahap_2", "kronologi"} <= set(jkk)
    assert calculations.selisih_santunan("jkk", 2_000_000, 118_000_000) == 0
    assert calculations.selisih_santunan("jkm", 2_000_000, 40_000_000) == -2_000_000
    assert calculations.selisih_santunan("jkm", 2_000_000, None) is None
