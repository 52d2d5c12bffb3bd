"""Kinerja benchmarks (`make bench NAME=kinerja`) and the large data set of `seed_demo --scale large`.

Issue 3 targets: the grid of an OPD with 200 indicators under 300 ms server time; saving one cell under
100 ms; importing a 5.000-indicator matrix under 15 s. This module measures the import; the grid, the cell
save and the RPJMD report are in bench_grid, the scores and the dashboard in bench_skor.
"""

from __future__ import annotations

import io
import random
from decimal import Decimal

import openpyxl
import pgtrigger
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction

from kinerja import bench_grid, bench_skor
from kinerja.choices import Polaritas, SifatAgregasi
from kinerja.impor.kolom import LEMBAR_DATA, LEMBAR_INDIKATOR, LEMBAR_PROGRAM, LEMBAR_RPJMD, kolom_lembar
from kinerja.impor.simpan import HasilMatriks, impor_matriks
from kinerja.models import Indikator, Misi, Nomenklatur, PeriodeRpjmd, Sasaran, Target, Tujuan
from opd.models import Opd
from sipd.bench import ukur
from sipd.models import User

JUMLAH_BESAR = 5_000
SIFAT = list(SifatAgregasi.values)


def _baris_besar(opd_list, jumlah: int, tahun) -> dict[str, list]:
    """Matrix rows of `jumlah` indicators spread over the OPDs, each on a load-test program X.XX.99 of its OPD
    (apart from the demo's own programs, so the demo and the large set never overwrite each other)."""
    rng = random.Random(5000)
    rpjmd = [["misi", "9", None, "Misi uji beban"], ["tujuan", "9.1", "9", "Tujuan uji beban"],
             ["sasaran", "9.1.1", "9.1", "Sasaran uji beban"]]  # fmt: skip
    program = [
        [f"{o.urusan[0]}.99", "Program Uji Beban", o.kode, "9.1.1", None,
         *([1_000_000_000] * len(tahun))]
        for o in opd_list
    ]  # fmt: skip
    indikator = []
    for i in range(jumlah):
        o = opd_list[i % len(opd_list)]
        awal = round(rng.uniform(40, 90), 2)
        negatif = i % 4 == 3
        langkah = -0.8 if negatif else 1.5
        indikator.append(
            [f"L.{i:05d}", "nomenklatur", f"{o.urusan[0]}.99", o.kode, f"Indikator uji beban {i:05d}", "%",
             Polaritas.NEGATIF if negatif else Polaritas.POSITIF, SIFAT[i % 3], None, tahun[0] - 1, awal,
             *(round(awal + langkah * (k + 1), 2) for k in range(len(tahun))),
             round(awal + langkah * len(tahun), 2), None, None]
        )  # fmt: skip
    return {LEMBAR_RPJMD: rpjmd, "Renstra": [], LEMBAR_PROGRAM: program, LEMBAR_INDIKATOR: indikator}


def berkas_besar(opd_list, tahun, jumlah: int = JUMLAH_BESAR) -> SimpleUploadedFile:
    rows = _baris_besar(opd_list, jumlah, tahun)
    kolom = kolom_lembar(tahun)
    wb = openpyxl.Workbook(write_only=True)
    for nama in LEMBAR_DATA:
        sheet = wb.create_sheet(nama)
        sheet.append([k.nama for k in kolom[nama]])
        for row in rows[nama]:
            sheet.append(row)
    out = io.BytesIO()
    wb.save(out)
    return SimpleUploadedFile("matriks-besar.xlsx", out.getvalue())


def seed_besar(periode: PeriodeRpjmd, opd_list) -> dict:
    """5.000 indicators through the import writer, then 5 years × 4 triwulan of realizations generated in
    one INSERT … SELECT generate_series (rows that exist are left alone)."""
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    waktu = ukur(lambda: _tulis_besar(admin, periode, opd_list))
    hasil, realisasi = waktu["hasil"]
    return {
        "indikator besar baru": hasil.dibuat["indikator"],
        "realisasi besar baru": realisasi,
        "detik skala besar": round(waktu["total"], 1),
    }


@transaction.atomic
def _tulis_besar(admin, periode: PeriodeRpjmd, opd_list) -> tuple[HasilMatriks, int]:
    """The import writer, then the realizations; one transaction. The indicators and the new rows."""
    hasil = impor_matriks(user=admin, periode=periode, file=berkas_besar(opd_list, list(periode.tahun)))
    # Synthetic load data: no audit events for these 100.000 rows (the trigger would be 10× the insert).
    with pgtrigger.ignore("kinerja.Realisasi:insert_insert"), connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO kinerja_realisasi (indikator_id, tahun, triwulan, nilai, faktor_pendorong,
                                           faktor_penghambat, tindak_lanjut, diubah)
            SELECT i.id, t.tahun, q,
                   round(CASE WHEN i.sifat = 'kumulatif' THEN t.nilai / 4 ELSE t.nilai END
                         * (0.85 + ((i.id * 31 + t.tahun * 7 + q * 13) %% 30) / 100.0), 2),
                   '', '', '', now()
            FROM kinerja_indikator i
            JOIN kinerja_target t ON t.indikator_id = i.id
            CROSS JOIN generate_series(1, 4) q
            WHERE i.periode_id = %s AND i.kode LIKE 'L.%%'
            ON CONFLICT (indikator_id, tahun, triwulan) DO NOTHING
            """,
            [periode.pk],
        )
        return hasil, cursor.rowcount


class _Batal(Exception):
    pass


def _impor_naif(user, periode, tahun, rows) -> None:
    """The baseline: what a first version would do, one ORM save per row (get or create, then save)."""
    misi, _ = Misi.objects.get_or_create(periode=periode, nomor="9", defaults={"uraian": "Misi uji beban"})
    tujuan, _ = Tujuan.objects.get_or_create(misi=misi, nomor="9.1", defaults={"uraian": "Tujuan"})
    Sasaran.objects.get_or_create(tujuan=tujuan, nomor="9.1.1", defaults={"uraian": "Sasaran"})
    opd = {o.kode: o for o in Opd.objects.all()}
    for kode, nama, kode_opd, *_rest in rows[LEMBAR_PROGRAM]:
        u, b, p = kode.split(".")
        Nomenklatur.objects.get_or_create(
            periode=periode, opd=opd[kode_opd], kode=kode,
            defaults={"tingkat": "program", "urusan": u, "bidang": b, "program": p, "nama": nama},
        )  # fmt: skip
    for row in rows[LEMBAR_INDIKATOR]:
        kode, _simpul, ref, kode_opd, nama, satuan, polaritas, sifat, _iku, th, awal, *sisa = row
        nomenklatur = Nomenklatur.objects.get(periode=periode, opd=opd[kode_opd], kode=ref)
        ind = Indikator.objects.filter(periode=periode, kode=kode).first() or Indikator(
            periode=periode, kode=kode
        )
        ind.nomenklatur, ind.opd, ind.nama, ind.satuan = nomenklatur, opd[kode_opd], nama, satuan
        ind.polaritas, ind.sifat, ind.kondisi_awal_tahun, ind.kondisi_awal = (
            polaritas,
            sifat,
            th,
            Decimal(str(awal)),
        )
        ind.save()
        for t, nilai in zip(tahun, sisa, strict=False):
            Target.objects.update_or_create(indikator=ind, tahun=t, defaults={"nilai": Decimal(str(nilai))})


def bench_impor_matriks() -> dict:
    """Import 5.000 indicators (×5 yearly targets) into a fresh period, import again (no change), then the
    naive per-row ORM import of the same rows; everything rolled back at the end."""
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    opd_list = list(Opd.objects.filter(induk__isnull=True, aktif=True).order_by("urutan", "kode"))
    if admin is None or len(opd_list) < 10:
        raise RuntimeError("Jalankan dulu: manage.py seed_demo --scale large")
    hasil: dict = {"OPD": len(opd_list), "indikator": JUMLAH_BESAR}
    try:
        with transaction.atomic():
            periode = PeriodeRpjmd.objects.create(
                tahun_awal=2090, tahun_akhir=2094, nama="Uji beban", visi="-"
            )
            tahun = list(periode.tahun)
            berkas = berkas_besar(opd_list, tahun)
            hasil["ukuran berkas (KB)"] = round(berkas.size / 1024)
            for label in ("impor pertama (s)", "impor ulang tanpa perubahan (s)"):
                berkas.seek(0)
                waktu = ukur(lambda: impor_matriks(user=admin, periode=periode, file=berkas))
                r: HasilMatriks = waktu["hasil"]
                hasil[label] = round(waktu["total"], 2)
                hasil[label.replace("(s)", "CPU Python (s)")] = round(waktu["cpu"], 2)
                hasil[label.replace("(s)", "baru/diubah")] = (
                    f"{sum(r.dibuat.values())}/{sum(r.diubah.values())}"
                )
            raise _Batal
    except _Batal:
        pass
    try:
        with transaction.atomic():
            periode = PeriodeRpjmd.objects.create(
                tahun_awal=2090, tahun_akhir=2094, nama="Uji beban", visi="-"
            )
            tahun = list(periode.tahun)
            rows = _baris_besar(opd_list, JUMLAH_BESAR, tahun)
            waktu = ukur(lambda: _impor_naif(admin, periode, tahun, rows))
            hasil["baseline naif per baris (s)"] = round(waktu["total"], 2)
            raise _Batal
    except _Batal:
        pass
    hasil["rasio baseline / impor pertama"] = round(
        hasil["baseline naif per baris (s)"] / hasil["impor pertama (s)"], 1
    )
    hasil["target issue (s)"] = 15
    return hasil


def _data_besar(fn):
    """Every kinerja benchmark runs on `seed_demo --scale large`, seeded once into the throwaway database."""

    def jalankan() -> dict:
        from django.core.management import call_command

        from kinerja.models import Indikator

        if Indikator.objects.count() < JUMLAH_BESAR:
            call_command("seed_demo", scale="large")
        return fn()

    jalankan.__doc__ = fn.__doc__
    return jalankan


BENCHMARKS = {
    name: _data_besar(fn)
    for name, fn in {
        "impor_matriks": bench_impor_matriks,
        **bench_grid.BENCHMARKS,
        **bench_skor.BENCHMARKS,
    }.items()
}
