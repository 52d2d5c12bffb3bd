"""Benchmarks of the scoring engine and the dashboard, and the data generator they run on.

`BENCHMARKS` maps a name to a callable taking no arguments and returning a dict of measurements (seconds,
counts); the `bench` command of the platform discovers it. Until the large demo seed lands, `bangun_data()`
generates the large scale itself: the planning tree in bulk, targets and realizations with generate_series.

    DATABASE_URL=.../sipd_skordev .venv/bin/python manage.py shell -c \
        "from kinerja import bench; bench.bangun_data(); print(bench.jalankan_semua())"
"""

from __future__ import annotations

import datetime
import random

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.choices import Tingkat
from sipd.bench import ms, ukur

MISI = [
    "Mewujudkan sumber daya manusia yang sehat, cerdas dan berdaya saing",
    "Meningkatkan perekonomian daerah yang inklusif berbasis potensi lokal",
    "Membangun infrastruktur yang merata dan berwawasan lingkungan",
    "Mewujudkan tata kelola pemerintahan yang bersih, efektif dan melayani",
    "Meningkatkan kesejahteraan sosial dan ketahanan masyarakat",
]
SASARAN = [
    [
        "Meningkatnya derajat kesehatan masyarakat",
        "Meningkatnya kualitas pendidikan",
        "Meningkatnya kualitas pemuda dan olahraga",
    ],
    [
        "Meningkatnya pertumbuhan ekonomi daerah",
        "Meningkatnya daya saing UMKM dan koperasi",
        "Meningkatnya produktivitas pertanian",
    ],
    [
        "Meningkatnya kualitas infrastruktur jalan",
        "Meningkatnya akses air minum dan sanitasi",
        "Meningkatnya kualitas lingkungan hidup",
    ],
    [
        "Meningkatnya akuntabilitas kinerja",
        "Meningkatnya kualitas pelayanan publik",
        "Meningkatnya kualitas pengelolaan keuangan daerah",
    ],
    ["Menurunnya angka kemiskinan", "Meningkatnya perlindungan sosial", "Meningkatnya ketahanan bencana"],
]
INDIKATOR = [
    ("Persentase capaian pelayanan kesehatan dasar", "%", "positif", "nilai_akhir"),
    ("Angka kematian ibu per 100.000 kelahiran hidup", "kasus", "negatif", "kumulatif"),
    ("Prevalensi stunting", "%", "negatif", "nilai_akhir"),
    ("Angka partisipasi murni SMP", "%", "positif", "nilai_akhir"),
    ("Persentase jalan kabupaten kondisi mantap", "%", "positif", "nilai_akhir"),
    ("Jumlah UMKM yang dibina", "unit", "positif", "kumulatif"),
    ("Indeks kepuasan masyarakat", "indeks", "positif", "rata_rata"),
    ("Persentase rumah tangga dengan akses air minum layak", "%", "positif", "nilai_akhir"),
    ("Tingkat pengangguran terbuka", "%", "negatif", "nilai_akhir"),
    ("Persentase dokumen perencanaan tepat waktu", "%", "positif", "rata_rata"),
    ("Jumlah kunjungan wisatawan", "orang", "positif", "kumulatif"),
    ("Persentase sampah tertangani", "%", "positif", "nilai_akhir"),
    ("Nilai SAKIP perangkat daerah", "nilai", "positif", "nilai_akhir"),
    ("Persentase temuan audit yang ditindaklanjuti", "%", "positif", "rata_rata"),
    ("Jumlah kejadian kebakaran tertangani", "kejadian", "positif", "kumulatif"),
]


@transaction.atomic
def bangun_data(
    *, indikator: int = 5000, jumlah_opd: int = 60, tahun_awal: int = 2025, seed: int = 4
) -> dict:
    """A synthetic RPJMD period on the OPDs in the database (their first `jumlah_opd` top-level units):
    5 misi, 15 sasaran, per OPD a Renstra with 2 sasaran PD and 2 programs (each a kegiatan and 2 sub
    kegiatan with pagu), `indikator` indicators spread over them, targets for 5 years, 4 triwulan
    realizations for every year before the current one and the first 3 triwulan of it, and budget spent."""
    from kinerja.models import (
        Indikator,
        JadwalTriwulan,
        Misi,
        Nomenklatur,
        PelaporanTriwulan,
        PeriodeRpjmd,
        Renstra,
        Sasaran,
        SasaranPd,
        Tujuan,
        TujuanPd,
    )
    from opd.models import Opd

    rnd = random.Random(seed)
    periode, _ = PeriodeRpjmd.objects.get_or_create(
        tahun_awal=tahun_awal,
        defaults={
            "tahun_akhir": tahun_awal + 4,
            "nama": f"RPJMD {tahun_awal}–{tahun_awal + 4}",
            "visi": "Daerah yang maju, sejahtera dan berkelanjutan",
            "status": "disetujui",
        },
    )
    if Indikator.objects.filter(periode=periode).exists():
        return {"periode": periode.pk, "dilewati": True}
    opds = list(Opd.objects.filter(induk__isnull=True, aktif=True).order_by("urutan", "kode")[:jumlah_opd])
    sasaran = []
    for i, (uraian, daftar) in enumerate(zip(MISI, SASARAN, strict=True), start=1):
        misi = Misi.objects.create(periode=periode, nomor=str(i), uraian=uraian, urutan=i)
        tujuan = Tujuan.objects.create(misi=misi, nomor=f"{i}.1", uraian=f"Tujuan misi {i}", urutan=1)
        sasaran += [
            Sasaran.objects.create(tujuan=tujuan, nomor=f"{i}.1.{j}", uraian=s, urutan=j)
            for j, s in enumerate(daftar, start=1)
        ]
    renstra = Renstra.objects.bulk_create([Renstra(periode=periode, opd=o, status="disetujui") for o in opds])
    tujuan_pd = TujuanPd.objects.bulk_create(
        [TujuanPd(renstra=r, nomor="1", uraian=f"Tujuan {r.opd.singkatan or r.opd.nama}") for r in renstra]
    )
    spd = SasaranPd.objects.bulk_create(
        [
            SasaranPd(
                tujuan=t,
                nomor=str(j),
                uraian=f"{rnd.choice(sasaran).uraian} ({t.renstra.opd.singkatan})",
                sasaran_rpjmd=rnd.choice(sasaran),
                urutan=j,
            )
            for t in tujuan_pd
            for j in (1, 2)
        ]
    )
    spd_opd: dict[int, list] = {}
    for s, t in zip(spd, [t for t in tujuan_pd for _j in (1, 2)], strict=True):
        spd_opd.setdefault(t.renstra.opd_id, []).append(s)
    nomenklatur = []
    for n, o in enumerate(opds):
        urusan, bidang = "1", f"{n % 99 + 1:02d}"
        for p in (1, 2):
            nomenklatur.append(
                Nomenklatur(
                    periode=periode,
                    opd=o,
                    tingkat=Tingkat.PROGRAM,
                    urusan=urusan,
                    bidang=bidang,
                    program=f"{p:02d}",
                    kode=Nomenklatur.susun_kode(urusan, bidang, f"{p:02d}"),
                    nama=f"Program {p} {o.singkatan}",
                    sasaran_pd=spd_opd[o.pk][p - 1],
                )
            )
    programs = Nomenklatur.objects.bulk_create(nomenklatur)
    kegiatan = Nomenklatur.objects.bulk_create(
        [
            Nomenklatur(
                periode=periode,
                opd_id=p.opd_id,
                tingkat=Tingkat.KEGIATAN,
                induk=p,
                urusan=p.urusan,
                bidang=p.bidang,
                program=p.program,
                kegiatan="2.01",
                nama=f"Kegiatan {p.nama}",
                kode=Nomenklatur.susun_kode(p.urusan, p.bidang, p.program, "2.01"),
            )
            for p in programs
        ]
    )
    subs = Nomenklatur.objects.bulk_create(
        [
            Nomenklatur(
                periode=periode,
                opd_id=k.opd_id,
                tingkat=Tingkat.SUB_KEGIATAN,
                induk=k,
                urusan=k.urusan,
                bidang=k.bidang,
                program=k.program,
                kegiatan="2.01",
                sub_kegiatan=f"{s:04d}",
                nama=f"Sub kegiatan {s} {k.nama}",
                kode=Nomenklatur.susun_kode(k.urusan, k.bidang, k.program, "2.01", f"{s:04d}"),
            )
            for k in kegiatan
            for s in (1, 2)
        ]
    )
    sub_opd: dict[int, list] = {}
    for s in subs:
        sub_opd.setdefault(s.opd_id, []).append(s)
    rows = []
    for i in range(indikator):
        o = opds[i % len(opds)]
        nama, satuan, polaritas, sifat = INDIKATOR[rnd.randrange(len(INDIKATOR))]
        node = (
            {"sasaran_pd": rnd.choice(spd_opd[o.pk])}
            if (i // len(opds)) % 3
            else {"nomenklatur": rnd.choice(sub_opd[o.pk])}
        )
        rows.append(
            Indikator(
                periode=periode,
                opd=o,
                kode=f"B{tahun_awal}-{i:05d}",
                nama=f"{nama} ({o.singkatan})",
                satuan=satuan,
                polaritas=polaritas,
                sifat=sifat,
                kondisi_awal_tahun=tahun_awal - 1,
                urutan=i,
                iku=i % 7 == 0,
                **node,
            )
        )
    Indikator.objects.bulk_create(rows, batch_size=2000)
    tahun_ini = max(tahun_awal, min(tahun_awal + 4, datetime.date.today().year))
    with connection.cursor() as cur:
        cur.execute("SELECT setseed(%s)", [seed / 100])
        # targets: 60..95 growing by year; each OPD performs at its own level (0.55 .. 1.15 of target)
        cur.execute(
            """
            INSERT INTO kinerja_target (indikator_id, tahun, nilai)
            SELECT i.id, y, round((60 + (i.id %% 36) + (y - %(awal)s) * 1.5)::numeric, 2)
            FROM kinerja_indikator i CROSS JOIN generate_series(%(awal)s, %(awal)s + 4) y
            WHERE i.periode_id = %(periode)s
            """,
            {"awal": tahun_awal, "periode": periode.pk},
        )
        cur.execute(
            """
            INSERT INTO kinerja_realisasi (indikator_id, tahun, triwulan, nilai, faktor_pendorong,
                                           faktor_penghambat, tindak_lanjut, diubah)
            SELECT i.id, t.tahun, tw,
                   CASE WHEN random() < 0.04 THEN NULL ELSE round((t.nilai
                     * CASE WHEN i.polaritas = 'negatif' THEN 2 - f.k ELSE f.k END
                     * (0.9 + random() * 0.2)
                     * CASE i.sifat WHEN 'kumulatif' THEN 0.25 ELSE (0.85 + tw * 0.05) END)::numeric, 2) END,
                   'Dukungan lintas sektor dan anggaran yang memadai', '', 'Melanjutkan program', now()
            FROM kinerja_indikator i
            JOIN kinerja_target t ON t.indikator_id = i.id
            CROSS JOIN LATERAL (SELECT 0.55 + ((i.opd_id * 7919) %% 61) / 100.0 AS k) f
            CROSS JOIN generate_series(1, 4) tw
            WHERE i.periode_id = %(periode)s AND (t.tahun < %(kini)s OR (t.tahun = %(kini)s AND tw <= 3))
              AND NOT (t.tahun = %(kini)s AND tw = 3 AND (i.opd_id %% 5) = 0)  -- some OPDs are late
            """,
            {"periode": periode.pk, "kini": tahun_ini},
        )
        cur.execute(
            """
            INSERT INTO kinerja_pagu (nomenklatur_id, tahun, jumlah)
            SELECT n.id, y, (500 + (n.id * 37) %% 4500) * 1000000
            FROM kinerja_nomenklatur n CROSS JOIN generate_series(%(awal)s, %(awal)s + 4) y
            WHERE n.periode_id = %(periode)s AND n.tingkat = 'sub_kegiatan'
            """,
            {"awal": tahun_awal, "periode": periode.pk},
        )
        cur.execute(
            """
            INSERT INTO kinerja_realisasianggaran (nomenklatur_id, tahun, triwulan, nilai, diubah)
            SELECT p.nomenklatur_id, p.tahun, tw,
                   round(p.jumlah * (0.12 + 0.08 * tw) * (0.6 + ((n.opd_id * 31) %% 45) / 100.0), 2), now()
            FROM kinerja_pagu p JOIN kinerja_nomenklatur n ON n.id = p.nomenklatur_id
            CROSS JOIN generate_series(1, 4) tw
            WHERE n.periode_id = %(periode)s AND (p.tahun < %(kini)s OR (p.tahun = %(kini)s AND tw <= 3))
            """,
            {"periode": periode.pk, "kini": tahun_ini},
        )
    for y in range(tahun_awal, tahun_ini + 1):
        for tw in range(1, 5):
            if y == tahun_ini and tw > 3:
                break
            mulai = datetime.date(y + (tw == 4), (tw * 3) % 12 + 1, 1)
            JadwalTriwulan.objects.get_or_create(
                tahun=y,
                triwulan=tw,
                defaults={"mulai": mulai, "selesai": mulai + datetime.timedelta(days=14)},
            )
    PelaporanTriwulan.objects.bulk_create(
        [
            PelaporanTriwulan(
                opd=o,
                tahun=y,
                triwulan=tw,
                status="diverifikasi"
                if (y, tw) < (tahun_ini, 3) or o.pk % 3 == 0
                else "draf"
                if o.pk % 5 == 0
                else "diajukan",
            )
            for o in opds
            for y in range(tahun_awal, tahun_ini + 1)
            for tw in range(1, 5)
            if (y, tw) <= (tahun_ini, 3)
        ],
        ignore_conflicts=True,
    )
    return {"periode": periode.pk, "opd": len(opds), "indikator": indikator}


# --- benchmarks -------------------------------------------------------------------------------------------


def _periode():
    from kinerja.models import PeriodeRpjmd

    return PeriodeRpjmd.objects.order_by("-tahun_awal").first()


def bench_hitung_penuh() -> dict:
    """Full recompute: every indicator × 5 years × 4 triwulan-to-date, and every roll-up."""
    from kinerja.models import Indikator
    from kinerja.services.skor import hitung_skor

    n = Indikator.objects.count()
    with CaptureQueriesContext(connection) as q:
        dingin = ukur(hitung_skor)
    ulang = ukur(hitung_skor)  # nothing changed: the upserts write nothing
    return {
        "indikator": n,
        "detik": round(dingin["total"], 2),
        "kueri": len(q),
        "detik_ulang_tanpa_perubahan": round(ulang["total"], 2),
        "baris_ulang": ulang["hasil"],
    }


def bench_baseline_python(sampel: int = 300) -> dict:
    """The named baseline: a Python loop over indicators with the calculators, a query per indicator for
    its target and realizations, and an update_or_create per score row; measured on `sampel` indicators
    for one year and extrapolated to every indicator × 5 years."""
    from kinerja.calculations import batasi, capaian, predikat, realisasi_tahunan
    from kinerja.models import Indikator, Realisasi, SkorIndikator, Target

    periode = _periode()
    tahun = periode.tahun_awal
    semua = Indikator.objects.filter(periode=periode).count()
    ids = list(Indikator.objects.filter(periode=periode).order_by("pk").values_list("pk", flat=True)[:sampel])

    def loop():
        with transaction.atomic():
            for ind in Indikator.objects.filter(pk__in=ids):
                target = Target.objects.filter(indikator=ind, tahun=tahun).first()
                nilai = dict(
                    Realisasi.objects.filter(indikator=ind, tahun=tahun).values_list("triwulan", "nilai")
                )
                for tw in range(1, 5):
                    r = realisasi_tahunan([nilai.get(t) for t in range(1, tw + 1)], ind.sifat)
                    c = capaian(
                        target and target.nilai, r, ind.polaritas, target_atas=target and target.nilai_atas
                    )
                    SkorIndikator.objects.update_or_create(
                        indikator=ind,
                        tahun=tahun,
                        triwulan=tw,
                        defaults={
                            "opd_id": ind.opd_id,
                            "periode_id": periode.pk,
                            "realisasi": r,
                            "capaian": c,
                            "capaian_terbatas": batasi(c),
                            "predikat": predikat(c) or "",
                            "terisi": nilai.get(tw) is not None,
                            "dihitung": timezone.now(),
                        },
                    )
            transaction.set_rollback(True)  # a measurement only: the SQL engine's rows stay as they are

    detik = ukur(loop)["total"]
    return {
        "sampel": len(ids),
        "detik_sampel": round(detik, 2),
        "detik_perkiraan_penuh": round(detik * semua * 5 / max(len(ids), 1), 1),
        "catatan": "tanpa roll-up; roll-up menambah waktu baseline",
    }


def bench_dasbor(ulang: int = 20) -> dict:
    """Server time of the dashboard page for the Bupati at this scale: cold (cache empty) and warm."""
    from django.test import Client

    from kinerja.services.skor import segarkan_dasbor
    from sipd.models import User
    from sipd.roles import Peran

    user = User.objects.filter(daftar_peran__peran=Peran.PIMPINAN, is_active=True).first()
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)

    def dasbor():
        assert client.get("/kinerja/dasbor/").status_code == 200

    dingin = ukur(dasbor, ulang, sebelum=segarkan_dasbor)  # cold: a new cache version before each
    hangat = ukur(dasbor, ulang)
    segarkan_dasbor()
    with CaptureQueriesContext(connection) as q:
        dasbor()
    return {
        "dingin_median_ms": ms(dingin["median"]),
        "dingin_p95_ms": ms(dingin["p95"]),
        "hangat_median_ms": ms(hangat["median"]),
        "kueri_dingin": len(q),
    }


BENCHMARKS = {
    "skor_hitung_penuh": bench_hitung_penuh,
    "skor_baseline_python": bench_baseline_python,
    "dasbor": bench_dasbor,
}


def jalankan_semua() -> dict:
    hasil = {name: fn() for name, fn in BENCHMARKS.items()}
    penuh, dasar = hasil["skor_hitung_penuh"], hasil["skor_baseline_python"]
    hasil["rasio_baseline_terhadap_sql"] = round(
        dasar["detik_perkiraan_penuh"] / max(penuh["detik"], 1e-6), 1
    )
    return hasil
