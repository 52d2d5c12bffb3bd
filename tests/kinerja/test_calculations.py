"""The calculators against the worked examples of DOMAIN.md §3, and more edge cases."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ImproperlyConfigured

from kinerja.calculations import (
    batasi,
    capaian,
    capaian_periode,
    predikat,
    realisasi_tahunan,
    target_sd_triwulan,
)
from sipd.env import parse_skala_predikat


def dua(value):
    return None if value is None else value.quantize(D("0.01"))


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "kwargs", "expected"),
    [
        # DOMAIN.md worked examples
        (7, D("6.5"), "negatif", {}, D("107.14")),
        (8, 9, "negatif", {}, D("87.50")),
        (80, 92, "positif", {"target_atas": 90}, D("102.22")),
        # positive polarity
        (80, 80, "positif", {}, D("100.00")),
        (120, 110, "positif", {}, D("91.67")),
        (50, 0, "positif", {}, D("0.00")),  # R = 0 with T > 0 is a real 0
        # range target
        (80, 85, "positif", {"target_atas": 90}, D("100.00")),
        (80, 80, "positif", {"target_atas": 90}, D("100.00")),
        (80, 90, "positif", {"target_atas": 90}, D("100.00")),
        (80, 72, "positif", {"target_atas": 90}, D("90.00")),  # below lo: lo is T
        (10, 12, "negatif", {"target_atas": 15}, D("100.00")),
        (10, 18, "negatif", {"target_atas": 15}, D("80.00")),  # above hi: hi is T, (30-18)/15
        (10, 8, "negatif", {"target_atas": 15}, D("120.00")),  # below lo: (20-8)/10
        # negative polarity, the alternative formula
        (7, D("6.5"), "negatif", {"rumus_negatif": "T/R"}, D("107.69")),
        (8, 10, "negatif", {"rumus_negatif": "T/R"}, D("80.00")),
        (8, 0, "negatif", {"rumus_negatif": "T/R"}, None),
        (8, 20, "negatif", {}, D("-50.00")),  # far worse than target: the indicator shows it, uncapped
        # undefined
        (0, 5, "positif", {}, None),
        (0, 0, "negatif", {}, None),
        (80, None, "positif", {}, None),
        (None, 5, "positif", {}, None),
    ],
)
def test_capaian(target, realisasi, polaritas, kwargs, expected):
    assert dua(capaian(target, realisasi, polaritas, **kwargs)) == expected


def test_capaian_negatif_follows_the_setting(settings):
    settings.SIPD_CAPAIAN_NEGATIF = "T/R"
    assert dua(capaian(8, 10, "negatif")) == D("80.00")
    settings.SIPD_CAPAIAN_NEGATIF = "2T-R"
    assert dua(capaian(8, 10, "negatif")) == D("75.00")


def test_capaian_refuses_unknown_polarity():
    with pytest.raises(ValueError, match="polaritas"):
        capaian(1, 1, "netral")


@pytest.mark.parametrize(
    ("nilai", "expected"),
    [
        (D("91"), "Sangat Tinggi"), (D("150"), "Sangat Tinggi"), (D("90.999"), "Tinggi"), (D("76"), "Tinggi"),
        (D("75.9999"), "Sedang"), (D("66"), "Sedang"), (D("65.99"), "Rendah"), (D("51"), "Rendah"),
        (D("50.99"), "Sangat Rendah"), (D("0"), "Sangat Rendah"), (D("-20"), "Sangat Rendah"), (None, None),
    ],
)  # fmt: skip
def test_predikat_on_the_unrounded_value(nilai, expected):
    assert predikat(nilai) == expected


def test_predikat_90_995_is_tinggi_though_it_shows_as_91():
    # displayed as "91,00" but judged unrounded
    assert predikat(capaian(D("100"), D("90.995"), "positif")) == "Tinggi"


def test_predikat_scale_is_a_setting(settings):
    settings.SIPD_PREDIKAT = parse_skala_predikat(
        ["100:Istimewa", "91:Sangat Tinggi", "76:Tinggi", "66:Sedang", "51:Rendah", ":Sangat Rendah"]
    )
    assert predikat(D("101")) == "Istimewa"
    assert predikat(D("95")) == "Sangat Tinggi"


@pytest.mark.parametrize(
    "items",
    [["91:A"], ["91:A", "95:B", ":C"], ["91:A", "x:B", ":C"], ["91:A", "76:B"], ["91:A", ":B", "5:C"], ["A"]],
)
def test_predikat_scale_refuses_bad_settings(items):
    with pytest.raises(ImproperlyConfigured):
        parse_skala_predikat(items)


@pytest.mark.parametrize(
    ("nilai", "sifat", "expected"),
    [
        ([10, 20, 30, 40], "kumulatif", D("100")),
        ([10, None, 30, None], "kumulatif", D("40")),
        ([10, 20, 30, 40], "nilai_akhir", D("40")),
        ([10, 20, None, None], "nilai_akhir", D("20")),
        ([10, None, 30, None], "nilai_akhir", D("30")),
        ([10, 20, 30, 40], "rata_rata", D("25")),
        ([10, None, 30, None], "rata_rata", D("20")),
        ([0, None, None, None], "kumulatif", D("0")),
        ([None, None, None, None], "kumulatif", None),
        ([None, None, None, None], "nilai_akhir", None),
        ([None, None, None, None], "rata_rata", None),
        ([], "rata_rata", None),
    ],
)
def test_realisasi_tahunan(nilai, sifat, expected):
    assert realisasi_tahunan(nilai, sifat) == expected


def test_realisasi_tahunan_refuses_unknown_sifat():
    with pytest.raises(ValueError, match="sifat"):
        realisasi_tahunan([1], "median")


@pytest.mark.parametrize(
    ("tw_targets", "triwulan", "sifat", "expected"),
    [
        ([None, None, None, None], 2, "kumulatif", D("100")),  # no triwulan targets: the year's
        ([20, 25, 25, 30], 2, "kumulatif", D("45")),
        ([20, 25, 25, 30], 4, "kumulatif", D("100")),
        ([20, 25, 25, 30], 2, "nilai_akhir", D("25")),
        ([20, None, 25, 30], 2, "rata_rata", D("100")),  # none for TW II: the year's
    ],
)
def test_target_sd_triwulan(tw_targets, triwulan, sifat, expected):
    assert target_sd_triwulan(100, tw_targets, triwulan, sifat) == expected


def test_capaian_periode():
    # kumulatif: sum of years against sum of yearly targets
    assert capaian_periode(500, [90, 110, None, None, None], [100] * 5, "positif", "kumulatif") == D("100")
    # nilai akhir: the last entered year against the target akhir periode
    hasil = capaian_periode(90, [70, 75, 80, None, None], [80] * 5, "positif", "nilai_akhir")
    assert dua(hasil) == D("88.89")
    assert capaian_periode(90, [None] * 5, [80] * 5, "positif", "rata_rata") is None


@pytest.mark.parametrize(
    ("nilai", "expected"), [(D("150"), D("120")), (D("-5"), D("0")), (D("99.5"), D("99.5")), (None, None)]
)
def test_batasi(nilai, expected):
    assert batasi(nilai) == expected
