"""Capaian, predikat and yearly realisasi (DOMAIN.md §3): pure functions, no ORM, the public domain API.

The set-based SQL in kinerja/services/skor.py computes the same numbers for thousands of indicators at once;
tests/kinerja/test_skor_sql.py checks (hypothesis) that both agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.conf import settings

from kinerja.ikm import ikm  # noqa: F401 - the IKM calculator (PermenPAN-RB 14/2017) is public here too

SERATUS = Decimal(100)
RUMUS_NEGATIF = ("2T-R", "T/R")


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)) if isinstance(value, float) else Decimal(value)


def capaian(target, realisasi, polaritas: str, *, target_atas=None, rumus_negatif: str | None = None):
    """Achievement in percent, unrounded; None where undefined (no realisasi, target 0).

    Positive: R / T × 100. Negative: (2T − R) / T × 100 (PermenPAN-RB 8/2021) or T / R × 100, by the
    SIPD_CAPAIAN_NEGATIF setting. A range [target, target_atas]: R inside → 100; above → hi as T; below → lo.
    """
    t, r, hi = _dec(target), _dec(realisasi), _dec(target_atas)
    if t is None or r is None:
        return None
    if hi is not None:
        if t <= r <= hi:
            return SERATUS
        if r > hi:
            t = hi
    if t == 0:
        return None
    if polaritas == "positif":
        return r * SERATUS / t
    if polaritas != "negatif":
        raise ValueError(f"polaritas tidak dikenal: {polaritas!r}")
    rumus = rumus_negatif or settings.SIPD_CAPAIAN_NEGATIF
    if rumus == "2T-R":
        return (2 * t - r) * SERATUS / t
    if rumus == "T/R":
        return None if r == 0 else t * SERATUS / r
    raise ValueError(f"rumus capaian negatif tidak dikenal: {rumus!r}")


def predikat(nilai, *, skala: Sequence[tuple[Decimal | None, str]] | None = None) -> str | None:
    """The Permendagri 86/2017 band of an (unrounded) capaian: ≥ 91 Sangat Tinggi … else Sangat Rendah.

    `skala` is [(lower bound, label), …] from the highest band down, the last bound None (SIPD_PREDIKAT).
    """
    if nilai is None:
        return None
    nilai = _dec(nilai)
    for batas, label in skala or settings.SIPD_PREDIKAT:
        if batas is None or nilai >= batas:
            return label
    return None  # unreachable with a valid scale: the last band has no lower bound


def realisasi_tahunan(nilai_triwulan: Sequence, sifat: str):
    """The year's (or year-to-date) value from the triwulan values in order, None where not entered."""
    diisi = [_dec(v) for v in nilai_triwulan if v is not None]
    if not diisi:
        return None
    if sifat == "kumulatif":
        return sum(diisi, Decimal(0))
    if sifat == "nilai_akhir":
        return diisi[-1]
    if sifat == "rata_rata":
        return sum(diisi, Decimal(0)) / len(diisi)
    raise ValueError(f"sifat agregasi tidak dikenal: {sifat!r}")


def target_sd_triwulan(target_tahun, target_triwulan: Sequence, triwulan: int, sifat: str):
    """The target that a triwulan-to-date realisasi is measured against.

    The year's target, unless the indicator has a triwulan target for `triwulan`: then that one (kumulatif:
    the sum of the triwulan targets to date). A range applies to the year's target only.
    """
    tw = list(target_triwulan)[:triwulan]
    if len(tw) < triwulan or tw[-1] is None:
        return _dec(target_tahun)
    if sifat == "kumulatif":
        return sum((_dec(v) for v in tw if v is not None), Decimal(0))
    return _dec(tw[-1])


def capaian_periode(
    target_akhir, realisasi_tahun: Sequence, target_tahun: Sequence, polaritas: str, sifat: str,
    *, target_akhir_atas=None, rumus_negatif: str | None = None,
):  # fmt: skip
    """RPJMD period capaian: kumulatif = sum of the years against the sum of the yearly targets; otherwise
    the last entered year's realisasi (nilai akhir) or the mean of the years (rata-rata) against the target
    akhir periode."""
    if sifat == "kumulatif":
        pasangan = [(_dec(r), _dec(t)) for r, t in zip(realisasi_tahun, target_tahun, strict=True)]
        diisi = [(r, t) for r, t in pasangan if r is not None and t is not None]
        if not diisi:
            return None
        return capaian(sum(t for _r, t in diisi), sum(r for r, _t in diisi), polaritas,
                       rumus_negatif=rumus_negatif)  # fmt: skip
    return capaian(target_akhir, realisasi_tahunan(realisasi_tahun, sifat), polaritas,
                   target_atas=target_akhir_atas, rumus_negatif=rumus_negatif)  # fmt: skip


def batasi(nilai, batas=None):
    """A capaian as it enters a roll-up average: between 0 and SIPD_BATAS_CAPAIAN (default 120)."""
    if nilai is None:
        return None
    batas = Decimal(batas if batas is not None else settings.SIPD_BATAS_CAPAIAN)
    return min(max(_dec(nilai), Decimal(0)), batas)
