"""Reads of the planning tree: one query per level, whatever the number of rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from kinerja.choices import Tingkat
from kinerja.models import (
    Indikator,
    Misi,
    Nomenklatur,
    Pagu,
    PeriodeRpjmd,
    Renstra,
    RevisiTarget,
    Sasaran,
    SasaranPd,
    Strategi,
    Target,
    Tujuan,
    TujuanPd,
)
from sipd import access


def periode_list(user) -> QuerySet[PeriodeRpjmd]:
    return PeriodeRpjmd.objects.visible_to(user).order_by("-tahun_awal")


def periode_bawaan(user) -> PeriodeRpjmd | None:
    """The period shown by default: the latest one."""
    return periode_list(user).first()


def indikator_qs(user) -> QuerySet[Indikator]:
    """Indicators the user may see, with their OPD and their targets by year (2 queries when prefetched)."""
    return (
        Indikator.objects.visible_to(user)
        .select_related("opd")
        .prefetch_related(Prefetch("target", queryset=Target.objects.order_by("tahun")))
        .order_by("urutan", "kode")
    )


def _pagu_qs():
    return Pagu.objects.order_by("tahun")


def pohon_rpjmd(*, user, periode: PeriodeRpjmd) -> list[Misi]:
    """Misi → tujuan → sasaran (strategi → arah kebijakan; the sasaran PD of each OPD with their programs),
    with indicators and targets on every level. Queries: misi, tujuan (+indikator, target), sasaran
    (+indikator, target), strategi, arah kebijakan, sasaran PD (+indikator, target), program (+indikator,
    target, pagu): 16, flat in the number of rows."""
    program = (
        Nomenklatur.objects.visible_to(user)
        .filter(tingkat=Tingkat.PROGRAM)
        .prefetch_related(
            Prefetch("indikator", queryset=indikator_qs(user), to_attr="indikator_list"),
            Prefetch("pagu", queryset=_pagu_qs(), to_attr="pagu_list"),
        )
        .order_by("kode")
    )
    sasaran_pd = (
        SasaranPd.objects.visible_to(user)
        .select_related("tujuan__renstra__opd")
        .prefetch_related(
            Prefetch("indikator", queryset=indikator_qs(user), to_attr="indikator_list"),
            Prefetch("program", queryset=program, to_attr="program_list"),
        )
        .order_by("tujuan__renstra__opd__urutan", "tujuan__renstra__opd__kode", "urutan", "nomor")
    )
    sasaran = Sasaran.objects.prefetch_related(
        Prefetch("indikator", queryset=indikator_qs(user), to_attr="indikator_list"),
        Prefetch(
            "strategi", queryset=Strategi.objects.prefetch_related("arah_kebijakan"), to_attr="strategi_list"
        ),
        Prefetch("sasaran_pd", queryset=sasaran_pd, to_attr="sasaran_pd_list"),
    )
    tujuan = Tujuan.objects.prefetch_related(
        Prefetch("indikator", queryset=indikator_qs(user), to_attr="indikator_list"),
        Prefetch("sasaran", queryset=sasaran, to_attr="sasaran_list"),
    )
    return list(
        Misi.objects.filter(periode=periode).prefetch_related(
            Prefetch("tujuan", queryset=tujuan, to_attr="tujuan_list")
        )
    )


@dataclass
class SimpulProgram:
    """A program, kegiatan or sub kegiatan with its children, indicators and pagu by year."""

    nomenklatur: Nomenklatur
    anak: list[SimpulProgram] = field(default_factory=list)
    indikator: list[Indikator] = field(default_factory=list)
    pagu: dict[int, object] = field(default_factory=dict)

    def pagu_per_tahun(self, tahun) -> list:
        return [self.pagu.get(t) for t in tahun]


@dataclass
class PohonRenstra:
    renstra: Renstra
    tujuan: list[TujuanPd]
    program_tanpa_sasaran: list[SimpulProgram]
    jumlah_pagu: dict[int, object]
    jumlah_indikator: int


def renstra_list(user, periode: PeriodeRpjmd) -> QuerySet[Renstra]:
    return (
        Renstra.objects.visible_to(user)
        .filter(periode=periode)
        .select_related("opd")
        .order_by("opd__urutan", "opd__kode")
    )


def pohon_renstra(*, user, renstra: Renstra) -> PohonRenstra:
    """Tujuan PD → sasaran PD → program → kegiatan → sub kegiatan, indicators, pagu per year.
    Queries: tujuan PD (+indikator, target), sasaran PD (+sasaran RPJMD, indikator, target), nomenklatur,
    their indicators (+target), pagu: 9, flat in the number of rows."""
    tahun = list(renstra.periode.tahun)
    nomenklatur = list(
        Nomenklatur.objects.visible_to(user)
        .filter(periode_id=renstra.periode_id, opd_id=renstra.opd_id)
        .order_by("kode")
    )
    ids = [n.pk for n in nomenklatur]
    indikator_per = defaultdict(list)
    for ind in indikator_qs(user).filter(nomenklatur_id__in=ids):
        indikator_per[ind.nomenklatur_id].append(ind)
    pagu_per = defaultdict(dict)
    for pagu in Pagu.objects.filter(nomenklatur_id__in=ids):
        pagu_per[pagu.nomenklatur_id][pagu.tahun] = pagu.jumlah
    simpul = {n.pk: SimpulProgram(n, indikator=indikator_per[n.pk], pagu=pagu_per[n.pk]) for n in nomenklatur}
    program_per_sasaran = defaultdict(list)
    tanpa_sasaran = []
    for n in nomenklatur:
        node = simpul[n.pk]
        if n.induk_id in simpul:
            simpul[n.induk_id].anak.append(node)
        elif n.sasaran_pd_id:
            program_per_sasaran[n.sasaran_pd_id].append(node)
        else:
            tanpa_sasaran.append(node)
    tujuan = list(
        TujuanPd.objects.filter(renstra=renstra).prefetch_related(
            Prefetch("indikator", queryset=indikator_qs(user), to_attr="indikator_list"),
            Prefetch(
                "sasaran",
                queryset=SasaranPd.objects.select_related("sasaran_rpjmd").prefetch_related(
                    Prefetch("indikator", queryset=indikator_qs(user), to_attr="indikator_list")
                ),
                to_attr="sasaran_list",
            ),
        )
    )
    jumlah_indikator = sum(len(v) for v in indikator_per.values())
    for t in tujuan:
        jumlah_indikator += len(t.indikator_list)
        for s in t.sasaran_list:
            s.program_list = program_per_sasaran.get(s.pk, [])
            jumlah_indikator += len(s.indikator_list)
    # Pagu totals by year: programs only (kegiatan and sub kegiatan are parts of their program's pagu).
    jumlah_pagu = {
        t: sum(
            (simpul[n.pk].pagu.get(t) or 0 for n in nomenklatur if n.tingkat == Tingkat.PROGRAM),
            start=0,
        )
        for t in tahun
    }
    return PohonRenstra(renstra, tujuan, tanpa_sasaran, jumlah_pagu, jumlah_indikator)


def indikator_detail(*, user, pk: int) -> Indikator:
    """One indicator with its node (and the node's parents), OPD, targets and revisions; 404 if invisible."""
    qs = (
        Indikator.objects.select_related(
            "periode", "opd", "tujuan__misi", "sasaran__tujuan__misi", "tujuan_pd__renstra__opd",
            "sasaran_pd__tujuan__renstra__opd", "sasaran_pd__sasaran_rpjmd", "nomenklatur__induk__induk",
        )
        .prefetch_related(
            Prefetch("target", queryset=Target.objects.order_by("tahun")),
        )
    )  # fmt: skip
    return access.get_visible_or_404(qs, user, pk=pk)


def revisi_indikator(indikator: Indikator) -> QuerySet[RevisiTarget]:
    return (
        RevisiTarget.objects.filter(target__indikator=indikator)
        .select_related("target", "oleh")
        .order_by("-waktu", "-pk")
    )


def tingkat_indikator(indikator: Indikator) -> str:
    """Which level of the tree the indicator hangs off: tujuan, sasaran, tujuan_pd, sasaran_pd, or the
    nomenclature level (program, kegiatan, sub_kegiatan)."""
    if indikator.nomenklatur_id:
        return indikator.nomenklatur.tingkat
    for name in ("tujuan", "sasaran", "tujuan_pd", "sasaran_pd"):
        if getattr(indikator, f"{name}_id"):
            return name
    return ""


FILTER_TINGKAT = {
    "tujuan": Q(tujuan__isnull=False),
    "sasaran": Q(sasaran__isnull=False),
    "tujuan_pd": Q(tujuan_pd__isnull=False),
    "sasaran_pd": Q(sasaran_pd__isnull=False),
    Tingkat.PROGRAM: Q(nomenklatur__tingkat=Tingkat.PROGRAM),
    Tingkat.KEGIATAN: Q(nomenklatur__tingkat=Tingkat.KEGIATAN),
    Tingkat.SUB_KEGIATAN: Q(nomenklatur__tingkat=Tingkat.SUB_KEGIATAN),
}
