"""Innovation scores, OPD and regional Indeks Inovasi Daerah, and the dashboard summary (set-based)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DecimalField, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from kinerja.inovasi_skor import predikat, rata_rata
from kinerja.models import BerkasInovasi, IndikatorInovasi, Inovasi
from kinerja.models.inovasi import TahapanInovasi
from opd.choices import JENIS_PERANGKAT_DAERAH
from opd.models import Opd

NOL = Value(Decimal(0), output_field=DecimalField(max_digits=20, decimal_places=6))


def total_bobot() -> Decimal:
    return IndikatorInovasi.objects.filter(aktif=True).aggregate(t=Sum("bobot"))["t"] or Decimal(0)


def dengan_skor(qs: QuerySet, bobot: Decimal | None = None) -> QuerySet:
    """Annotate `skor` (0–100): Σ weight × option score over the active indicators / Σ weights."""
    bobot = total_bobot() if bobot is None else bobot
    mentah = Coalesce(
        Sum(
            F("jawaban__indikator__bobot") * F("jawaban__opsi__skor"),
            filter=Q(jawaban__indikator__aktif=True),
            output_field=DecimalField(max_digits=20, decimal_places=6),
        ),
        NOL,
    )
    if not bobot:
        return qs.annotate(skor=NOL)
    return qs.annotate(skor=mentah / Value(bobot, output_field=DecimalField(max_digits=20, decimal_places=6)))


def perangkat_daerah() -> QuerySet:
    """The OPDs the rule "at least one innovation each" applies to: active perangkat daerah, not units."""
    return Opd.objects.filter(aktif=True, induk__isnull=True, jenis__in=JENIS_PERANGKAT_DAERAH)


@dataclass
class BarisOpd:
    opd: Opd
    jumlah: int = 0
    skor: list[Decimal] = field(default_factory=list)

    @property
    def indeks(self) -> Decimal:
        return rata_rata(self.skor)

    @property
    def predikat(self) -> str:
        return predikat(self.indeks)


@dataclass(frozen=True)
class Ringkasan:
    jumlah_inovasi: int
    per_tahapan: list[tuple[str, str, int]]  # (value, label, count)
    per_opd: list[BarisOpd]
    tanpa_inovasi: list[Opd]
    indeks_daerah: Decimal
    predikat_daerah: str

    @property
    def jumlah_opd(self) -> int:
        return len(self.per_opd)


def ringkasan() -> Ringkasan:
    """The dashboard figures in three queries, whatever the number of OPDs and innovations:
    1. total weight of the scheme, 2. perangkat daerah, 3. every innovation's OPD, stage and score."""
    bobot = total_bobot()
    opd = list(perangkat_daerah().order_by("urutan", "kode"))
    baris = {o.pk: BarisOpd(o) for o in opd}
    tahapan = dict.fromkeys(TahapanInovasi.values, 0)
    jumlah = 0
    for opd_id, tahap, skor in dengan_skor(Inovasi.objects.order_by(), bobot).values_list(
        "opd_id", "tahapan", "skor"
    ):
        jumlah += 1
        tahapan[tahap] += 1
        if opd_id in baris:
            baris[opd_id].jumlah += 1
            baris[opd_id].skor.append(skor)
    per_opd = list(baris.values())
    indeks = rata_rata([b.indeks for b in per_opd], jumlah=len(per_opd))
    return Ringkasan(
        jumlah_inovasi=jumlah,
        per_tahapan=[(v, str(label), tahapan[v]) for v, label in TahapanInovasi.choices],
        per_opd=per_opd,
        tanpa_inovasi=[b.opd for b in per_opd if not b.jumlah],
        indeks_daerah=indeks,
        predikat_daerah=predikat(indeks),
    )


def daftar_inovasi(user, *, opd=None, jenis=None, tahapan=None) -> QuerySet:
    qs = Inovasi.objects.visible_to(user).select_related("opd")
    if opd:
        qs = qs.filter(opd_id=opd)
    if jenis:
        qs = qs.filter(jenis=jenis)
    if tahapan:
        qs = qs.filter(tahapan=tahapan)
    berkas = (
        BerkasInovasi.objects.filter(inovasi=OuterRef("pk"))
        .order_by()
        .values("inovasi")
        .annotate(n=Count("id"))
    )
    # The evidence count is a subquery: a second join would multiply the score's sum.
    return (
        dengan_skor(qs)
        .annotate(jumlah_berkas=Coalesce(Subquery(berkas.values("n")), 0))
        .order_by("opd__urutan", "opd__kode", "nama")
    )
