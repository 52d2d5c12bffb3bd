"""Validators for Indonesian identity numbers (NIP 18 digits, NIK 16 digits)."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Province codes of Kemendagri (first two digits of an NIK).
KODE_PROVINSI = frozenset(
    {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
     71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97}
)  # fmt: skip


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_nip(nip: str, *, pppk: bool = False) -> dict:
    """Split an NIP into its parts; raises ValidationError naming the wrong part.

    Layout: birth date YYYYMMDD, TMT YYYYMM (PPPK: year of appointment + "21"), gender 1/2, sequence 3 digits.
    """
    if not re.fullmatch(r"\d{18}", nip or ""):
        raise ValidationError(_("NIP harus 18 digit angka."), code="nip_format")
    lahir = _date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if lahir is None or not 1940 <= lahir.year <= datetime.date.today().year - 17:
        raise ValidationError(_("NIP: 8 digit pertama bukan tanggal lahir yang sah."), code="nip_lahir")
    tmt_year, tmt_month = int(nip[8:12]), int(nip[12:14])
    month_ok = 1 <= tmt_month <= 12 or (pppk and tmt_month == 21)
    if not month_ok or not lahir.year + 17 <= tmt_year <= datetime.date.today().year + 1:
        raise ValidationError(_("NIP: digit 9–14 bukan TMT (tahun dan bulan) yang sah."), code="nip_tmt")
    if nip[14] not in "12":
        raise ValidationError(_("NIP: digit ke-15 (jenis kelamin) harus 1 atau 2."), code="nip_kelamin")
    if nip[15:] == "000":
        raise ValidationError(_("NIP: nomor urut tidak boleh 000."), code="nip_urut")
    return {
        "tanggal_lahir": lahir,
        "tmt": (tmt_year, tmt_month),
        "jenis_kelamin": "L" if nip[14] == "1" else "P",
    }


def parse_nik(nik: str) -> dict:
    """Layout: region 6 digits, DDMMYY (women: DD + 40), sequence 4 digits."""
    if not re.fullmatch(r"\d{16}", nik or ""):
        raise ValidationError(_("NIK harus 16 digit angka."), code="nik_format")
    if int(nik[0:2]) not in KODE_PROVINSI or nik[2:4] == "00":
        raise ValidationError(_("NIK: 4 digit pertama bukan kode wilayah yang sah."), code="nik_wilayah")
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    jenis_kelamin = "P" if day > 40 else "L"
    day = day - 40 if day > 40 else day
    this_year = datetime.date.today().year % 100
    year = 2000 + yy if yy <= this_year else 1900 + yy
    lahir = _date(year, month, day)
    if lahir is None:
        raise ValidationError(_("NIK: digit 7–12 bukan tanggal lahir yang sah."), code="nik_lahir")
    if nik[12:] == "0000":
        raise ValidationError(_("NIK: nomor urut tidak boleh 0000."), code="nik_urut")
    return {"tanggal_lahir": lahir, "jenis_kelamin": jenis_kelamin}


def validate_nip(value: str) -> None:
    parse_nip(value, pppk=True)


def validate_nik(value: str) -> None:
    parse_nik(value)
