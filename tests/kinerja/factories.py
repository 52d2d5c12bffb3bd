"""Factories for the planning tree and realizations. `IndikatorFactory(opd=...)` builds the whole branch."""

import datetime
import itertools
from decimal import Decimal

import factory

from kinerja.choices import Polaritas, SifatAgregasi, Tingkat
from kinerja.models import (
    Indikator,
    JadwalTriwulan,
    Misi,
    Nomenklatur,
    Pagu,
    PelaporanTriwulan,
    PeriodeRpjmd,
    Realisasi,
    Renstra,
    Sasaran,
    SasaranPd,
    Target,
    Tujuan,
    TujuanPd,
)
from tests.factories import OpdFactory

_kode = itertools.count(1)


class PeriodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeriodeRpjmd
        django_get_or_create = ("tahun_awal",)

    tahun_awal = 2025
    tahun_akhir = factory.LazyAttribute(lambda o: o.tahun_awal + 4)
    nama = factory.LazyAttribute(lambda o: f"RPJMD {o.tahun_awal}–{o.tahun_akhir}")
    visi = "Sukamaju yang Maju, Sejahtera dan Berkelanjutan"


class MisiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Misi

    periode = factory.SubFactory(PeriodeFactory)
    nomor = factory.Sequence(lambda n: str(n + 1))
    uraian = factory.Sequence(lambda n: f"Misi contoh {n}")


class TujuanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tujuan

    misi = factory.SubFactory(MisiFactory)
    nomor = factory.Sequence(lambda n: f"1.{n + 1}")
    uraian = factory.Sequence(lambda n: f"Tujuan contoh {n}")


class SasaranFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sasaran

    tujuan = factory.SubFactory(TujuanFactory)
    nomor = factory.Sequence(lambda n: f"1.1.{n + 1}")
    uraian = factory.Sequence(lambda n: f"Sasaran contoh {n}")


class RenstraFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Renstra
        django_get_or_create = ("periode", "opd")

    periode = factory.SubFactory(PeriodeFactory)
    opd = factory.SubFactory(OpdFactory)


class TujuanPdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TujuanPd

    renstra = factory.SubFactory(RenstraFactory)
    nomor = factory.Sequence(lambda n: str(n + 1))
    uraian = factory.Sequence(lambda n: f"Tujuan PD contoh {n}")


class SasaranPdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SasaranPd

    tujuan = factory.SubFactory(TujuanPdFactory)
    sasaran_rpjmd = factory.SubFactory(SasaranFactory)
    nomor = factory.Sequence(lambda n: str(n + 1))
    uraian = factory.Sequence(lambda n: f"Sasaran PD contoh {n}")


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomenklatur

    periode = factory.SubFactory(PeriodeFactory)
    opd = factory.SubFactory(OpdFactory)
    tingkat = Tingkat.PROGRAM
    urusan = "1"
    bidang = "02"
    program = factory.LazyFunction(lambda: f"{next(_kode) % 99 + 1:02d}")
    kode = factory.LazyAttribute(lambda o: Nomenklatur.susun_kode(o.urusan, o.bidang, o.program))
    nama = factory.Sequence(lambda n: f"Program Contoh {n}")


def _kegiatan(o) -> Nomenklatur:
    segmen = {"urusan": o.urusan, "bidang": o.bidang, "program": o.program}
    program, _ = Nomenklatur.objects.get_or_create(
        periode=o.periode, opd=o.opd, kode=Nomenklatur.susun_kode(*segmen.values()),
        defaults={**segmen, "tingkat": Tingkat.PROGRAM, "nama": f"Program {o.program}"},
    )  # fmt: skip
    kegiatan, _ = Nomenklatur.objects.get_or_create(
        periode=o.periode, opd=o.opd, kode=Nomenklatur.susun_kode(*segmen.values(), o.kegiatan),
        defaults={**segmen, "kegiatan": o.kegiatan, "tingkat": Tingkat.KEGIATAN, "induk": program,
                  "nama": f"Kegiatan {o.kegiatan}"},
    )  # fmt: skip
    return kegiatan


class SubKegiatanFactory(ProgramFactory):
    """A sub kegiatan with its kegiatan and program."""

    tingkat = Tingkat.SUB_KEGIATAN
    induk = factory.LazyAttribute(lambda o: _kegiatan(o))
    kegiatan = "2.01"
    sub_kegiatan = factory.LazyFunction(lambda: f"{next(_kode) % 9999 + 1:04d}")
    kode = factory.LazyAttribute(
        lambda o: Nomenklatur.susun_kode(o.urusan, o.bidang, o.program, o.kegiatan, o.sub_kegiatan)
    )


class PaguFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pagu

    nomenklatur = factory.SubFactory(ProgramFactory)
    tahun = 2025
    jumlah = Decimal("1000000000")


class IndikatorFactory(factory.django.DjangoModelFactory):
    """An indicator on a Renstra sasaran of `opd` (or pass nomenklatur=..., sasaran=... to hang it there)."""

    class Meta:
        model = Indikator
        skip_postgeneration_save = True

    opd = factory.SubFactory(OpdFactory)
    periode = factory.SubFactory(PeriodeFactory)
    sasaran_pd = factory.LazyAttribute(
        lambda o: (
            None
            if (o.tujuan or o.sasaran or o.tujuan_pd or o.nomenklatur)
            else SasaranPdFactory(tujuan__renstra=RenstraFactory(periode=o.periode, opd=o.opd))
        )
    )
    tujuan = None
    sasaran = None
    tujuan_pd = None
    nomenklatur = None
    kode = factory.LazyFunction(lambda: f"IND-{next(_kode):05d}")
    nama = factory.Sequence(lambda n: f"Persentase capaian contoh {n}")
    satuan = "%"
    polaritas = Polaritas.POSITIF
    sifat = SifatAgregasi.NILAI_AKHIR
    kondisi_awal_tahun = 2024
    kondisi_awal = Decimal("70")
    target_akhir = Decimal("90")

    @factory.post_generation
    def targets(self, create, extracted, **kwargs):
        """Targets per year: IndikatorFactory(targets={2025: 80}), by default 80, 82 ... 88."""
        if not create:
            return
        values = extracted or {t: Decimal(80 + 2 * i) for i, t in enumerate(self.periode.tahun)}
        Target.objects.bulk_create(
            [Target(indikator=self, tahun=tahun, nilai=Decimal(nilai)) for tahun, nilai in values.items()]
        )


class RealisasiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Realisasi

    indikator = factory.SubFactory(IndikatorFactory)
    tahun = 2025
    triwulan = 1
    nilai = Decimal("75")


class PelaporanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PelaporanTriwulan
        django_get_or_create = ("opd", "tahun", "triwulan")

    opd = factory.SubFactory(OpdFactory)
    tahun = 2025
    triwulan = 1


class JadwalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JadwalTriwulan
        django_get_or_create = ("tahun", "triwulan")

    tahun = 2025
    triwulan = 1
    mulai = factory.LazyAttribute(lambda o: datetime.date(o.tahun, 1, 1))
    selesai = factory.LazyAttribute(lambda o: datetime.date(o.tahun + 1, 12, 31))
