"""IKM results computed in SQL: per element COUNT and SUM of the answers, one query for any number of them.

The counts and sums go through `kinerja.ikm.dari_agregat`, the same arithmetic as the pure reference
`kinerja.ikm.ikm`, so both give exactly the same IKM (tests check it with hypothesis).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from kinerja.ikm import HasilIkm, dari_agregat, sampel_minimal
from kinerja.models import ResponIkm, SurveiIkm
from kinerja.models.ikm import UNSUR_FIELDS, UNSUR_IKM, JenisKelamin, Pekerjaan, Pendidikan

KELOMPOK_USIA = (
    (None, 19, "< 20"), (20, 29, "20–29"), (30, 39, "30–39"), (40, 49, "40–49"), (50, 59, "50–59"),
    (60, None, "≥ 60"),
)  # fmt: skip


def _agregat() -> dict:
    kolom = {"n": Count("id")}
    for f in UNSUR_FIELDS:
        kolom[f"c_{f}"] = Count(f)
        kolom[f"s_{f}"] = Sum(f)
    return kolom


def _hasil(row: dict) -> HasilIkm:
    return dari_agregat(
        row["n"] or 0,
        [row[f"c_{f}"] or 0 for f in UNSUR_FIELDS],
        [row[f"s_{f}"] or 0 for f in UNSUR_FIELDS],
    )


def hasil_survei(survei: SurveiIkm | int) -> HasilIkm:
    """One query: the respondents, and per element how many answered and the sum."""
    pk = survei.pk if isinstance(survei, SurveiIkm) else survei
    return _hasil(ResponIkm.objects.filter(survei_id=pk).aggregate(**_agregat()))


def hasil_per_survei(surveys: QuerySet) -> dict[int, HasilIkm]:
    """The results of many surveys in one grouped query."""
    rows = (
        ResponIkm.objects.filter(survei__in=surveys.values("pk"))
        .values("survei_id")
        .annotate(**_agregat())
        .order_by()
    )
    return {row["survei_id"]: _hasil(row) for row in rows}


@dataclass(frozen=True)
class BarisUnsur:
    kode: str
    nama: str
    terjawab: int
    jumlah: int
    nrr: object
    nrr_tertimbang: object

    @property
    def ikm(self):
        return None if self.nrr is None else self.nrr * 25


@dataclass(frozen=True)
class LaporanIkm:
    survei: SurveiIkm
    hasil: HasilIkm
    unsur: list[BarisUnsur]
    sampel_minimal: int | None
    profil: dict[str, list[tuple[str, int]]]
    saran: list[ResponIkm]

    @property
    def sampel_cukup(self) -> bool | None:
        return None if self.sampel_minimal is None else self.hasil.responden >= self.sampel_minimal

    @property
    def unsur_terendah(self) -> BarisUnsur | None:
        terisi = [u for u in self.unsur if u.nrr is not None]
        return min(terisi, key=lambda u: u.nrr) if terisi else None


def _profil(qs) -> dict[str, list[tuple[str, int]]]:
    """Respondent profile: three grouped queries and one conditional count for the age groups."""
    profil = {}
    for field, choices in (
        ("jenis_kelamin", JenisKelamin),
        ("pendidikan", Pendidikan),
        ("pekerjaan", Pekerjaan),
    ):
        hitung = dict(qs.values_list(field).annotate(n=Count("id")).order_by())
        rows = [(str(label), hitung.get(value, 0)) for value, label in choices.choices]
        if hitung.get(""):
            rows.append(("–", hitung[""]))
        profil[field] = rows
    usia = qs.aggregate(
        **{
            f"k{i}": Count(
                "id", filter=Q(**{k: v for k, v in (("usia__gte", lo), ("usia__lte", hi)) if v is not None})
            )
            for i, (lo, hi, _label) in enumerate(KELOMPOK_USIA)
        },
        kosong=Count("id", filter=Q(usia__isnull=True)),
    )
    profil["usia"] = [(label, usia[f"k{i}"]) for i, (_lo, _hi, label) in enumerate(KELOMPOK_USIA)]
    if usia["kosong"]:
        profil["usia"].append(("–", usia["kosong"]))
    return profil


def laporan(survei: SurveiIkm, *, saran_maks: int = 200) -> LaporanIkm:
    """Everything the results page and the SKM reports show, in a fixed number of queries (6)."""
    hasil = hasil_survei(survei)
    qs = ResponIkm.objects.filter(survei=survei)
    unsur = [
        BarisUnsur(
            f"U{i + 1}", str(UNSUR_IKM[i][0]), hasil.terjawab[i], hasil.jumlah[i], hasil.nrr_desimal[i],
            hasil.nrr_tertimbang[i],
        )
        for i in range(len(UNSUR_FIELDS))
    ]  # fmt: skip
    saran = list(qs.exclude(saran="").order_by("-dibuat", "-id")[:saran_maks])
    return LaporanIkm(survei, hasil, unsur, sampel_minimal(survei.populasi), _profil(qs), saran)


def jawaban_mentah(survei: SurveiIkm):
    """Every respondent's answers and profile, for the Excel tabulation (streamed)."""
    return (
        ResponIkm.objects.filter(survei=survei)
        .order_by("dibuat", "id")
        .values_list(*UNSUR_FIELDS, "usia", "jenis_kelamin", "pendidikan", "pekerjaan", "saran", "dibuat")
        .iterator(chunk_size=2000)
    )


def daftar_survei(user) -> tuple[list[SurveiIkm], dict[int, HasilIkm]]:
    """The surveys the user may see with their results: two queries."""
    qs = SurveiIkm.objects.visible_to(user).select_related("opd", "indikator")
    surveys = list(qs)
    return surveys, hasil_per_survei(qs)
