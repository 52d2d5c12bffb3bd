"""Indonesian number formats: 1.234,56 and Rp118.000.000. Parsing is strict: ambiguous input is refused."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

KOSONG = "–"


def _group(digits: str) -> str:
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return ".".join(out)


def format_angka(value, decimals: int = 2) -> str:
    """1234.5 → '1.234,50'; None → '–'."""
    if value is None or value == "":
        return KOSONG
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not number.is_finite():  # NaN/Infinity (e.g. a float division result) shows as no value
        return KOSONG
    quant = Decimal(1).scaleb(-decimals) if decimals else Decimal(1)
    number = number.quantize(quant, rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    whole, _sep, frac = f"{abs(number):f}".partition(".")
    text = sign + _group(whole)
    return f"{text},{frac}" if decimals else text


def format_isian(value) -> str:
    """A number as typed back into a form: Indonesian format, no trailing zeros (1234.5 → '1.234,5')."""
    if value is None or value == "":
        return ""
    text = format_angka(value, 4)
    return text.rstrip("0").rstrip(",") if "," in text else text


def format_rupiah(value) -> str:
    """118000000 → 'Rp118.000.000'."""
    if value is None or value == "":
        return KOSONG
    text = format_angka(value, 0)
    return f"-Rp{text[1:]}" if text.startswith("-") else f"Rp{text}"


_ANGKA_RE = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")


def parse_angka(text: str) -> Decimal | None:
    """'1.234,56' → Decimal('1234.56'); '' → None. Refuses '1,234.56', '1.23' and other ambiguous forms."""
    typed = (text or "").strip()
    text = typed.replace(" ", "").replace("\u00a0", "")
    sign = ""
    if text.startswith("-") and text[1:3].lower() == "rp":  # "-Rp75.000", as format_rupiah writes it
        sign, text = "-", text[1:]
    if text.lower().startswith("rp"):
        text = sign + text[2:]
    if text == "":
        return None
    if not _ANGKA_RE.fullmatch(text):
        raise ValidationError(
            _("Angka %(teks)s tidak dapat dibaca. Gunakan format Indonesia, misalnya 1.234,56.")
            % {"teks": typed},
            code="angka",
        )
    return Decimal(text.replace(".", "").replace(",", "."))


def samarkan(value) -> str:
    """Mask an identity number: 198503142010011001 → 1985••••••••••••01."""
    text = str(value)
    return text[:4] + "•" * max(len(text) - 6, 0) + text[-2:] if len(text) > 6 else "•" * len(text)
