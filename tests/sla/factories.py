import datetime as dt

import factory

from sla.choices import SatuanWaktu, StatusSla
from sla.models import Layanan, Sla
from tests.factories import OpdFactory


class LayananFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Layanan

    penyedia = factory.SubFactory(OpdFactory)
    nama = factory.Sequence(lambda n: f"Layanan contoh {n}")


class SlaFactory(factory.django.DjangoModelFactory):
    """A draft by default; `berlaku=True` gives one in force since 2026-01-01 (signatures not recorded)."""

    class Meta:
        model = Sla
        skip_postgeneration_save = True

    layanan = factory.SubFactory(LayananFactory)
    penyedia = factory.SelfAttribute("layanan.penyedia")
    nomor = factory.Sequence(lambda n: f"SLA/TES/2026/{n:03d}")
    persyaratan = factory.LazyFunction(lambda: ["Surat permohonan", "Dokumen pendukung"])
    standar_waktu = 3
    satuan_waktu = SatuanWaktu.HARI_KERJA
    keluaran = "Surat rekomendasi"
    kontak_eskalasi = factory.LazyFunction(
        lambda: [{"nama": "Sekretaris Dinas", "jabatan": "Sekretaris", "kontak": "0267-123"}]
    )
    berlaku_mulai = dt.date(2026, 1, 1)

    class Params:
        berlaku = factory.Trait(
            status=StatusSla.BERLAKU,
            diajukan_pada=dt.datetime(2025, 12, 20, tzinfo=dt.UTC),
            berlaku_pada=dt.datetime(2025, 12, 22, tzinfo=dt.UTC),
        )

    @factory.post_generation
    def penerima(self, create, extracted, **kwargs):
        if create and extracted:
            self.penerima.set(extracted)
