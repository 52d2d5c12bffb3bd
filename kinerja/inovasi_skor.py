"""Indeks Inovasi Daerah arithmetic, pure: no ORM.

The scheme is data (IndikatorInovasi rows with a weight, OpsiIndikatorInovasi rows with a score 0–100 of
that weight), kept by Admin. Definitions:

- skor inovasi = Σ (bobot × skor opsi / 100) over the scheme's active indicators / Σ bobot × 100, so 0–100;
  an indicator the innovation has not answered counts 0.
- indeks OPD = mean of the scores of the OPD's innovations (none registered → 0, "Tidak Dapat Dinilai").
- indeks daerah = mean of the indeks OPD over every active perangkat daerah, the ones without an
  innovation counted as 0: the rule is that every OPD has at least one innovation.
- predikat (BSKDN): > 60 Sangat Inovatif; 35–60 Inovatif; > 0 and < 35 Kurang Inovatif; 0 Tidak Dapat
  Dinilai — judged on the unrounded value.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

SANGAT_INOVATIF = "Sangat Inovatif"
INOVATIF = "Inovatif"
KURANG_INOVATIF = "Kurang Inovatif"
TIDAK_DAPAT_DINILAI = "Tidak Dapat Dinilai"


def skor_inovasi(jawaban: Iterable[tuple[Decimal, Decimal]], total_bobot: Decimal) -> Decimal:
    """`jawaban`: (bobot indikator, skor opsi 0–100) of each answered indicator."""
    if not total_bobot:
        return Decimal(0)
    return sum((Decimal(b) * Decimal(s) for b, s in jawaban), Decimal(0)) / Decimal(total_bobot)


def rata_rata(nilai: Iterable[Decimal | None], *, jumlah: int | None = None) -> Decimal:
    """Mean of the values; `jumlah` counts members without a value as 0 (the OPDs without innovation)."""
    daftar = [Decimal(v or 0) for v in nilai]
    n = jumlah if jumlah is not None else len(daftar)
    return sum(daftar, Decimal(0)) / n if n else Decimal(0)


def predikat(nilai: Decimal | float | None) -> str:
    if nilai is None or nilai <= 0:
        return TIDAK_DAPAT_DINILAI
    if nilai > 60:
        return SANGAT_INOVATIF
    if nilai >= 35:
        return INOVATIF
    return KURANG_INOVATIF
