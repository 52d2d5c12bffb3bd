"""IKM arithmetic (PermenPAN-RB 14/2017), pure: no ORM.

`ikm(jawaban)` takes the respondents' answers, each a list of nine values 1–4 (None for an element left
blank), and gives the NRR per element, the IKM on 25–100 and its mutu A–D:

- NRR of an element = sum of its answers / number of respondents who answered it (blank ones don't count);
- IKM = mean of the nine NRR × 25 (the regulation's Σ NRR × 0,111 × 25 without the rounded 1/9), kept at
  full precision (exact fractions); round only for display.
- Mutu is judged on the unrounded value, with each boundary at the midpoint of the regulation's two-decimal
  gap: A from 88,305, B from 76,605, C from 64,995, else D. So an unrounded value gets exactly the mutu its
  two-decimal display (half up) falls in: 88,304 shows as 88,30 → B; 88,305 shows as 88,31 → A.
- An element nobody answered has no NRR: the IKM is then undefined (None), never a guess.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction

UNSUR = 9
NILAI_SAH = frozenset({1, 2, 3, 4})

# (lower bound on the unrounded IKM, mutu, kinerja unit pelayanan)
MUTU = (
    (Fraction("88.305"), "A", "Sangat Baik"),
    (Fraction("76.605"), "B", "Baik"),
    (Fraction("64.995"), "C", "Kurang Baik"),
    (Fraction(25), "D", "Tidak Baik"),
)

# Krejcie & Morgan (1970), the table of PermenPAN-RB 14/2017: population N → sample n (5 % error, 95 %).
KREJCIE_MORGAN = (
    (10, 10), (15, 14), (20, 19), (25, 24), (30, 28), (35, 32), (40, 36), (45, 40), (50, 44), (55, 48),
    (60, 52), (65, 56), (70, 59), (75, 63), (80, 66), (85, 70), (90, 73), (95, 76), (100, 80), (110, 86),
    (120, 92), (130, 97), (140, 103), (150, 108), (160, 113), (170, 118), (180, 123), (190, 127), (200, 132),
    (210, 136), (220, 140), (230, 144), (240, 148), (250, 152), (260, 155), (270, 159), (280, 162),
    (290, 165), (300, 169), (320, 175), (340, 181), (360, 186), (380, 191), (400, 196), (420, 201),
    (440, 205), (460, 210), (480, 214), (500, 217), (550, 226), (600, 234), (650, 242), (700, 248),
    (750, 254), (800, 260), (850, 265), (900, 269), (950, 274), (1000, 278), (1100, 285), (1200, 291),
    (1300, 297), (1400, 302), (1500, 306), (1600, 310), (1700, 313), (1800, 317), (1900, 320), (2000, 322),
    (2200, 327), (2400, 331), (2600, 335), (2800, 338), (3000, 341), (3500, 346), (4000, 351), (4500, 354),
    (5000, 357), (6000, 361), (7000, 364), (8000, 367), (9000, 368), (10000, 370), (15000, 375),
    (20000, 377), (30000, 379), (40000, 380), (50000, 381), (75000, 382), (100000, 384),
)  # fmt: skip
_KM_N = [n for n, _ in KREJCIE_MORGAN]


@dataclass(frozen=True)
class Mutu:
    kode: str  # A–D
    kinerja: str  # Sangat Baik … Tidak Baik


@dataclass(frozen=True)
class HasilIkm:
    responden: int
    terjawab: tuple[int, ...]  # per element: how many answered it
    jumlah: tuple[int, ...]  # per element: sum of the answers
    nrr: tuple[Fraction | None, ...]
    nilai: Fraction | None  # IKM 25–100, exact
    mutu: Mutu | None

    @property
    def nilai_desimal(self) -> Decimal | None:
        return desimal(self.nilai)

    @property
    def nrr_desimal(self) -> tuple[Decimal | None, ...]:
        return tuple(desimal(n) for n in self.nrr)

    @property
    def nrr_tertimbang(self) -> tuple[Decimal | None, ...]:
        """NRR × 1/9, the "NRR tertimbang" column of the SKM tabulation."""
        return tuple(desimal(n / UNSUR) if n is not None else None for n in self.nrr)

    @property
    def rata_nrr(self) -> Decimal | None:
        return desimal(self.nilai / 25) if self.nilai is not None else None


def desimal(value: Fraction | None) -> Decimal | None:
    """A fraction as a Decimal with 28 significant digits (full precision for display and storage)."""
    if value is None:
        return None
    with localcontext() as ctx:
        ctx.prec = 28
        return Decimal(value.numerator) / Decimal(value.denominator)


def mutu(nilai: Fraction | Decimal | float | None) -> Mutu | None:
    """The mutu of an unrounded IKM (see the module docstring for the boundaries)."""
    if nilai is None:
        return None
    nilai = Fraction(nilai) if not isinstance(nilai, float) else Fraction(str(nilai))
    for batas, kode, kinerja in MUTU:
        if nilai >= batas:
            return Mutu(kode, kinerja)
    return Mutu("D", "Tidak Baik")


def dari_agregat(responden: int, terjawab: Sequence[int], jumlah: Sequence[int]) -> HasilIkm:
    """The result from per-element counts and sums (what the SQL aggregate gives)."""
    if len(terjawab) != UNSUR or len(jumlah) != UNSUR:
        raise ValueError("IKM butuh sembilan unsur")
    nrr = tuple(Fraction(s, c) if c else None for s, c in zip(jumlah, terjawab, strict=True))
    nilai = None if any(n is None for n in nrr) else sum(nrr, Fraction(0)) / UNSUR * 25
    return HasilIkm(responden, tuple(terjawab), tuple(jumlah), nrr, nilai, mutu(nilai))


def ikm(jawaban: Iterable[Sequence[int | None]]) -> HasilIkm:
    """IKM from the respondents' answers (each nine values 1–4 or None)."""
    terjawab = [0] * UNSUR
    jumlah = [0] * UNSUR
    responden = 0
    for baris in jawaban:
        if len(baris) != UNSUR:
            raise ValueError(f"setiap responden menjawab sembilan unsur, bukan {len(baris)}")
        responden += 1
        for i, nilai in enumerate(baris):
            if nilai is None:
                continue
            if nilai not in NILAI_SAH or isinstance(nilai, bool):
                raise ValueError(f"jawaban U{i + 1} harus 1–4, bukan {nilai!r}")
            terjawab[i] += 1
            jumlah[i] += nilai
    return dari_agregat(responden, terjawab, jumlah)


def sampel_minimal(populasi: int | None) -> int | None:
    """Krejcie–Morgan sample for a population: the row of the smallest tabled N ≥ the population.

    Below 10 every member is surveyed; above 100.000 the table's last row (384) holds.
    """
    if populasi is None or populasi <= 0:
        return None
    if populasi < KREJCIE_MORGAN[0][0]:
        return populasi
    i = bisect.bisect_left(_KM_N, populasi)
    return KREJCIE_MORGAN[min(i, len(KREJCIE_MORGAN) - 1)][1]
