"""SIPD unit code: urusan.bidang . urusan.bidang . urusan.bidang . unit(2) . sub unit(4)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Bidang urusan per urusan group (DOMAIN.md §2, Permendagri 90/2019).
BIDANG_URUSAN = {
    1: range(1, 7),
    2: range(7, 25),
    3: range(25, 33),
    4: range(1, 3),
    5: range(1, 8),
    6: range(1, 2),
    7: range(1, 2),
    8: range(1, 2),
}
KODE_UNIT_RE = re.compile(r"^(\d)\.(\d{2})\.(\d)\.(\d{2})\.(\d)\.(\d{2})\.(\d{2})\.(\d{4})$")


def parse_kode_unit(kode: str) -> dict:
    match = KODE_UNIT_RE.fullmatch(kode or "")
    if not match:
        raise ValidationError(
            _("Kode unit %(kode)s tidak sesuai format SIPD X.XX.X.XX.X.XX.XX.XXXX."),
            code="kode_format",
            params={"kode": kode},
        )
    parts = [int(p) for p in match.groups()]
    urusan = []
    for i in range(3):
        group, bidang = parts[2 * i], parts[2 * i + 1]
        if group == 0 and bidang == 0:
            continue
        if group not in BIDANG_URUSAN or bidang not in BIDANG_URUSAN[group]:
            raise ValidationError(
                _("Kode unit %(kode)s: urusan %(urusan)s tidak dikenal."),
                code="kode_urusan",
                params={"kode": kode, "urusan": f"{group}.{bidang:02d}"},
            )
        urusan.append(f"{group}.{bidang:02d}")
    if not urusan:
        raise ValidationError(_("Kode unit harus memuat paling sedikit satu urusan."), code="kode_urusan")
    if parts[6] == 0:
        raise ValidationError(_("Kode unit: nomor unit tidak boleh 00."), code="kode_unit")
    return {"urusan": urusan, "unit": parts[6], "sub_unit": parts[7]}


def validate_kode_unit(value: str) -> None:
    parse_kode_unit(value)


def validate_urusan(value: str) -> None:
    match = re.fullmatch(r"(\d)\.(\d{2})", value or "")
    if not match or int(match[2]) not in BIDANG_URUSAN.get(int(match[1]), ()):
        raise ValidationError(_("Urusan %(v)s tidak dikenal."), code="urusan", params={"v": value})
