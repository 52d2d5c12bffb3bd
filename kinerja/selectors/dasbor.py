"""Reads for the leaders' dashboard: materialized scores only, a fixed number of queries, cached per role.

Global roles (Pimpinan, Bappeda, Admin) share one cached copy; an OPD user's copy holds only their OPDs.
A recompute bumps the version in the cache key (kinerja.services.skor.segarkan_dasbor), so a new score shows
at once; SIPD_DASBOR_CACHE_DETIK bounds the age otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_noop

from kinerja.models import (
    Indikator,
    Misi,
    Nomenklatur,
    PeriodeRpjmd,
    Realisasi,
    SasaranPd,
    SkorIndikator,
    SkorRingkasan,
    Target,
)
from kinerja.models.perencanaan import LIHAT_GLOBAL
from kinerja.models.skor import TingkatSkor
from kinerja.services.skor import versi_dasbor
from opd.models import Opd
from sipd import access

# The default scale's labels, for the catalogue: templates translate the stored label at run time.
LABEL_PREDIKAT = [
    gettext_noop("Sangat Tinggi"),
    gettext_noop("Tinggi"),
    gettext_noop("Sedang"),
    gettext_noop("Rendah"),
    gettext_noop("Sangat Rendah"),
]


@dataclass
class Skor:
    """One roll-up row, plain data (cached with pickle)."""

    objek_id: int
    nama: str
    singkatan: str = ""
    capaian: Decimal | None = None
    predikat: str = ""
    tren: list = field(default_factory=lambda: [None] * 4)
    jumlah_indikator: int = 0
    jumlah_capaian: int = 0
    jumlah_terisi: int = 0
    jumlah_berbukti: int = 0
    jumlah_terverifikasi: int = 0
    sebaran_predikat: list = field(default_factory=list)
    pagu: Decimal | None = None
    realisasi_anggaran: Decimal | None = None
    serapan: Decimal | None = None
    status_pelaporan: str = ""
    batas_pelaporan: object = None
    terlambat: bool = False

    @property
    def kelengkapan(self):
        return Decimal(self.jumlah_terisi * 100) / self.jumlah_indikator if self.jumlah_indikator else None

    @property
    def kelengkapan_bukti(self):
        return Decimal(self.jumlah_berbukti * 100) / self.jumlah_indikator if self.jumlah_indikator else None

    @property
    def persen_terverifikasi(self):
        n = self.jumlah_indikator
        return Decimal(self.jumlah_terverifikasi * 100) / n if n else None


KOLOM = [
    "objek_id",
    "capaian",
    "predikat",
    "jumlah_indikator",
    "jumlah_capaian",
    "jumlah_terisi",
    "jumlah_berbukti",
    "jumlah_terverifikasi",
    "sebaran_predikat",
    "pagu",
    "realisasi_anggaran",
    "serapan",
    "status_pelaporan",
    "batas_pelaporan",
    "terlambat",
]


def pilihan_tahun() -> list[int]:
    return sorted({t for p in PeriodeRpjmd.objects.only("tahun_awal", "tahun_akhir") for t in p.tahun})


def tahun_bawaan(tahun_ada: list[int]) -> int | None:
    """The most recent year up to now with entered figures; else the current year (or the nearest)."""
    if not tahun_ada:
        return None
    today = timezone.localdate().year
    terisi = (
        SkorRingkasan.objects.filter(tahun__in=tahun_ada, tahun__lte=today, jumlah_terisi__gt=0)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .first()
    )
    if terisi:
        return terisi
    return today if today in tahun_ada else min(tahun_ada, key=lambda t: abs(t - today))


def cakupan(user) -> str | None:
    """'semua' for the roles that see every OPD, 'opd-<ids>' for an OPD user, None for no access."""
    if not access.can_any(user, access.VIEW, SkorRingkasan):
        return None
    if access.has_role(user, *LIHAT_GLOBAL):
        return "semua"
    return "opd-" + "-".join(str(i) for i in sorted(access.roles_of(user).opd_ids))


def _nama(tingkat: str, model, kolom: str):
    return Subquery(model.objects.filter(pk=OuterRef("objek_id")).values(kolom)[:1])


def _baca(user, tahun: int) -> list[dict]:
    """One query: the RPJMD, misi and OPD rows of the year (every triwulan), with their names.

    `user` None reads the whole Pemda, for the leaders' printed summary (the report registry checked who).
    """
    rows = SkorRingkasan.objects.all() if user is None else SkorRingkasan.objects.visible_to(user)
    return list(
        rows.filter(tahun=tahun, tingkat__in=[TingkatSkor.RPJMD, TingkatSkor.MISI, TingkatSkor.OPD])
        .annotate(
            nama_misi=_nama("misi", Misi, "uraian"),
            nomor_misi=_nama("misi", Misi, "nomor"),
            nama_opd=_nama("opd", Opd, "nama"),
            singkatan_opd=_nama("opd", Opd, "singkatan"),
            nama_periode=_nama("rpjmd", PeriodeRpjmd, "nama"),
        )
        .values(
            *KOLOM,
            "tingkat",
            "triwulan",
            "dihitung",
            "nama_misi",
            "nomor_misi",
            "nama_opd",
            "singkatan_opd",
            "nama_periode",
        )
    )


def _skor(rows: list[dict], tingkat: str, triwulan: int) -> list[Skor]:
    hasil: dict[int, Skor] = {}
    for r in rows:
        if r["tingkat"] != tingkat:
            continue
        s = hasil.get(r["objek_id"])
        if s is None:
            nama = {"misi": f"{r['nomor_misi']}. {r['nama_misi']}", "opd": r["nama_opd"]}.get(
                tingkat, r["nama_periode"]
            )
            singkatan = r["nomor_misi"] if tingkat == TingkatSkor.MISI else r["singkatan_opd"]
            s = hasil[r["objek_id"]] = Skor(
                objek_id=r["objek_id"], nama=nama or "", singkatan=singkatan or ""
            )
        s.tren[r["triwulan"] - 1] = r["capaian"]
        if r["triwulan"] == triwulan:
            for k in KOLOM[1:]:
                setattr(s, k, r[k])
    return list(hasil.values())


def ringkasan(*, user, tahun: int | None, triwulan: int | None) -> dict | None:
    """Everything the dashboard page shows for the year and triwulan (None: the latest with data), and
    `kunci_cache`: the key the page's rendered figures are cached under (same data, same fragment)."""
    lingkup = cakupan(user)
    if lingkup is None:
        return None
    key = f"kinerja:dasbor:{versi_dasbor()}:{lingkup}:{tahun or '-'}:{triwulan or '-'}"
    data = cache.get(key)
    if data is None:
        data = _ringkasan(user, tahun, triwulan, global_=lingkup == "semua")
        cache.set(key, data, settings.SIPD_DASBOR_CACHE_DETIK)
    return {**data, "kunci_cache": key}


def ringkasan_pemda(*, tahun: int | None, triwulan: int | None) -> dict:
    """The dashboard's figures for the whole Pemda, for the printed summary (read once per file)."""
    return _ringkasan(None, tahun, triwulan, global_=True)


def _ringkasan(user, tahun, triwulan, *, global_: bool) -> dict:
    tahun_ada = pilihan_tahun()
    tahun = tahun if tahun in tahun_ada else tahun_bawaan(tahun_ada)
    rows = _baca(user, tahun) if tahun else []
    terisi = {r["triwulan"] for r in rows if r["jumlah_terisi"]}
    if triwulan not in (1, 2, 3, 4):
        triwulan = max(terisi, default=1)
    opd = sorted(
        _skor(rows, TingkatSkor.OPD, triwulan), key=lambda s: (s.capaian is None, -(s.capaian or 0), s.nama)
    )
    rpjmd = _skor(rows, TingkatSkor.RPJMD, triwulan)
    return {
        "global": global_,
        "tahun": tahun,
        "triwulan": triwulan,
        "tahun_pilihan": tahun_ada,
        "rpjmd": rpjmd[0] if rpjmd else None,
        "misi": sorted(_skor(rows, TingkatSkor.MISI, triwulan), key=lambda s: s.nama),
        "opd": opd,
        "terlambat": [s for s in opd if s.terlambat],
        "dihitung": max((r["dihitung"] for r in rows), default=None),
        "skala": [label for _b, label in settings.SIPD_PREDIKAT],
    }


# --- drill-down -------------------------------------------------------------------------------------------


def skor_opd(*, user, opd_id: int, tahun: int, triwulan: int):
    """An OPD's sasaran PD and program roll-ups with their indicators' scores; None: not visible."""
    opd_row = (
        SkorRingkasan.objects.visible_to(user)
        .filter(tingkat=TingkatSkor.OPD, objek_id=opd_id, tahun=tahun, triwulan=triwulan)
        .first()
    )
    if opd_row is None:
        return None
    kelompok = list(
        SkorRingkasan.objects.visible_to(user)
        .filter(
            opd_id=opd_id,
            tahun=tahun,
            triwulan=triwulan,
            tingkat__in=[TingkatSkor.SASARAN_PD, TingkatSkor.PROGRAM],
        )
        .annotate(
            nama_spd=Subquery(SasaranPd.objects.filter(pk=OuterRef("objek_id")).values("uraian")[:1]),
            nama_prog=Subquery(Nomenklatur.objects.filter(pk=OuterRef("objek_id")).values("nama")[:1]),
            kode_prog=Subquery(Nomenklatur.objects.filter(pk=OuterRef("objek_id")).values("kode")[:1]),
        )
        .order_by("tingkat", "objek_id")
    )
    indikator = list(
        SkorIndikator.objects.visible_to(user)
        .filter(opd_id=opd_id, tahun=tahun, triwulan=triwulan)
        .select_related("indikator")
        .order_by("indikator__urutan", "indikator__kode")
    )
    per_kelompok: dict[tuple[str, int | None], list] = {}
    for s in indikator:
        if s.indikator.sasaran_pd_id or (s.sasaran_pd_id and not s.indikator.nomenklatur_id):
            per_kelompok.setdefault(("sasaran_pd", s.sasaran_pd_id), []).append(s)
        elif s.program_id:
            per_kelompok.setdefault(("program", s.program_id), []).append(s)
        else:
            per_kelompok.setdefault(("lain", None), []).append(s)
    for k in kelompok:
        k.indikator = per_kelompok.pop((k.tingkat, k.objek_id), [])
    lain = [s for rows in per_kelompok.values() for s in rows]
    return {"opd": Opd.objects.get(pk=opd_id), "skor": opd_row, "kelompok": kelompok, "lain": lain}


def rincian_indikator(*, user, indikator_id: int, tahun: int):
    """One indicator: its target, the four triwulan values with narrative and evidence, and its scores."""
    indikator = access.get_visible_or_404(
        Indikator.objects.select_related("opd", "periode", "sasaran_pd", "nomenklatur"), user, pk=indikator_id
    )
    target = Target.objects.filter(indikator=indikator, tahun=tahun).first()
    realisasi = {
        r.triwulan: r
        for r in Realisasi.objects.filter(indikator=indikator, tahun=tahun).prefetch_related("bukti")
    }
    skor = {s.triwulan: s for s in SkorIndikator.objects.filter(indikator=indikator, tahun=tahun)}
    baris = [{"triwulan": tw, "realisasi": realisasi.get(tw), "skor": skor.get(tw)} for tw in range(1, 5)]
    return {"indikator": indikator, "target": target, "baris": baris}
