"""Permendagri 90/2019 nomenclature code segments."""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

POLA_SEGMEN = {
    # X / XX: program penunjang urusan pemerintahan daerah, shared by every urusan.
    "urusan": (r"[1-8X]", _("Urusan berupa satu angka 1–8 atau X.")),
    "bidang": (r"\d{2}|XX", _("Bidang urusan berupa dua angka (contoh 02) atau XX.")),
    "program": (r"\d{2}", _("Kode program berupa dua angka (contoh 02).")),
    "kegiatan": (r"[1-9]\.\d{2}", _("Kode kegiatan berformat 2.01 (angka tingkat, titik, dua angka).")),
    "sub_kegiatan": (r"\d{2}|\d{4}", _("Kode sub kegiatan berupa dua atau empat angka (01 atau 0001).")),
}

POLA_KODE = re.compile(
    r"^(?P<urusan>[1-8X])\.(?P<bidang>\d{2}|XX)\.(?P<program>\d{2})"
    r"(?:\.(?P<kegiatan>[1-9]\.\d{2})(?:\.(?P<sub_kegiatan>\d{4}|\d{2}))?)?$"
)


@deconstructible
class validate_segmen:  # noqa: N801 - used like a function validator
    def __init__(self, segmen: str):
        self.segmen = segmen

    def __call__(self, value):
        pola, pesan = POLA_SEGMEN[self.segmen]
        if value and not re.fullmatch(pola, value):
            raise ValidationError(pesan, code="segmen")

    def __eq__(self, other):
        return isinstance(other, validate_segmen) and other.segmen == self.segmen


def urai_kode(kode: str) -> dict[str, str]:
    """Split '1.02.02.2.01.0001' into its segments; ValidationError on a malformed code."""
    match = POLA_KODE.match((kode or "").strip())
    if not match:
        raise ValidationError(
            _("Kode %(kode)s tidak sesuai format Permendagri 90/2019 (contoh 1.02.02.2.01.0001)."),
            code="kode",
            params={"kode": kode},
        )
    return {k: v or "" for k, v in match.groupdict().items()}
