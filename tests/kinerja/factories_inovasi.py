"""Factories for Inovasi Daerah and IKM surveys."""

import datetime
import itertools

import factory

from kinerja.models import Inovasi, ResponIkm, SurveiIkm
from tests.factories import OpdFactory

_token = itertools.count(1)


class InovasiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inovasi

    opd = factory.SubFactory(OpdFactory)
    nama = factory.Sequence(lambda n: f"Inovasi Contoh {n}")
    jenis = "pelayanan_publik"
    tahapan = "penerapan"
    tanggal_inisiatif = datetime.date(2024, 1, 10)
    tanggal_uji_coba = datetime.date(2024, 4, 1)
    tanggal_penerapan = datetime.date(2024, 9, 1)
    permasalahan = "Antrean panjang"
    metode = "Pendaftaran daring"
    manfaat = "Waktu tunggu berkurang"


class SurveiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveiIkm

    opd = factory.SubFactory(OpdFactory)
    unit_layanan = factory.Sequence(lambda n: f"Puskesmas Contoh {n}")
    tahun = 2025
    periode = "s1"
    tanggal_mulai = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    tanggal_selesai = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    populasi = 1000
    token = factory.LazyFunction(lambda: f"uji-{next(_token):06d}")


def respon(survei, jawaban, **extra):
    """Bulk-create respondents from lists of nine answers."""
    fields = [f"u{i}" for i in range(1, 10)]
    start = ResponIkm.objects.filter(survei=survei).count()
    return ResponIkm.objects.bulk_create(
        ResponIkm(survei=survei, perangkat=f"p{start + i}", **dict(zip(fields, row, strict=True)), **extra)
        for i, row in enumerate(jawaban)
    )
