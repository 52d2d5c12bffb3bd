"""The set-based scoring engine: indicator scores, roll-ups, completeness, serapan, idempotence, overlap."""

import datetime
import threading
from decimal import Decimal as D

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from kinerja.choices import StatusPelaporan
from kinerja.models import BuktiDukung, Indikator, Realisasi, SkorIndikator, SkorRingkasan
from kinerja.services.skor import hitung_skor
from tests.kinerja.factories import JadwalFactory, PelaporanFactory
from tests.kinerja.skor_data import TAHUN, anggaran, indikator, pohon


def dua(v):
    return None if v is None else D(v).quantize(D("0.01"))


@pytest.fixture
def data(two_opds):
    a, b = two_opds.opd_a, two_opds.opd_b
    p = pohon(a, b)
    p.i1 = indikator(p, a, node=p.spd_a, target=80, realisasi=[D(70), D(80)])
    p.i2 = indikator(p, a, node=p.spd_a, target=10, polaritas="negatif", sifat="kumulatif",
                     realisasi=[D(3), D(4)])  # fmt: skip
    p.i3 = indikator(p, a, node=p.spd_a, target=0, sifat="rata_rata", realisasi=[D(5)])
    p.i4 = indikator(p, b, node=p.sub_b, target=100, sifat="kumulatif", realisasi=[D(10), D(20)],
                     tw_target=(D(20), D(25), D(25), D(30)))  # fmt: skip
    p.i5 = indikator(p, b, node=p.spd_b, target=50, atas=D(60), realisasi=[D(55)])
    anggaran(p.sub_b, 1_000_000, [D(100_000), D(200_000)])
    anggaran(p.prog_b, 1_000_000, [])  # the program's pagu sums its sub kegiatan: not counted twice
    BuktiDukung.objects.create(
        realisasi=Realisasi.objects.get(indikator=p.i1, triwulan=1), token="t1", berkas="bukti/t1.pdf",
        nama_asli="t1.pdf", jenis_mime="application/pdf", ukuran=10,
    )  # fmt: skip
    PelaporanFactory(opd=a, tahun=TAHUN, triwulan=1, status=StatusPelaporan.DIVERIFIKASI)
    JadwalFactory(
        tahun=TAHUN, triwulan=1, mulai=datetime.date(2025, 4, 1), selesai=datetime.date(2025, 4, 15)
    )
    p.a, p.b = a, b
    return p


def skor(ind, tw):
    return SkorIndikator.objects.get(indikator=ind, tahun=TAHUN, triwulan=tw)


def ringkasan(tingkat, objek_id, tw):
    return SkorRingkasan.objects.get(tingkat=tingkat, objek_id=objek_id, tahun=TAHUN, triwulan=tw)


def test_indicator_scores(data):
    hitung_skor(tahun=TAHUN)
    s = skor(data.i1, 1)
    assert (dua(s.capaian), s.predikat, s.terisi, s.berbukti, s.terverifikasi) == (
        D("87.50"),
        "Tinggi",
        True,
        True,
        True,
    )
    assert (dua(skor(data.i1, 2).capaian), skor(data.i1, 2).berbukti) == (D("100.00"), False)
    assert (skor(data.i1, 3).terisi, dua(skor(data.i1, 3).capaian)) == (False, D("100.00"))
    s = skor(data.i2, 2)  # negative kumulatif: R = 7, (20 − 7) / 10
    assert (s.realisasi, dua(s.capaian), dua(s.capaian_terbatas)) == (D(7), D("130.00"), D("120.00"))
    assert skor(data.i3, 1).capaian is None and skor(data.i3, 1).predikat == ""
    s = skor(data.i4, 2)  # triwulan targets: 20 + 25 to date, R = 30
    assert (s.target, dua(s.capaian), s.predikat) == (D(45), D("66.67"), "Sedang")
    assert dua(skor(data.i5, 1).capaian) == D("100.00")
    assert (skor(data.i4, 1).program_id, skor(data.i4, 1).sasaran_id) == (data.prog_b.pk, data.sas1.pk)
    assert skor(data.i4, 1).misi_id == data.misi1.pk
    assert (skor(data.i5, 1).sasaran_pd_id, skor(data.i5, 1).misi_id) == (data.spd_b.pk, data.misi2.pk)


def test_rollups_average_capped_values_and_rpjmd_is_the_mean_over_misi(data):
    hitung_skor(tahun=TAHUN)
    assert dua(ringkasan("opd", data.a.pk, 1).capaian) == D("103.75")  # (87.5 + 120) / 2
    assert dua(ringkasan("opd", data.b.pk, 1).capaian) == D("75.00")
    assert dua(ringkasan("sasaran_pd", data.spd_a.pk, 1).capaian) == D("103.75")
    assert ringkasan("program", data.prog_b.pk, 1).opd_id == data.b.pk
    assert dua(ringkasan("sasaran", data.sas1.pk, 1).capaian) == D("85.83")  # 87.5, 120, 50
    assert dua(ringkasan("misi", data.misi2.pk, 1).capaian) == D("100.00")
    rpjmd = ringkasan("rpjmd", data.periode.pk, 1)
    assert (dua(rpjmd.capaian), rpjmd.predikat) == (D("92.92"), "Sangat Tinggi")  # (85.83 + 100) / 2
    assert rpjmd.sebaran_predikat == [2, 1, 0, 0, 1]
    jumlah = (rpjmd.jumlah_indikator, rpjmd.jumlah_capaian, rpjmd.jumlah_terisi, rpjmd.jumlah_berbukti)
    assert jumlah == (5, 4, 5, 1)
    assert rpjmd.opd_id is None
    tw2 = ringkasan("rpjmd", data.periode.pk, 2)
    assert (tw2.jumlah_terisi, dua(tw2.kelengkapan)) == (3, D("60.00"))


def test_serapan_counts_each_budget_item_once(data):
    hitung_skor(tahun=TAHUN)
    for tingkat, objek in (("opd", data.b.pk), ("program", data.prog_b.pk), ("rpjmd", data.periode.pk)):
        row = ringkasan(tingkat, objek, 2)
        assert (row.pagu, row.realisasi_anggaran, dua(row.serapan)) == (D(1_000_000), D(300_000), D("30.00"))
    assert dua(ringkasan("opd", data.b.pk, 4).serapan) == D("30.00")
    assert ringkasan("opd", data.a.pk, 1).serapan is None  # no budget items


def test_late_opds_and_verification(data):
    hitung_skor(tahun=TAHUN)
    a, b = ringkasan("opd", data.a.pk, 1), ringkasan("opd", data.b.pk, 1)
    assert (a.status_pelaporan, a.terlambat, a.jumlah_terverifikasi) == ("diverifikasi", False, 3)
    assert (b.status_pelaporan, b.terlambat, b.batas_pelaporan) == ("draf", True, datetime.date(2025, 4, 15))
    assert ringkasan("opd", data.b.pk, 2).terlambat is False  # no window set for TW II


def test_idempotent_and_changes_only_what_changed(data):
    first = hitung_skor(tahun=TAHUN)
    assert first["indikator"] == 5 * 4
    assert hitung_skor(tahun=TAHUN) == {"indikator": 0, "ringkasan": 0}
    Realisasi.objects.filter(indikator=data.i5, triwulan=1).update(nilai=D(40))
    written = hitung_skor(tahun=TAHUN, opd_ids=[data.b.pk])
    assert written["indikator"] == 4  # i5, every triwulan-to-date
    assert dua(skor(data.i5, 1).capaian) == D("80.00")
    assert dua(ringkasan("opd", data.b.pk, 1).capaian) == D("65.00")


def test_stale_rows_go_away(data):
    hitung_skor(tahun=TAHUN)
    data.i5.delete()
    hitung_skor(tahun=TAHUN, opd_ids=[data.b.pk])
    assert not SkorRingkasan.objects.filter(tingkat="misi", objek_id=data.misi2.pk).exists()
    assert not SkorRingkasan.objects.filter(tingkat="sasaran_pd", objek_id=data.spd_b.pk).exists()


def test_a_fixed_number_of_queries_whatever_the_number_of_indicators(data):
    with CaptureQueriesContext(connection) as small:
        hitung_skor(tahun=TAHUN)
    for i in range(40):
        indikator(data, data.a, node=data.spd_a, target=50 + i, realisasi=[D(i), D(i + 1), D(i + 2)])
    with CaptureQueriesContext(connection) as large:
        written = hitung_skor(tahun=TAHUN)
    # savepoint, advisory lock, SET LOCAL jit, indicator upsert, roll-up upsert, release
    assert len(small) == len(large) == 6
    assert written["indikator"] == 40 * 4


def test_every_year_of_the_period(data):
    hitung_skor()
    assert set(SkorIndikator.objects.values_list("tahun", flat=True)) == set(range(2025, 2030))
    assert SkorIndikator.objects.filter(tahun=2026, capaian__isnull=False).count() == 0


@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_queue_and_agree(two_opds):
    p = pohon(two_opds.opd_a, two_opds.opd_b)
    for i in range(30):
        indikator(p, two_opds.opd_a, node=p.spd_a, target=40 + i, realisasi=[D(i), D(2 * i)])
    errors, barrier = [], threading.Barrier(2)

    def run():
        try:
            barrier.wait()
            hitung_skor(tahun=TAHUN)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert SkorIndikator.objects.count() == 30 * 4
    assert hitung_skor(tahun=TAHUN) == {"indikator": 0, "ringkasan": 0}
    assert Indikator.objects.count() == 30
