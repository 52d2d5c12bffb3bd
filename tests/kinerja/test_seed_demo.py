"""`seed_demo` loads a living RPJMD 2025–2029: real nomenclature, a few hundred indicators, 2025
realizations in mixed workflow states; a second run writes nothing."""

import io
from collections import Counter

import pytest
from django.apps import apps
from django.core.management import call_command

from kinerja.choices import Polaritas, SifatAgregasi, StatusPelaporan
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
)
from kinerja.validators import urai_kode

pytestmark = pytest.mark.django_db
EVENTS = ["MisiEvent", "IndikatorEvent", "TargetEvent", "NomenklaturEvent", "PaguEvent", "RealisasiEvent",
          "RealisasiAnggaranEvent", "PelaporanTriwulanEvent", "JadwalTriwulanEvent"]  # fmt: skip


@pytest.fixture(autouse=True)
def _isolated_and_fast(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def seed_demo() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_demo_rpjmd_is_complete_and_realistic():
    seed_demo()
    periode = PeriodeRpjmd.objects.get()
    assert (periode.tahun_awal, periode.tahun_akhir, periode.status) == (2025, 2029, "disetujui")
    indikator = Indikator.objects.filter(periode=periode)
    assert 300 <= indikator.count() <= 600
    assert set(indikator.values_list("polaritas", flat=True)) == set(Polaritas.values)
    assert set(indikator.values_list("sifat", flat=True)) == set(SifatAgregasi.values)
    assert indikator.filter(nama="Angka Kematian Ibu", polaritas="negatif", opd__singkatan="Dinkes").exists()
    assert indikator.filter(nama="Prevalensi stunting pada balita", polaritas="negatif").exists()
    assert indikator.filter(nama="Indeks Pembangunan Manusia").exists()
    # Every indicator has five yearly targets; every code follows Permendagri 90/2019.
    assert Counter(indikator.values_list("target__tahun", flat=True)) == dict.fromkeys(
        periode.tahun, indikator.count()
    )
    for kode in Nomenklatur.objects.values_list("kode", flat=True):
        urai_kode(kode)
    assert Nomenklatur.objects.get(kode="1.02.02", opd__singkatan="Dinkes").nama == (
        "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"
    )
    assert Nomenklatur.objects.filter(kode="1.03.03", opd__singkatan="DPUPR").exists()
    assert Nomenklatur.objects.filter(tingkat="sub_kegiatan", sub_kegiatan__regex=r"^\d{4}$").exists()
    assert Pagu.objects.filter(tahun=2025).count() >= 300
    # 2025 realizations and reports in every workflow state; Dinkes returned with comments in TW III.
    assert Realisasi.objects.filter(tahun=2025).count() > 900 and RealisasiAnggaran.objects.exists()
    status = Counter(PelaporanTriwulan.objects.values_list("status", flat=True))
    assert set(status) == set(StatusPelaporan.values) and status["diverifikasi"] > status["dikembalikan"]
    dinkes_tw3 = PelaporanTriwulan.objects.get(opd__singkatan="Dinkes", tahun=2025, triwulan=3)
    assert (
        dinkes_tw3.status == "dikembalikan"
        and CatatanVerifikasi.objects.filter(pelaporan=dinkes_tw3).exists()
    )
    assert PelaporanTriwulan.objects.get(opd__singkatan="DPUPR", tahun=2025, triwulan=3).status == "diajukan"
    assert list(JadwalTriwulan.objects.filter(terkunci=True).values_list("tahun", "triwulan")) == [
        (2025, 1),
        (2025, 2),
    ]
    assert JadwalTriwulan.objects.filter(tahun=2026).count() == 4


def test_second_run_writes_nothing():
    seed_demo()
    events = {name: apps.get_model("kinerja", name).objects.count() for name in EVENTS}
    counts = (Indikator.objects.count(), Realisasi.objects.count(), PelaporanTriwulan.objects.count())
    output = seed_demo()
    assert "matriks baru 0, diubah 0." in output
    assert {name: apps.get_model("kinerja", name).objects.count() for name in EVENTS} == events
    assert (Indikator.objects.count(), Realisasi.objects.count(), PelaporanTriwulan.objects.count()) == counts
