"""Benchmarks of the realization grid, the cell save and the long RPJMD report, on the large data set.

Baselines, named: the grid against the same page built with a query per indicator (the N+1 shape a naive
view has); the cell save against a plain update_or_create without the compare-and-set; the RPJMD PDF against
one WeasyPrint render of the whole document in one process.
"""

from __future__ import annotations

import multiprocessing
import resource
from decimal import Decimal

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.models import Indikator, JadwalTriwulan, PelaporanTriwulan, Realisasi, Target
from opd.models import Opd, PenugasanPeran
from sipd.bench import ms, ukur
from sipd.models import User
from sipd.roles import Peran

INDIKATOR_GRID = 200


def _opd_200() -> tuple[Opd, User]:
    """The OPD with the most indicators, topped up to 200 by copying its own, and an operator of it."""
    from django.db.models import Count

    opd_id = (
        Indikator.objects.values("opd_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("opd_id", flat=True)[0]
    )
    opd = Opd.objects.get(pk=opd_id)
    ada = list(Indikator.objects.filter(opd=opd).order_by("pk"))
    salin = []
    for i in range(max(0, INDIKATOR_GRID - len(ada))):
        asal = ada[i % len(ada)]
        asal.pk, asal.kode = None, f"BENCH-{opd.pk}-{i:04d}"
        salin.append(asal)
    baru = Indikator.objects.bulk_create(salin)
    Target.objects.bulk_create(
        [Target(indikator=ind, tahun=t, nilai=Decimal(80)) for ind in baru for t in range(2025, 2030)]
    )
    user, _ = User.objects.get_or_create(username="bench-operator")
    PenugasanPeran.objects.get_or_create(user=user, peran=Peran.OPERATOR_OPD, opd=opd)
    return opd, user


def _grid_naif(opd: Opd, tahun: int, triwulan: int) -> int:
    """The baseline: the grid's data with a query per indicator for target, realizations and evidence."""
    n = 0
    for ind in Indikator.objects.filter(
        opd=opd, periode__tahun_awal__lte=tahun, periode__tahun_akhir__gte=tahun
    ):
        Target.objects.filter(indikator=ind, tahun=tahun).first()
        for r in Realisasi.objects.filter(indikator=ind, tahun=tahun, triwulan__lte=triwulan):
            list(r.bukti.all())
        n += 1
    return n


def bench_grid() -> dict:
    """GET of the Isi Realisasi grid of an OPD with 200 indicators (server time, test client)."""
    opd, user = _opd_200()
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    url = f"/kinerja/realisasi/{opd.pk}/2026/2/"
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as q:
        client.get(url)
    halaman = ukur(lambda: client.get(url), 15)
    median = ms(halaman["median"])
    naif = ms(ukur(lambda: _grid_naif(opd, 2026, 2), 5)["median"])
    return {
        "indikator": Indikator.objects.filter(opd=opd).count(),
        "kueri_halaman": len(q),
        "median_ms": median,
        "p95_ms": ms(halaman["p95"]),
        "target_ms": 300,
        "baseline_n_plus_1_data_saja_ms": naif,
        "rasio_baseline": round(naif / median, 1),
    }


def bench_simpan_sel() -> dict:
    """POST of one cell through the page's endpoint (compare-and-set, workflow and lock checks, audit)."""
    opd, user = _opd_200()
    PelaporanTriwulan.objects.filter(opd=opd, tahun=2026, triwulan=3).delete()
    JadwalTriwulan.objects.filter(tahun=2026, triwulan=3).update(terkunci=False)
    ind = Indikator.objects.filter(opd=opd).first()
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    nilai = {"v": 1}

    def simpan():
        asal = str(nilai["v"]) if nilai["v"] > 1 else ""
        nilai["v"] += 1
        response = client.post(
            "/kinerja/realisasi/sel/",
            {"indikator": ind.pk, "tahun": 2026, "triwulan": 3, "kolom": "nilai", "nilai": str(nilai["v"]),
             "asal": asal},
        )  # fmt: skip
        assert response.status_code == 200, response.content[:300]

    simpan()
    waktu = ukur(simpan, 20)
    median = ms(waktu["median"])

    def naif():
        Realisasi.objects.update_or_create(
            indikator=ind, tahun=2026, triwulan=4, defaults={"nilai": Decimal(nilai["v"])}
        )
        nilai["v"] += 1

    dasar = ms(ukur(naif, 20)["median"])
    return {
        "median_ms": median,
        "p95_ms": ms(waktu["p95"]),
        "target_ms": 100,
        "baseline_update_or_create_ms": dasar,
        "rasio_terhadap_baseline": round(median / dasar, 1),
    }


def _bagian(args):
    """One section in a child process, as the Celery task does: its index, bytes, peak memory and seconds."""
    from django.db import connections

    connections.close_all()
    from kinerja.reports import evaluasi

    i, params, bagian = args
    waktu = ukur(lambda: evaluasi._buat_bagian_rpjmd(params, bagian))
    return i, waktu["hasil"], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, waktu["total"]


def _naif(params):
    from django.db import connections

    connections.close_all()
    from kinerja.reports import evaluasi

    periode, rows = evaluasi._rows_rpjmd(params)
    isi = evaluasi._pdf_rpjmd(params, rows, periode)
    return len(isi), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def bench_laporan_rpjmd() -> dict:
    """The RPJMD evaluation PDF at the large scale: sections rendered by 2 processes (the Celery path's
    split) and merged with page numbers, against one WeasyPrint render of the whole document."""
    from kinerja.reports import evaluasi
    from kinerja.services.skor import hitung_skor
    from sipd import laporan

    if not evaluasi.data.SkorIndikator.objects.exists():
        hitung_skor()
    params = {"tahun": 2026}
    evaluasi._rows_rpjmd(params)  # the rows of this data version, as the job's first step leaves them
    ctx = multiprocessing.get_context("fork")
    connection.close()

    def dua_proses():
        daftar = evaluasi._bagian_rpjmd(params)
        connection.close()
        with ctx.Pool(2) as pool:  # one section at a time per process, as a Celery worker takes them
            hasil = sorted(pool.imap_unordered(_bagian, [(i, params, b) for i, b in enumerate(daftar)]))
        gabung = ukur(lambda: laporan.gabung_pdf([h[1] for h in hasil], kode="evaluasi-rpjmd", params=params))
        return daftar, hasil, gabung

    waktu = ukur(dua_proses)
    paralel, (daftar, hasil, gabung) = waktu["total"], waktu["hasil"]
    isi = gabung["hasil"]
    keluaran = {
        "baris": daftar[-1][1],
        "bagian": len(daftar),
        "halaman": laporan.hitung_halaman(isi),
        "paralel_2_proses_detik": round(paralel, 1),
        "detik_per_bagian": [round(h[3], 1) for h in hasil],
        "gabung_detik": round(gabung["total"], 1),
        "memori_puncak_per_proses_mb": max(h[2] for h in hasil),
        "target_detik": 45,
        "target_memori_mb": 700,
    }

    def satu_render():
        with ctx.Pool(1) as pool:
            return pool.apply(_naif, (params,))

    waktu = ukur(satu_render)
    naif, (_ukuran, memori) = waktu["total"], waktu["hasil"]
    keluaran |= {
        "baseline_satu_render_detik": round(naif, 1),
        "baseline_memori_mb": memori,
        "rasio_waktu": round(naif / paralel, 2),
    }
    return keluaran


BENCHMARKS = {"grid": bench_grid, "simpan_sel": bench_simpan_sel, "laporan_rpjmd": bench_laporan_rpjmd}
