"""Reads for the realization grid, the review page and Bappeda's monitoring: a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from kinerja.choices import StatusPelaporan
from kinerja.models import (
    BukaKunci,
    BuktiDukung,
    CatatanVerifikasi,
    Indikator,
    JadwalTriwulan,
    Pagu,
    PelaporanTriwulan,
    PeriodeRpjmd,
    Realisasi,
    RealisasiAnggaran,
    Target,
)
from kinerja.services.realisasi import StatusIsian, status_isian
from opd.models import Opd


def periode_untuk(tahun: int) -> PeriodeRpjmd | None:
    return PeriodeRpjmd.objects.filter(tahun_awal__lte=tahun, tahun_akhir__gte=tahun).first()


def jadwal_dengan_buka_kunci(tahun: int, triwulan: int) -> JadwalTriwulan | None:
    aktif = BukaKunci.objects.filter(sampai__gt=timezone.now())
    return (
        JadwalTriwulan.objects.filter(tahun=tahun, triwulan=triwulan)
        .prefetch_related(Prefetch("buka_kunci", queryset=aktif, to_attr="buka_kunci_aktif"))
        .first()
    )


@dataclass
class BarisGrid:
    indikator: Indikator
    target: Target | None
    nilai_tw: dict[int, object]  # triwulan → value (None when not entered)
    realisasi: Realisasi | None
    bukti: list[BuktiDukung]
    catatan: list[CatatanVerifikasi]
    anggaran: RealisasiAnggaran | None = None
    pagu: Pagu | None = None
    tampil_anggaran: bool = False  # the Rp cell shows on the first row of each budgeted item
    nilai_sebelumnya: list = field(default_factory=list)  # values of the earlier triwulan of the year
    nomor: int = 0


@dataclass
class Kelompok:
    judul: str
    kode: str
    baris: list[BarisGrid] = field(default_factory=list)


@dataclass
class Grid:
    opd: Opd
    tahun: int
    triwulan: int
    periode: PeriodeRpjmd | None
    pelaporan: PelaporanTriwulan
    status: StatusIsian
    kelompok: list[Kelompok]
    riwayat: list
    jumlah: int
    terisi: int
    berbukti: int


def _judul_kelompok(ind: Indikator) -> tuple[str, str]:
    if ind.nomenklatur_id:
        n = ind.nomenklatur
        return n.kode, f"{n.get_tingkat_display()} {n.kode} {n.nama}"
    if ind.sasaran_pd_id:
        return f"0-{ind.sasaran_pd.nomor}", f"Sasaran PD {ind.sasaran_pd.nomor}. {ind.sasaran_pd.uraian}"
    if ind.tujuan_pd_id:
        return f"0-{ind.tujuan_pd.nomor}", f"Tujuan PD {ind.tujuan_pd.nomor}. {ind.tujuan_pd.uraian}"
    if ind.sasaran_id:
        return f"00-{ind.sasaran.nomor}", f"Sasaran {ind.sasaran.nomor}. {ind.sasaran.uraian}"
    return f"00-{ind.tujuan.nomor}", f"Tujuan {ind.tujuan.nomor}. {ind.tujuan.uraian}"


def grid(*, opd: Opd, tahun: int, triwulan: int, indikator_id: int | None = None) -> Grid:
    """Everything the grid shows for one OPD and triwulan (queries: periode, pelaporan (get or create),
    jadwal + active unlocks, indicators with their node, targets, realizations of the year, evidence,
    open comments, budget realizations, pagu, history); `indikator_id`: that indicator's row only."""
    periode = periode_untuk(tahun)
    pelaporan, _created = PelaporanTriwulan.objects.get_or_create(opd=opd, tahun=tahun, triwulan=triwulan)
    jadwal = jadwal_dengan_buka_kunci(tahun, triwulan)
    status = status_isian(
        opd_id=opd.pk, tahun=tahun, triwulan=triwulan, jadwal=jadwal, status=pelaporan.status
    )
    indikator = Indikator.objects.filter(opd=opd, periode=periode)
    if indikator_id is not None:
        indikator = indikator.filter(pk=indikator_id)
    indikator = list(
        indikator.select_related("nomenklatur", "sasaran_pd", "tujuan_pd", "sasaran", "tujuan").order_by(
            "urutan", "kode"
        )
    )
    ids = [i.pk for i in indikator]
    target = {t.indikator_id: t for t in Target.objects.filter(indikator_id__in=ids, tahun=tahun)}
    nilai = defaultdict(dict)
    sekarang = {}
    for r in Realisasi.objects.filter(indikator_id__in=ids, tahun=tahun, triwulan__lte=triwulan):
        nilai[r.indikator_id][r.triwulan] = r.nilai
        if r.triwulan == triwulan:
            sekarang[r.indikator_id] = r
    bukti = defaultdict(list)
    for b in BuktiDukung.objects.filter(realisasi__in=sekarang.values()).order_by("diunggah"):
        bukti[b.realisasi_id].append(b)
    catatan = defaultdict(list)
    for c in CatatanVerifikasi.objects.filter(pelaporan=pelaporan).select_related("oleh").order_by("waktu"):
        catatan[c.indikator_id].append(c)
    nomenklatur_ids = {i.nomenklatur_id for i in indikator if i.nomenklatur_id}
    anggaran = {
        a.nomenklatur_id: a
        for a in RealisasiAnggaran.objects.filter(
            nomenklatur_id__in=nomenklatur_ids, tahun=tahun, triwulan=triwulan
        )
    }
    pagu = {p.nomenklatur_id: p for p in Pagu.objects.filter(nomenklatur_id__in=nomenklatur_ids, tahun=tahun)}

    kelompok: dict[str, Kelompok] = {}
    dilihat: set[int] = set()
    terisi = berbukti = 0
    for ind in indikator:
        kode, judul = _judul_kelompok(ind)
        grup = kelompok.setdefault(kode, Kelompok(judul=judul, kode=kode))
        r = sekarang.get(ind.pk)
        baris = BarisGrid(
            indikator=ind,
            target=target.get(ind.pk),
            nilai_tw=nilai[ind.pk],
            realisasi=r,
            bukti=bukti[r.pk] if r else [],
            catatan=catatan[ind.pk],
            nilai_sebelumnya=[nilai[ind.pk].get(tw) for tw in range(1, triwulan)],
        )
        if ind.nomenklatur_id and ind.nomenklatur_id not in dilihat:
            dilihat.add(ind.nomenklatur_id)
            baris.tampil_anggaran = True
            baris.anggaran = anggaran.get(ind.nomenklatur_id)
            baris.pagu = pagu.get(ind.nomenklatur_id)
        terisi += bool(r and r.nilai is not None)
        berbukti += bool(baris.bukti)
        grup.baris.append(baris)
    nomor = 0
    urut = sorted(kelompok.values(), key=lambda k: k.kode)
    for grup in urut:
        for baris in grup.baris:
            nomor += 1
            baris.nomor = nomor
    riwayat = list(pelaporan.riwayat.select_related("oleh"))
    return Grid(
        opd=opd,
        tahun=tahun,
        triwulan=triwulan,
        periode=periode,
        pelaporan=pelaporan,
        status=status,
        kelompok=urut,
        riwayat=riwayat,
        jumlah=len(indikator),
        terisi=terisi,
        berbukti=berbukti,
    )


def pemantauan(*, tahun: int, triwulan: int, opd_qs):
    """Completeness per OPD for one triwulan in one query: indicators, filled, with evidence, status."""
    realisasi = Realisasi.objects.filter(
        indikator=OuterRef("pk"), tahun=tahun, triwulan=triwulan, nilai__isnull=False
    )
    dengan_bukti = BuktiDukung.objects.filter(
        realisasi__indikator=OuterRef("pk"), realisasi__tahun=tahun, realisasi__triwulan=triwulan
    )
    per_opd = {
        row["opd_id"]: row
        for row in Indikator.objects.filter(periode__tahun_awal__lte=tahun, periode__tahun_akhir__gte=tahun)
        .annotate(isi=Exists(realisasi), bukti=Exists(dengan_bukti))
        .values("opd_id")
        .annotate(
            jumlah=Count("pk"),
            terisi=Count("pk", filter=Q(isi=True)),
            berbukti=Count("pk", filter=Q(bukti=True)),
        )
        .order_by()
    }
    pelaporan = {
        p.opd_id: p for p in PelaporanTriwulan.objects.filter(tahun=tahun, triwulan=triwulan, opd__in=opd_qs)
    }
    return per_opd, pelaporan


@dataclass
class BarisPemantauan:
    opd: Opd
    jumlah: int
    terisi: int
    berbukti: int
    pelaporan: PelaporanTriwulan | None
    terlambat: bool

    @property
    def status(self) -> str:
        return self.pelaporan.status if self.pelaporan else StatusPelaporan.DRAF

    @property
    def persen_terisi(self):
        return round(100 * self.terisi / self.jumlah, 2) if self.jumlah else None


def daftar_pemantauan(
    *, tahun: int, triwulan: int, opd_qs
) -> tuple[list[BarisPemantauan], JadwalTriwulan | None]:
    jadwal = JadwalTriwulan.objects.filter(tahun=tahun, triwulan=triwulan).first()
    per_opd, pelaporan = pemantauan(tahun=tahun, triwulan=triwulan, opd_qs=opd_qs)
    lewat = bool(jadwal and timezone.localdate() > jadwal.selesai)
    rows = []
    for opd in opd_qs.filter(pk__in=per_opd.keys()).order_by("urutan", "kode"):
        angka = per_opd[opd.pk]
        p = pelaporan.get(opd.pk)
        belum_ajukan = p is None or p.status in (StatusPelaporan.DRAF, StatusPelaporan.DIKEMBALIKAN)
        rows.append(
            BarisPemantauan(
                opd=opd,
                jumlah=angka["jumlah"],
                terisi=angka["terisi"],
                berbukti=angka["berbukti"],
                pelaporan=p,
                terlambat=lewat and belum_ajukan,
            )
        )
    return rows, jadwal
