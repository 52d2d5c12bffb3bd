import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from opd.klaim_choices import HubunganAhliWaris, JenisDokumenKlaim, ProgramBpjs
from opd.models import AhliWaris, DokumenKlaim, KlaimBpjs
from tests.factories import nik_for

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class KlaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KlaimBpjs

    program = ProgramBpjs.JKM
    waktu_kejadian = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
    tanggal_meninggal = factory.LazyAttribute(lambda o: timezone.localdate(o.waktu_kejadian))
    tempat_kejadian = "Rumah"
    penyebab = "Sakit"
    upah_bpjs = factory.LazyAttribute(lambda o: o.pegawai.upah_bpjs or 0)


class AhliWarisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AhliWaris

    nama = "Sri Wahyuni"
    nik = factory.Sequence(lambda n: nik_for(5000 + n, perempuan=True))
    hubungan = HubunganAhliWaris.SUAMI_ISTRI


def dokumen(klaim, jenis=JenisDokumenKlaim.KTP_PESERTA) -> DokumenKlaim:
    return DokumenKlaim.objects.create(
        klaim=klaim, jenis=jenis, berkas=ContentFile(PDF, name="d.pdf"), nama_asli="ktp.pdf"
    )
