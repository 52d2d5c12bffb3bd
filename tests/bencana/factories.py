"""Factories and builders for the bencana tests: the BPBD, a disaster, a decree and its assignments."""

import datetime
import io

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from bencana.choices import DasarPenugasan, StatusKeadaan, UnitTugas
from bencana.models import FotoKejadian, JenisBencana, KejadianBencana, Penugasan, StatusDarurat
from opd.choices import JenisOpd
from opd.models import Opd
from sipd.roles import Peran
from tests.factories import OpdFactory, PegawaiFactory, UserFactory


def png_bytes(size=(8, 8), color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(size=(8, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


def bpbd() -> Opd:
    """The BPBD with a head; created once per test database state."""
    opd = Opd.objects.filter(singkatan="BPBD").first()
    if opd is None:
        opd = OpdFactory(
            kode="1.05.0.00.0.00.02.0000",
            nama="Badan Penanggulangan Bencana Daerah",
            singkatan="BPBD",
            jenis=JenisOpd.BADAN,
            urusan=["1.05"],
        )
        opd.kepala = PegawaiFactory(opd=opd, nama="Kalak BPBD", jabatan="Kepala Pelaksana BPBD")
        opd.save()
    return opd


def banjir() -> JenisBencana:
    """The migration seeds the kinds; a transactional test's flush empties the table, so create on demand."""
    return JenisBencana.objects.get_or_create(nama="Banjir")[0]


def kecamatan() -> Opd:
    return Opd.objects.filter(jenis=JenisOpd.KECAMATAN).first() or OpdFactory(
        kode="7.01.0.00.0.00.01.0000", nama="Kecamatan Sukamaju", singkatan="Kec. Sukamaju",
        jenis=JenisOpd.KECAMATAN, urusan=["7.01"],
    )  # fmt: skip


def pengguna_bpbd(peran=Peran.KEPALA_OPD, username="kepala_bpbd"):
    return UserFactory(username=username, peran=[(peran, bpbd())])


class KejadianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KejadianBencana

    opd = factory.LazyFunction(bpbd)
    jenis = factory.LazyFunction(banjir)
    judul = factory.Sequence(lambda n: f"Banjir Sukamaju {n}")
    waktu = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=2))
    kecamatan = factory.LazyFunction(kecamatan)
    uraian = "Sungai meluap"
    pengungsi = 120


class StatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusDarurat

    kejadian = factory.SubFactory(KejadianFactory)
    status = StatusKeadaan.TANGGAP
    nomor_sk = factory.Sequence(lambda n: f"360/Kep.{n}-BPBD/2026")
    tanggal_sk = factory.LazyFunction(timezone.localdate)
    mulai = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    selesai = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=6))
    berakhir = factory.LazyAttribute(lambda o: o.selesai)


class PenugasanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Penugasan

    status_darurat = factory.SubFactory(StatusFactory)
    pegawai = factory.SubFactory(PegawaiFactory, opd=factory.LazyFunction(bpbd))
    opd = factory.LazyAttribute(lambda o: o.pegawai.opd)
    unit = UnitTugas.OPERASI
    dasar = DasarPenugasan.OTOMATIS
    mulai = factory.LazyAttribute(lambda o: o.status_darurat.mulai)
    selesai = factory.LazyAttribute(lambda o: o.status_darurat.berakhir)


def penugasan_a(f) -> Penugasan:
    """The matrix's object: an assignment of OPD A's staff member under a decree of a BPBD disaster."""
    return PenugasanFactory(pegawai=f.pegawai_a)


def foto_kejadian(f) -> FotoKejadian:
    kejadian = KejadianFactory()
    return FotoKejadian.objects.create(kejadian=kejadian, berkas=ContentFile(png_bytes(), name="foto.png"))


def hari_ini() -> datetime.date:
    return timezone.localdate()
