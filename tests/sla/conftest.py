import datetime as dt
from types import SimpleNamespace

import pytest

from sla import services
from sla.calculations import ZONA_WIB
from tests.factories import OpdFactory
from tests.sla.factories import LayananFactory, SlaFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154789c63382127070002"
    "b6010534a675aa0000000049454e44ae426082"
)  # a real 1×1 PNG: images must decode whole


def wib(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=ZONA_WIB)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def sla_ab(two_opds):
    """OPD B (DPUPR) serves OPD A (Dinkes) under an SLA in force: 3 hari kerja."""
    layanan = LayananFactory(penyedia=two_opds.opd_b, nama="Rekomendasi teknis bangunan")
    return SlaFactory(layanan=layanan, berlaku=True, penerima=[two_opds.opd_a])


@pytest.fixture
def opd_c(db):
    return OpdFactory(
        kode="2.16.0.00.0.00.01.0000", nama="Dinas Komunikasi dan Informatika", singkatan="Kominfo"
    )


@pytest.fixture
def permohonan_ab(two_opds, sla_ab):
    """A request from A to B, opened Tuesday 17 March 2026 at 10:00 (before Nyepi and Lebaran)."""
    return services.ajukan_permohonan(
        user=two_opds.users.operator_a, sla=sla_ab, pemohon=two_opds.opd_a, perihal="Rehabilitasi Puskesmas",
        now=wib(2026, 3, 17, 10, 0),
    )  # fmt: skip


@pytest.fixture
def permohonan_ca(two_opds, opd_c):
    """A request from C to A: OPD A serves it, OPD B has nothing to do with it."""
    layanan = LayananFactory(penyedia=two_opds.opd_a, nama="Pemeriksaan kesehatan")
    sla = SlaFactory(layanan=layanan, berlaku=True, penerima=[opd_c])
    from sla.models import Permohonan

    return Permohonan.objects.create(
        sla=sla, penyedia=two_opds.opd_a, pemohon=opd_c, perihal="Pemeriksaan", standar_waktu=3,
        satuan_waktu="hari_kerja", diajukan_pada=wib(2026, 3, 2, 9), lengkap_pada=wib(2026, 3, 2, 9),
    )  # fmt: skip


def ns(**kwargs):
    return SimpleNamespace(**kwargs)


@pytest.fixture
def klien():
    """A separate signed-in client per user (the `login` fixture re-binds one shared client)."""
    from django.test import Client

    def _klien(user):
        client = Client()
        client.force_login(user)
        return client

    return _klien
