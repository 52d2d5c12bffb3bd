"""The rows of the evaluation reports (Permendagri 86/2017 layouts), read set-based from the materialized
scores, the plan and the realizations: a fixed number of queries whatever the number of indicators."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, Q

from kinerja import calculations
from kinerja.choices import Tingkat
from kinerja.models import (
    Indikator,
    Misi,
    Nomenklatur,
    Pagu,
    PeriodeRpjmd,
    Realisasi,
    RealisasiAnggaran,
    RevisiTarget,
    Sasaran,
    SasaranPd,
    Target,
    Tujuan,
    TujuanPd,
)
from kinerja.models.skor import SkorIndikator


@dataclass
class Baris:
    """A row of an evaluation table: a heading (misi, tujuan, sasaran ...) or an indicator."""

    jenis: str  # "judul" or "indikator"
    tingkat: str = ""
    teks: str = ""
    kode: str = ""
    indikator: Indikator | None = None
    kolom_induk: str = ""  # the sasaran or program an indicator measures (a column of the Excel export)
    target: list = field(default_factory=list)
    realisasi: list = field(default_factory=list)
    capaian: list = field(default_factory=list)
    capaian_periode: Decimal | None = None
    predikat_periode: str | None = None
    tw: list = field(default_factory=list)  # Renja: values of triwulan I–IV
    anggaran_tw: list = field(default_factory=list)
    pagu: Decimal | None = None
    realisasi_tahun: Decimal | None = None
    anggaran_tahun: Decimal | None = None
    serapan: Decimal | None = None
    narasi: dict = field(default_factory=dict)
    nomor: int = 0

    @property
    def tahunan(self) -> list[tuple]:
        return list(zip(self.target, self.realisasi, self.capaian, strict=True))


def periode_tahun(tahun: int) -> PeriodeRpjmd | None:
    return PeriodeRpjmd.objects.filter(tahun_awal__lte=tahun, tahun_akhir__gte=tahun).first()


def versi_skor(periode_id, *, opd_id=None) -> tuple:
    """What the evaluation reports read: scores, indicators, targets and their revisions."""
    skor = SkorIndikator.objects.filter(periode_id=periode_id)
    indikator = Indikator.objects.filter(periode_id=periode_id)
    if opd_id:
        skor, indikator = skor.filter(opd_id=opd_id), indikator.filter(opd_id=opd_id)
    return (
        skor.aggregate(n=Count("pk"), t=Max("dihitung")),
        indikator.aggregate(n=Count("pk"), m=Max("pk")),
        RevisiTarget.objects.filter(target__indikator__periode_id=periode_id).aggregate(
            n=Count("pk"), t=Max("waktu")
        ),
    )


def _nilai_tahunan(indikator_ids, periode: PeriodeRpjmd, sampai_tahun: int):
    """Targets per year, and the latest score of each year (the year-end one when TW IV is in)."""
    target = defaultdict(dict)
    for t in Target.objects.filter(indikator_id__in=indikator_ids).only(
        "indikator_id", "tahun", "nilai", "nilai_atas"
    ):
        target[t.indikator_id][t.tahun] = t
    skor = defaultdict(dict)
    terbaru = (
        SkorIndikator.objects.filter(indikator_id__in=indikator_ids, tahun__lte=sampai_tahun)
        .order_by("indikator_id", "tahun", "-triwulan")
        .distinct("indikator_id", "tahun")
        .only("indikator_id", "tahun", "triwulan", "realisasi", "capaian", "predikat")
    )
    for s in terbaru:
        skor[s.indikator_id][s.tahun] = s
    return target, skor


def _isi_tahunan(baris: Baris, ind: Indikator, periode: PeriodeRpjmd, target: dict, skor: dict) -> None:
    tahun = list(periode.tahun)
    baris.target = [target.get(t) for t in tahun]
    baris.realisasi = [getattr(skor.get(t), "realisasi", None) for t in tahun]
    baris.capaian = [getattr(skor.get(t), "capaian", None) for t in tahun]
    baris.capaian_periode = calculations.capaian_periode(
        ind.target_akhir,
        baris.realisasi,
        [getattr(t, "nilai", None) for t in baris.target],
        ind.polaritas,
        ind.sifat,
        target_akhir_atas=ind.target_akhir_atas,
    )
    baris.predikat_periode = calculations.predikat(baris.capaian_periode)


def _baris_indikator(per_simpul: dict, periode: PeriodeRpjmd, target: dict, skor: dict):
    """`indikator_rows(kunci, induk_teks)`: the rows of the indicators hung on one node of the tree."""

    def indikator_rows(kunci, induk_teks):
        for ind in per_simpul.get(kunci, ()):
            row = Baris("indikator", indikator=ind, kolom_induk=induk_teks)
            _isi_tahunan(row, ind, periode, target[ind.pk], skor[ind.pk])
            yield row

    return indikator_rows


def _nomori(rows: list[Baris]) -> list[Baris]:
    n = 0
    for row in rows:
        if row.jenis == "indikator":
            n += 1
            row.nomor = n
    return rows


def evaluasi_rpjmd(periode: PeriodeRpjmd, sampai_tahun: int) -> list[Baris]:
    """Misi → tujuan → sasaran (IKU) → program (outcome) with yearly targets, realizations and capaian.

    Queries: misi/tujuan/sasaran (3), programs (1), indicators (1), targets (1), scores (1).
    """
    misi = list(Misi.objects.filter(periode=periode).order_by("urutan", "nomor"))
    tujuan = defaultdict(list)
    for t in Tujuan.objects.filter(misi__periode=periode).order_by("urutan", "nomor"):
        tujuan[t.misi_id].append(t)
    sasaran = defaultdict(list)
    for s in Sasaran.objects.filter(tujuan__misi__periode=periode).order_by("urutan", "nomor"):
        sasaran[s.tujuan_id].append(s)
    program = defaultdict(list)
    for p in (
        Nomenklatur.objects.filter(periode=periode, tingkat=Tingkat.PROGRAM)
        .filter(Q(sasaran__isnull=False) | Q(sasaran_pd__isnull=False))
        .select_related("sasaran_pd", "opd")
        .order_by("kode", "opd__kode")
    ):
        program[p.sasaran_id or p.sasaran_pd.sasaran_rpjmd_id].append(p)
    program_ids = [p.pk for ps in program.values() for p in ps]
    indikator = list(
        Indikator.objects.filter(periode=periode)
        .filter(Q(tujuan__isnull=False) | Q(sasaran__isnull=False) | Q(nomenklatur_id__in=program_ids))
        .select_related("opd")
        .order_by("urutan", "kode")
    )
    per_simpul = defaultdict(list)
    for ind in indikator:
        if ind.tujuan_id:
            per_simpul[("tujuan", ind.tujuan_id)].append(ind)
        elif ind.sasaran_id:
            per_simpul[("sasaran", ind.sasaran_id)].append(ind)
        else:
            per_simpul[("program", ind.nomenklatur_id)].append(ind)
    indikator_rows = _baris_indikator(
        per_simpul, periode, *_nilai_tahunan([i.pk for i in indikator], periode, sampai_tahun)
    )

    rows: list[Baris] = []
    for m in misi:
        rows.append(Baris("judul", "misi", f"Misi {m.nomor}: {m.uraian}"))
        for t in tujuan[m.pk]:
            rows.append(Baris("judul", "tujuan", f"Tujuan {t.nomor}: {t.uraian}"))
            rows.extend(indikator_rows(("tujuan", t.pk), t.uraian))
            for s in sasaran[t.pk]:
                rows.append(Baris("judul", "sasaran", f"Sasaran {s.nomor}: {s.uraian}"))
                rows.extend(indikator_rows(("sasaran", s.pk), s.uraian))
                for p in program[s.pk]:
                    rows.append(Baris("judul", "program", f"{p.kode} {p.nama}", kode=p.kode))
                    rows.extend(indikator_rows(("program", p.pk), f"{p.kode} {p.nama}"))
    return _nomori(rows)


def evaluasi_renstra(periode: PeriodeRpjmd, opd_id: int, sampai_tahun: int) -> list[Baris]:
    """Tujuan PD → sasaran PD → program → kegiatan → sub kegiatan of one OPD, with yearly figures."""
    tujuan = list(
        TujuanPd.objects.filter(renstra__periode=periode, renstra__opd_id=opd_id).order_by("urutan", "nomor")
    )
    sasaran = defaultdict(list)
    for s in (
        SasaranPd.objects.filter(tujuan__in=tujuan)
        .select_related("sasaran_rpjmd")
        .order_by("urutan", "nomor")
    ):
        sasaran[s.tujuan_id].append(s)
    nomenklatur = list(Nomenklatur.objects.filter(periode=periode, opd_id=opd_id).order_by("kode"))
    anak = defaultdict(list)
    program = defaultdict(list)
    for n in nomenklatur:
        if n.tingkat == Tingkat.PROGRAM:
            program[n.sasaran_pd_id].append(n)
        else:
            anak[n.induk_id].append(n)
    indikator = list(Indikator.objects.filter(periode=periode, opd_id=opd_id).order_by("urutan", "kode"))
    per_simpul = defaultdict(list)
    for ind in indikator:
        for nama in ("tujuan_pd_id", "sasaran_pd_id", "nomenklatur_id"):
            if getattr(ind, nama):
                per_simpul[(nama, getattr(ind, nama))].append(ind)
    indikator_rows = _baris_indikator(
        per_simpul, periode, *_nilai_tahunan([i.pk for i in indikator], periode, sampai_tahun)
    )

    rows: list[Baris] = []

    def turun(n: Nomenklatur):
        rows.append(Baris("judul", n.tingkat, f"{n.kode} {n.nama}", kode=n.kode))
        rows.extend(indikator_rows(("nomenklatur_id", n.pk), n.nama))
        for a in anak[n.pk]:
            turun(a)

    for t in tujuan:
        rows.append(Baris("judul", "tujuan", f"Tujuan {t.nomor}: {t.uraian}"))
        rows.extend(indikator_rows(("tujuan_pd_id", t.pk), t.uraian))
        for s in sasaran[t.pk]:
            rows.append(Baris("judul", "sasaran", f"Sasaran {s.nomor}: {s.uraian}"))
            rows.extend(indikator_rows(("sasaran_pd_id", s.pk), s.uraian))
            for p in program[s.pk]:
                turun(p)
    for p in program[None]:  # programs not yet linked to a sasaran PD still belong in the report
        turun(p)
    return _nomori(rows)


def evaluasi_renja(opd_id: int, tahun: int) -> list[Baris]:
    """One OPD's year by triwulan: kinerja and anggaran TW I–IV, capaian, serapan, and the narrative."""
    periode = periode_tahun(tahun)
    nomenklatur = list(Nomenklatur.objects.filter(periode=periode, opd_id=opd_id).order_by("kode"))
    indikator = list(
        Indikator.objects.filter(periode=periode, opd_id=opd_id, nomenklatur__isnull=False).order_by(
            "urutan", "kode"
        )
    )
    ids = [i.pk for i in indikator]
    target = {t.indikator_id: t for t in Target.objects.filter(indikator_id__in=ids, tahun=tahun)}
    realisasi = defaultdict(dict)
    for r in Realisasi.objects.filter(indikator_id__in=ids, tahun=tahun):
        realisasi[r.indikator_id][r.triwulan] = r
    anggaran = defaultdict(dict)
    for a in RealisasiAnggaran.objects.filter(nomenklatur__in=nomenklatur, tahun=tahun):
        anggaran[a.nomenklatur_id][a.triwulan] = a.nilai
    pagu = {p.nomenklatur_id: p.jumlah for p in Pagu.objects.filter(nomenklatur__in=nomenklatur, tahun=tahun)}
    skor = {
        s.indikator_id: s
        for s in SkorIndikator.objects.filter(indikator_id__in=ids, tahun=tahun)
        .order_by("indikator_id", "-triwulan")
        .distinct("indikator_id")
    }
    per_nomenklatur = defaultdict(list)
    for ind in indikator:
        per_nomenklatur[ind.nomenklatur_id].append(ind)
    rows: list[Baris] = []
    for n in nomenklatur:
        tw_rp = [anggaran[n.pk].get(tw) for tw in (1, 2, 3, 4)]
        diisi_rp = [v for v in tw_rp if v is not None]
        judul = Baris("judul", n.tingkat, n.nama, kode=n.kode, anggaran_tw=tw_rp, pagu=pagu.get(n.pk))
        judul.anggaran_tahun = sum(diisi_rp, Decimal(0)) if diisi_rp else None
        judul.serapan = (
            judul.anggaran_tahun * 100 / judul.pagu
            if judul.anggaran_tahun is not None and judul.pagu
            else None
        )
        rows.append(judul)
        for ind in per_nomenklatur[n.pk]:
            tw = [realisasi[ind.pk].get(i) for i in (1, 2, 3, 4)]
            row = Baris("indikator", indikator=ind, kode=n.kode, kolom_induk=n.nama)
            row.tw = [getattr(r, "nilai", None) for r in tw]
            row.target = [target.get(ind.pk)]
            row.realisasi_tahun = calculations.realisasi_tahunan(row.tw, ind.sifat)
            s = skor.get(ind.pk)
            row.capaian = [getattr(s, "capaian", None)]
            row.predikat_periode = getattr(s, "predikat", None) or None
            terakhir = next((r for r in reversed(tw) if r is not None), None)
            row.narasi = {
                "pendorong": getattr(terakhir, "faktor_pendorong", ""),
                "penghambat": getattr(terakhir, "faktor_penghambat", ""),
                "tindak_lanjut": getattr(terakhir, "tindak_lanjut", ""),
            }
            rows.append(row)
    return _nomori(rows)


def potong(rows: list[Baris], maks: int) -> list[tuple[int, int]]:
    """Sections of at most `maks` rows, cut before a heading where one is near, for parallel rendering."""
    bagian, mulai = [], 0
    while mulai < len(rows):
        akhir = min(mulai + maks, len(rows))
        if akhir < len(rows):
            for i in range(akhir, mulai + maks // 2, -1):
                if rows[i].jenis == "judul":
                    akhir = i
                    break
        bagian.append((mulai, akhir))
        mulai = akhir
    return bagian or [(0, 0)]
