"""Demo RPJMD 2025–2029 of Kabupaten Sukamaju with 2025 realizations in mixed workflow states.

The plan (misi … indicators, programs, pagu, targets) goes through the matrix import's own check and
set-based writer (kinerja.impor), as if Bappeda had uploaded it: a re-run matches every row by its natural
key and writes nothing. Realizations, reports and entry windows are generated deterministically from SEED
and written with bulk inserts of the missing rows only. `seed(scale="large")` adds the large data set used by
the benchmarks: 5.000 indicators over 60 OPDs, 5 years × 4 triwulan of realizations (≈100.000 rows).
"""

from __future__ import annotations

import datetime
import random
import time
from decimal import ROUND_HALF_UP, Decimal

import pghistory
from django.db import transaction
from django.utils import timezone

from kinerja import demo_data as d
from kinerja import demo_inovasi
from kinerja.choices import Polaritas, SifatAgregasi, StatusPelaporan, StatusRencana
from kinerja.impor.kolom import LEMBAR_DATA, LEMBAR_INDIKATOR, LEMBAR_PROGRAM, LEMBAR_RPJMD
from kinerja.impor.periksa import periksa
from kinerja.impor.simpan import HasilMatriks, muat, terapkan
from kinerja.models import (
    CatatanVerifikasi,
    Indikator,
    JadwalTriwulan,
    Nomenklatur,
    Pagu,
    PelaporanTriwulan,
    PeriodeRpjmd,
    Realisasi,
    RealisasiAnggaran,
    RiwayatPelaporan,
)
from opd.choices import JenisOpd
from opd.models import Opd, PenugasanPeran
from sipd.models import User
from sipd.roles import Peran
from sipd.spreadsheet import Tabel

SEED = 2025
TAHUN_AWAL = 2025
TAHUN = list(range(TAHUN_AWAL, TAHUN_AWAL + 5))
TAHUN_REALISASI = 2025
POLARITAS = {"+": Polaritas.POSITIF, "-": Polaritas.NEGATIF}
SIFAT = {"K": SifatAgregasi.KUMULATIF, "A": SifatAgregasi.NILAI_AKHIR, "R": SifatAgregasi.RATA_RATA}
DUA = Decimal("0.01")


def _d(value) -> Decimal:
    return Decimal(str(value)).quantize(DUA, rounding=ROUND_HALF_UP)


def _target(awal, akhir) -> list[Decimal]:
    """Yearly targets from 2025 to 2029, straight from `awal` to `akhir`."""
    langkah = (Decimal(str(akhir)) - Decimal(str(awal))) / 4
    return [_d(Decimal(str(awal)) + langkah * i) for i in range(5)]


# The plan, as the rows of the matrix workbook ------------------------------------------------------------


class _Lembar:
    def __init__(self):
        self.rows = {nama: [] for nama in LEMBAR_DATA}

    def tambah(self, lembar: str, **nilai):
        self.rows[lembar].append((len(self.rows[lembar]) + 2, nilai))

    def indikator(self, kode, simpul, ref, kode_opd, spec, *, iku=False):
        nama, satuan, polaritas, sifat, awal, t2025, t2029 = spec
        target = _target(t2025, t2029)
        self.tambah(
            LEMBAR_INDIKATOR, kode=kode, simpul=simpul, ref_simpul=ref, kode_opd=kode_opd, nama=nama,
            satuan=satuan, polaritas=POLARITAS[polaritas], sifat=SIFAT[sifat], iku="ya" if iku else "",
            kondisi_awal_tahun=TAHUN_AWAL - 1, kondisi_awal=_d(awal), target_akhir=target[-1],
            **{f"target_{t}": v for t, v in zip(TAHUN, target, strict=True)},
        )  # fmt: skip

    def tabel(self) -> dict[str, Tabel]:
        return {nama: Tabel(1, rows, [], nama) for nama, rows in self.rows.items()}


def _pagu(rng: random.Random, juta_min: int, juta_max: int) -> list[Decimal]:
    dasar = rng.randrange(juta_min, juta_max) * 1_000_000
    return [Decimal(round(dasar * (1 + 0.05 * i), -6)) for i in range(5)]


def rencana_demo(opd: dict[str, Opd]) -> _Lembar:
    """The demo matrix; `opd` maps singkatan (and kecamatan kode) to the stored OPDs."""
    rng = random.Random(SEED)
    lembar = _Lembar()
    for nomor_misi, misi, daftar_tujuan in d.RPJMD:
        lembar.tambah(LEMBAR_RPJMD, tingkat="misi", nomor=nomor_misi, nomor_induk="", uraian=misi)
        for nomor_tujuan, tujuan, ind_tujuan, daftar_sasaran in daftar_tujuan:
            lembar.tambah(
                LEMBAR_RPJMD, tingkat="tujuan", nomor=nomor_tujuan, nomor_induk=nomor_misi, uraian=tujuan
            )
            for i, (singkatan, spec) in enumerate(ind_tujuan, start=1):
                lembar.indikator(f"T.{nomor_tujuan}.{i}", "tujuan", nomor_tujuan, opd[singkatan].kode, spec)
            for nomor_sasaran, sasaran, ind_sasaran in daftar_sasaran:
                lembar.tambah(
                    LEMBAR_RPJMD,
                    tingkat="sasaran",
                    nomor=nomor_sasaran,
                    nomor_induk=nomor_tujuan,
                    uraian=sasaran,
                )
                for i, (singkatan, spec) in enumerate(ind_sasaran, start=1):
                    kode = f"IKU.{nomor_sasaran}.{i}"
                    lembar.indikator(kode, "sasaran", nomor_sasaran, opd[singkatan].kode, spec, iku=True)

    def program(o: Opd, kode, nama, sasaran, spec, kegiatan=()):
        pagu_program = [Decimal(0)] * 5
        baris_kegiatan = []
        for kode_kegiatan, nama_kegiatan, spec_kegiatan, sub in kegiatan:
            pagu = _pagu(rng, 150, 4000)
            pagu_program = [a + b for a, b in zip(pagu_program, pagu, strict=True)]
            baris_kegiatan.append((f"{kode}.{kode_kegiatan}", nama_kegiatan, spec_kegiatan, pagu, sub))
        if not kegiatan:
            pagu_program = _pagu(rng, 500, 9000)
        lembar.tambah(
            LEMBAR_PROGRAM, kode=kode, nama=nama, kode_opd=o.kode, sasaran_rpjmd=sasaran, sasaran_pd="",
            **{f"pagu_{t}": v for t, v in zip(TAHUN, pagu_program, strict=True)},
        )  # fmt: skip
        lembar.indikator(f"P.{o.pk}.{kode}", "nomenklatur", kode, o.kode, spec)
        for kode_kegiatan, nama_kegiatan, spec_kegiatan, pagu, sub in baris_kegiatan:
            lembar.tambah(
                LEMBAR_PROGRAM, kode=kode_kegiatan, nama=nama_kegiatan, kode_opd=o.kode, sasaran_rpjmd="",
                sasaran_pd="", **{f"pagu_{t}": v for t, v in zip(TAHUN, pagu, strict=True)},
            )  # fmt: skip
            lembar.indikator(f"K.{o.pk}.{kode_kegiatan}", "nomenklatur", kode_kegiatan, o.kode, spec_kegiatan)
            for kode_sub, nama_sub, spec_sub in sub:
                kode_penuh = f"{kode_kegiatan}.{kode_sub}"
                lembar.tambah(
                    LEMBAR_PROGRAM, kode=kode_penuh, nama=nama_sub, kode_opd=o.kode, sasaran_rpjmd="",
                    sasaran_pd="",
                )  # fmt: skip
                lembar.indikator(f"S.{o.pk}.{kode_penuh}", "nomenklatur", kode_penuh, o.kode, spec_sub)

    for o in sorted({o.pk: o for o in opd.values()}.values(), key=lambda o: (o.urutan, o.kode)):
        penunjang = f"{o.urusan[0]}.01"
        kegiatan = [(kode, nama, spec, ()) for kode, nama, spec in d.KEGIATAN_PENUNJANG]
        program(o, penunjang, d.PENUNJANG, "4.1.1", d.INDIKATOR_PENUNJANG, kegiatan)
        daftar = d.PROGRAM_KECAMATAN if o.jenis == JenisOpd.KECAMATAN else d.PROGRAM.get(o.singkatan, [])
        for row in daftar:
            kode, nama, sasaran, spec = row[:4]
            kegiatan = [(k, n, s, sub) for k, n, s, sub in (row[4] if len(row) > 4 else [])]
            program(o, kode, nama, sasaran, spec, kegiatan)
    return lembar


def _terapkan(periode: PeriodeRpjmd, lembar: _Lembar, hasil: HasilMatriks) -> None:
    data = muat(periode)
    rencana, galat = periksa(lembar.tabel(), data, TAHUN)
    if galat:
        raise RuntimeError("Data demo tidak lolos pemeriksaan impor: " + "; ".join(map(str, galat[:5])))
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    terapkan(rencana, data, periode, hasil, user=admin)


# Realizations and reports ------------------------------------------------------------------------------


def _nilai_triwulan(rng: random.Random, ind: dict, target: Decimal) -> list[Decimal]:
    """Four plausible triwulan values: cumulative amounts, a level moving towards the target, or readings
    around it; now and then short of it (for a negative indicator: above it)."""
    arah = 1 if ind["polaritas"] == Polaritas.POSITIF else -1
    capai = Decimal(str(rng.choice([0.82, 0.9, 0.95, 0.98, 1.0, 1.02, 1.05, 1.1])))
    akhir = target * (capai if arah > 0 else 2 - capai)
    persen = ind["satuan"] == "%"
    if ind["sifat"] == SifatAgregasi.KUMULATIF:
        bagian = [Decimal("0.18"), Decimal("0.24"), Decimal("0.27"), Decimal("0.31")]
        nilai = [akhir * b for b in bagian]
    elif ind["sifat"] == SifatAgregasi.NILAI_AKHIR:
        awal = ind["kondisi_awal"] if ind["kondisi_awal"] is not None else target
        nilai = [awal + (akhir - awal) * Decimal(q) / 4 for q in range(1, 5)]
    else:
        nilai = [akhir * Decimal(str(rng.uniform(0.97, 1.03))) for _ in range(4)]
    if persen:
        nilai = [min(v, Decimal(100)) for v in nilai]
    return [max(_d(v), Decimal(0)) for v in nilai]


# OPD singkatan → status per triwulan of 2025 (others: a deterministic mix).
STATUS_KHUSUS = {
    "Dinkes": ("diverifikasi", "diverifikasi", "dikembalikan", "draf"),
    "DPUPR": ("diverifikasi", "diverifikasi", "diajukan", "draf"),
}
CAMPURAN_TW3 = ["diajukan", "diajukan", "diverifikasi", "dikembalikan", "draf", "diajukan", "draf"]


def status_opd(index: int, singkatan: str) -> tuple[str, str, str, str]:
    if singkatan in STATUS_KHUSUS:
        return STATUS_KHUSUS[singkatan]
    tw1 = "diajukan" if index % 17 == 5 else "diverifikasi"
    tw2 = {3: "diajukan", 7: "dikembalikan", 11: "draf"}.get(index % 13, "diverifikasi")
    return tw1, tw2, CAMPURAN_TW3[index % len(CAMPURAN_TW3)], "draf"


def _isi(status: str, index: int, tw: int) -> float:
    """Share of an OPD's indicators filled in a triwulan of that status."""
    if status != StatusPelaporan.DRAF:
        return 1.0
    return 0.0 if tw == 4 and index % 3 else 0.6


def _sinkron_realisasi(periode, opd_list, hasil: dict) -> None:
    indikator = list(
        Indikator.objects.filter(periode=periode, opd__in=opd_list)
        .exclude(kode__startswith="L.")  # the large set (kinerja/bench.py) has its own realizations
        .order_by("pk")
        .values("pk", "kode", "opd_id", "polaritas", "sifat", "satuan", "kondisi_awal", "nomenklatur_id")
    )
    target = dict(
        Indikator.objects.filter(periode=periode, target__tahun=TAHUN_REALISASI).values_list(
            "pk", "target__nilai"
        )
    )
    ada = set(
        Realisasi.objects.filter(indikator__periode=periode, tahun=TAHUN_REALISASI).values_list(
            "indikator_id", "triwulan"
        )
    )
    ada_anggaran = set(
        RealisasiAnggaran.objects.filter(nomenklatur__periode=periode, tahun=TAHUN_REALISASI).values_list(
            "nomenklatur_id", "triwulan"
        )
    )
    pagu = dict(
        Pagu.objects.filter(nomenklatur__periode=periode, tahun=TAHUN_REALISASI).values_list(
            "nomenklatur_id", "jumlah"
        )
    )
    kegiatan = set(
        Nomenklatur.objects.filter(periode=periode, tingkat="kegiatan").values_list("pk", flat=True)
    )
    status = {o.pk: status_opd(i, o.singkatan) for i, o in enumerate(opd_list)}
    urut = {o.pk: i for i, o in enumerate(opd_list)}
    baru, anggaran = [], []
    for ind in indikator:
        t = target.get(ind["pk"])
        if t is None:
            continue
        rng = random.Random(f"{SEED}:{ind['kode']}")  # the same draws on every run, whatever exists
        nilai = _nilai_triwulan(rng, ind, t)
        for tw in range(1, 5):
            pilih = rng.random()
            teks = [rng.choice(d.PENDORONG), rng.choice(d.PENGHAMBAT), rng.choice(d.TINDAK_LANJUT)]
            serapan = Decimal(str(round(0.12 + 0.18 * rng.random(), 4)))
            if pilih >= _isi(status[ind["opd_id"]][tw - 1], urut[ind["opd_id"]], tw):
                continue
            if (ind["pk"], tw) not in ada:
                kurang = (nilai[tw - 1] < t) == (ind["polaritas"] == Polaritas.POSITIF)
                baru.append(
                    Realisasi(
                        indikator_id=ind["pk"], tahun=TAHUN_REALISASI, triwulan=tw, nilai=nilai[tw - 1],
                        faktor_pendorong=teks[0], faktor_penghambat=teks[1] if kurang else "",
                        tindak_lanjut=teks[2] if kurang else "",
                    )
                )  # fmt: skip
            n = ind["nomenklatur_id"]
            if n in kegiatan and n in pagu and (n, tw) not in ada_anggaran:
                ada_anggaran.add((n, tw))
                anggaran.append(
                    RealisasiAnggaran(
                        nomenklatur_id=n,
                        tahun=TAHUN_REALISASI,
                        triwulan=tw,
                        nilai=(pagu[n] * serapan).quantize(DUA),
                    )
                )
    Realisasi.objects.bulk_create(baru, batch_size=2000)
    RealisasiAnggaran.objects.bulk_create(anggaran, batch_size=2000)
    hasil["realisasi"] = len(baru)
    hasil["realisasi anggaran"] = len(anggaran)


def _sinkron_pelaporan(periode, opd_list, hasil: dict) -> None:
    ada = set(PelaporanTriwulan.objects.filter(tahun=TAHUN_REALISASI).values_list("opd_id", "triwulan"))
    bappeda = User.objects.filter(daftar_peran__peran=Peran.BAPPEDA).order_by("pk").first()
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    pengisi = {
        p.opd_id: p.user
        for p in PenugasanPeran.objects.filter(peran=Peran.OPERATOR_OPD).select_related("user")
    }
    waktu_tw = {tw: timezone.make_aware(datetime.datetime(TAHUN_REALISASI + (tw == 4), (3 * tw) % 12 + 1, 8,
     9))
                for tw in range(1, 5)}  # fmt: skip
    baru, riwayat, catatan = [], [], []
    for i, o in enumerate(opd_list):
        for tw, status in enumerate(status_opd(i, o.singkatan), start=1):
            if (o.pk, tw) in ada:
                continue
            oleh = pengisi.get(o.pk, admin)
            verifikator = bappeda or admin
            p = PelaporanTriwulan(opd=o, tahun=TAHUN_REALISASI, triwulan=tw, status=status)
            if status != StatusPelaporan.DRAF:
                p.diajukan_oleh, p.diajukan = oleh, waktu_tw[tw]
                riwayat.append((p, StatusPelaporan.DRAF, StatusPelaporan.DIAJUKAN, oleh, ""))
            if status == StatusPelaporan.DIVERIFIKASI:
                p.diverifikasi_oleh, p.diverifikasi = verifikator, waktu_tw[tw] + datetime.timedelta(days=5)
                riwayat.append((p, StatusPelaporan.DIAJUKAN, StatusPelaporan.DIVERIFIKASI, verifikator, ""))
            if status == StatusPelaporan.DIKEMBALIKAN:
                pesan = "Mohon lengkapi bukti dukung dan periksa indikator yang diberi catatan."
                riwayat.append(
                    (p, StatusPelaporan.DIAJUKAN, StatusPelaporan.DIKEMBALIKAN, verifikator, pesan)
                )
                catatan.append((p, o, tw, verifikator))
            baru.append(p)
    PelaporanTriwulan.objects.bulk_create(baru)
    RiwayatPelaporan.objects.bulk_create(
        RiwayatPelaporan(pelaporan=p, dari=dari, ke=ke, oleh=oleh, catatan=teks)
        for p, dari, ke, oleh, teks in riwayat
    )
    indikator = {}
    for pk, opd_id in Indikator.objects.filter(periode=periode).order_by("pk").values_list("pk", "opd_id"):
        indikator.setdefault(opd_id, []).append(pk)
    rows = []
    for p, o, _tw, oleh in catatan:
        for j, ind in enumerate(indikator.get(o.pk, [])[1:4:2]):
            rows.append(
                CatatanVerifikasi(pelaporan=p, indikator_id=ind, catatan=d.CATATAN_VERIFIKASI[j], oleh=oleh)
            )
    CatatanVerifikasi.objects.bulk_create(rows)
    hasil["pelaporan"] = len(baru)


def _sinkron_jadwal(hasil: dict) -> None:
    ada = set(JadwalTriwulan.objects.values_list("tahun", "triwulan"))
    baru = []
    for tahun in (TAHUN_REALISASI, TAHUN_REALISASI + 1):
        for tw in range(1, 5):
            if (tahun, tw) in ada:
                continue
            mulai = datetime.date(tahun + (tw == 4), (3 * tw) % 12 + 1, 1)
            selesai = mulai + datetime.timedelta(days=20)
            if tahun == TAHUN_REALISASI and tw >= 3:
                selesai = datetime.date(TAHUN_REALISASI + 1, 12, 31)  # still open for the demo
            terkunci = tahun == TAHUN_REALISASI and tw <= 2
            baru.append(
                JadwalTriwulan(tahun=tahun, triwulan=tw, mulai=mulai, selesai=selesai, terkunci=terkunci,
                               dikunci=timezone.make_aware(datetime.datetime.combine(selesai,
                                datetime.time(17)))
                               if terkunci else None)
            )  # fmt: skip
    JadwalTriwulan.objects.bulk_create(baru)
    hasil["jadwal"] = len(baru)


def _periode(hasil: dict) -> PeriodeRpjmd:
    periode, dibuat = PeriodeRpjmd.objects.get_or_create(
        tahun_awal=TAHUN_AWAL,
        defaults={
            "tahun_akhir": TAHUN_AWAL + 4, "nama": f"RPJMD {TAHUN_AWAL}–{TAHUN_AWAL + 4}", "visi": d.VISI,
            "status": StatusRencana.DISETUJUI, "disetujui_pada": timezone.make_aware(datetime.datetime(2025,
             6, 2)),
            "dasar_hukum": "Peraturan Daerah Kabupaten Sukamaju Nomor 5 Tahun 2025",
        },
    )  # fmt: skip
    hasil["periode"] = int(dibuat)
    return periode


@transaction.atomic
def seed(*, stdout=None, scale: str = "demo") -> dict:
    """The demo RPJMD and its 2025 realizations (and with scale="large" the benchmark data set)."""
    start = time.monotonic()
    hasil: dict = {}
    matriks = HasilMatriks()
    with pghistory.context(perintah="seed_demo"):
        periode = _periode(hasil)
        opd_list = list(Opd.objects.filter(induk__isnull=True, aktif=True).order_by("urutan", "kode"))
        opd = {o.singkatan: o for o in opd_list} | {o.kode: o for o in opd_list}
        _terapkan(periode, rencana_demo(opd), matriks)
        _sinkron_realisasi(periode, opd_list, hasil)
        _sinkron_pelaporan(periode, opd_list, hasil)
        _sinkron_jadwal(hasil)
    if scale == "large":
        from kinerja.bench import seed_besar

        hasil.update(seed_besar(periode, opd_list))
    if stdout is not None:
        detik = f"{time.monotonic() - start:.1f}".replace(".", ",")
        ringkas = ", ".join(f"{k} {v}" for k, v in hasil.items() if v)
        stdout.write(
            f"Data demo kinerja {periode.nama} siap dalam {detik} detik: "
            f"indikator {Indikator.objects.filter(periode=periode).count()}; "
            f"matriks baru {sum(matriks.dibuat.values())}, diubah {sum(matriks.diubah.values())}"
            + (f"; {ringkas}" if ringkas else "")
            + ".\n"
        )
    if (
        sum(matriks.dibuat.values())
        or sum(matriks.diubah.values())
        or any(v for k, v in hasil.items() if not k.startswith("detik"))
    ):
        # A first-time visitor sees a living dashboard: the scores of what was just written, now.
        from kinerja.services.skor import hitung_skor

        hitung_skor()
    demo_inovasi.seed(stdout=stdout)  # innovations and IKM surveys of the demo OPDs
    return {"matriks": matriks, **hasil}
