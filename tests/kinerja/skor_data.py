"""A small planning tree with realizations for the score tests: built in a few bulk statements."""

from decimal import Decimal as D
from types import SimpleNamespace

from kinerja.choices import Tingkat
from kinerja.models import Indikator, Nomenklatur, Pagu, Realisasi, RealisasiAnggaran, Target
from tests.kinerja.factories import (
    MisiFactory,
    PeriodeFactory,
    RenstraFactory,
    SasaranFactory,
    SasaranPdFactory,
    TujuanFactory,
    TujuanPdFactory,
)

TAHUN = 2025


def pohon(opd_a, opd_b):
    """Misi 1 (sasaran 1: A's sasaran PD + B's program) and misi 2 (sasaran 2: B's sasaran PD)."""
    periode = PeriodeFactory()
    misi1, misi2 = MisiFactory(periode=periode, nomor="1"), MisiFactory(periode=periode, nomor="2")
    sas1 = SasaranFactory(tujuan=TujuanFactory(misi=misi1))
    sas2 = SasaranFactory(tujuan=TujuanFactory(misi=misi2))
    spd_a = SasaranPdFactory(
        sasaran_rpjmd=sas1, tujuan=TujuanPdFactory(renstra=RenstraFactory(periode=periode, opd=opd_a))
    )
    spd_b = SasaranPdFactory(
        sasaran_rpjmd=sas2, tujuan=TujuanPdFactory(renstra=RenstraFactory(periode=periode, opd=opd_b))
    )
    prog_b = Nomenklatur.objects.create(
        periode=periode, opd=opd_b, tingkat=Tingkat.PROGRAM, urusan="1", bidang="03", program="02",
        kode="1.03.02", nama="Program Penyelenggaraan Jalan", sasaran=sas1,
    )  # fmt: skip
    keg_b = Nomenklatur.objects.create(
        periode=periode, opd=opd_b, tingkat=Tingkat.KEGIATAN, induk=prog_b, urusan="1", bidang="03",
        program="02", kegiatan="2.01", kode="1.03.02.2.01", nama="Kegiatan Jalan",
    )  # fmt: skip
    sub_b = Nomenklatur.objects.create(
        periode=periode, opd=opd_b, tingkat=Tingkat.SUB_KEGIATAN, induk=keg_b, urusan="1", bidang="03",
        program="02", kegiatan="2.01", sub_kegiatan="0001", kode="1.03.02.2.01.0001",
        nama="Rehabilitasi Jalan",
    )  # fmt: skip
    return SimpleNamespace(
        periode=periode, misi1=misi1, misi2=misi2, sas1=sas1, sas2=sas2, spd_a=spd_a, spd_b=spd_b,
        prog_b=prog_b, keg_b=keg_b, sub_b=sub_b,
    )  # fmt: skip


def indikator(p, opd, *, node, target, polaritas="positif", sifat="nilai_akhir", realisasi=(), atas=None,
              tw_target=(None, None, None, None), kode=None):  # fmt: skip
    """One indicator on `node` (a SasaranPd or a Nomenklatur) with its target for TAHUN and TW values."""
    field = "sasaran_pd" if node.__class__.__name__ == "SasaranPd" else "nomenklatur"
    ind = Indikator.objects.create(
        periode=p.periode, opd=opd, **{field: node}, kode=kode or f"T-{Indikator.objects.count() + 1}",
        nama=f"Indikator {Indikator.objects.count() + 1}", satuan="%", polaritas=polaritas, sifat=sifat,
    )  # fmt: skip
    if target is not None:
        Target.objects.create(
            indikator=ind, tahun=TAHUN, nilai=D(target), nilai_atas=atas,
            tw1=tw_target[0], tw2=tw_target[1], tw3=tw_target[2], tw4=tw_target[3],
        )  # fmt: skip
    Realisasi.objects.bulk_create(
        [Realisasi(indikator=ind, tahun=TAHUN, triwulan=i + 1, nilai=v) for i, v in enumerate(realisasi)]
    )
    return ind


def anggaran(node, pagu, per_tw):
    Pagu.objects.create(nomenklatur=node, tahun=TAHUN, jumlah=D(pagu))
    RealisasiAnggaran.objects.bulk_create(
        [
            RealisasiAnggaran(nomenklatur=node, tahun=TAHUN, triwulan=i + 1, nilai=v)
            for i, v in enumerate(per_tw)
        ]
    )
