"""Indonesian number formats: 1.234,56 and Rp118.000.000, strict parsing, and the template filters."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation

from sipd.formatting import KOSONG, format_angka, format_rupiah, parse_angka


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, 2, "1.234,50"),
        (91.666, 2, "91,67"),
        (91.665, 2, "91,67"),  # half up, as written by hand, not banker's rounding
        (Decimal("107.145"), 2, "107,15"),
        (0, 2, "0,00"),
        (999, 2, "999,00"),
        (1000, 0, "1.000"),
        (1234567.891, 0, "1.234.568"),
        (Decimal("2.5"), 0, "3"),
        (-1234.5, 2, "-1.234,50"),
        (-1234567, 0, "-1.234.567"),
        (-0.001, 2, "0,00"),  # rounds to zero: no "-0,00"
        (12.3456, 3, "12,346"),
        ("1500", 0, "1.500"),
        (None, 2, KOSONG),
        ("", 0, KOSONG),
        (float("nan"), 2, KOSONG),
        (float("inf"), 0, KOSONG),
    ],
)
def test_format_angka(value, decimals, expected):
    assert format_angka(value, decimals) == expected


def test_format_angka_defaults_to_two_decimals_and_keeps_text_it_cannot_read():
    assert format_angka(1234.5) == "1.234,50"
    assert format_angka(None) == "–"
    assert format_angka("n/a") == "n/a"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (118_000_000, "Rp118.000.000"),
        (2_000_000, "Rp2.000.000"),
        (Decimal("1500.50"), "Rp1.501"),
        (999, "Rp999"),
        (0, "Rp0"),
        (-75_000, "-Rp75.000"),
        (None, KOSONG),
    ],
)
def test_format_rupiah(value, expected):
    assert format_rupiah(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,56", Decimal("1234.56")),
        ("1234,5", Decimal("1234.5")),
        ("1.234", Decimal("1234")),
        ("1.234.567", Decimal("1234567")),
        ("Rp2.000.000", Decimal("2000000")),
        ("Rp 2.000.000", Decimal("2000000")),
        ("rp118.000.000", Decimal("118000000")),
        ("-7", Decimal("-7")),
        ("-Rp75.000", Decimal("-75000")),  # a negative amount as format_rupiah writes it
        ("-1.234,5", Decimal("-1234.5")),
        ("0,5", Decimal("0.5")),
        ("  42 ", Decimal("42")),
        ("12\u00a0345", Decimal("12345")),
        ("", None),
        (None, None),
    ],
)
def test_parse_angka_accepts_indonesian_numbers(text, expected):
    assert parse_angka(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1,234.56",  # English form
        "1.23",  # a decimal point or a thousands separator? refused rather than guessed
        "1.2345",
        "1234.567",
        "12.34.5",
        "abc",
        "1,2,3",
        "1.234,5,6",
        ",5",
        "5,",
        "+7",
        "--7",
        "7-",
        "-Rp",
        "Rp--7",
    ],
)
def test_parse_angka_refuses_ambiguous_or_malformed_input(text):
    with pytest.raises(ValidationError) as info:
        parse_angka(text)
    assert info.value.code == "angka"
    assert info.value.messages == [
        f"Angka {text} tidak dapat dibaca. Gunakan format Indonesia, misalnya 1.234,56."
    ]


def test_format_and_parse_round_trip():
    for value in (Decimal("0.00"), Decimal("1234.50"), Decimal("-98765432.10")):
        assert parse_angka(format_angka(value)) == value
    for amount in (118_000_000, -75_000, 0):
        assert parse_angka(format_rupiah(amount)) == amount


def _render(source: str, **context) -> str:
    return Template("{% load sipd %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("source", "value", "expected"),
    [
        ("{{ value|angka }}", 1234.5, "1.234,50"),
        ("{{ value|angka }}", Decimal("91.666"), "91,67"),
        ("{{ value|angka:0 }}", 1234567, "1.234.567"),
        ("{{ value|angka:'1' }}", -0.25, "-0,3"),
        ("{{ value|angka }}", None, "–"),
        ("{{ value|rupiah }}", 118_000_000, "Rp118.000.000"),
        ("{{ value|rupiah }}", None, "–"),
    ],
)
def test_template_filters(source, value, expected):
    assert _render(source, value=value) == expected


def test_numbers_keep_the_indonesian_form_in_english():
    with translation.override("en"):
        assert _render("{{ a|angka }} {{ b|rupiah }}", a=1234.5, b=2_000_000) == "1.234,50 Rp2.000.000"


@pytest.mark.django_db
class TestSamarkan:
    NIP = "198503142010011001"

    @pytest.mark.parametrize("role", ["operator_a", "bappeda", "pimpinan", "kepala_a"])
    def test_masked_for_roles_without_private_data(self, two_opds, role):
        user = getattr(two_opds.users, role)
        assert _render("{{ nip|samarkan:user }}", nip=self.NIP, user=user) == "1985" + "•" * 12 + "01"

    @pytest.mark.parametrize("role", ["admin", "kepegawaian"])
    def test_shown_to_admin_and_kepegawaian(self, two_opds, role):
        user = getattr(two_opds.users, role)
        assert _render("{{ nip|samarkan:user }}", nip=self.NIP, user=user) == self.NIP

    def test_short_and_empty_values(self, two_opds):
        user = two_opds.users.operator_a
        assert _render("{{ v|samarkan:user }}", v="12345", user=user) == "•••••"
        assert _render("{{ v|samarkan:user }}", v=None, user=user) == "–"
