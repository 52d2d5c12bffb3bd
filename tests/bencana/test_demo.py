"""seed_demo: a Tanggap Darurat flood, assignments partly acknowledged, claims; a re-run writes nothing."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from bencana.models import KejadianBencana, KlaimPenugasan, LaporanHarian, Penugasan
from opd.models import KlaimBpjs
from sipd.models import User

pytestmark = pytest.mark.django_db
MODELS = [
    "bencana.PenugasanEvent",
    "bencana.LaporanHarianEvent",
    "bencana.StatusDaruratEvent",
    "opd.KlaimBpjsEvent",
]


def test_demo_disaster_and_claims(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    kejadian = KejadianBencana.objects.get()
    status = kejadian.status_darurat.get()
    assert status.get_status_display() == "Tanggap Darurat" and status.penugasan_dibuat
    penugasan = Penugasan.objects.filter(status_darurat=status)
    siap = penugasan.filter(siap__isnull=False).count()
    assert 0 < siap < penugasan.count()
    assert not penugasan.filter(opd__singkatan="Dinkes", siap__isnull=False).exists()  # left for the demo
    assert (
        LaporanHarian.objects.exists()
        and KlaimBpjs.objects.count() == 2
        and KlaimPenugasan.objects.count() == 1
    )
    assert User.objects.get(username="kepala.bpbd").daftar_peran.get().opd.singkatan == "BPBD"
    assert "Banjir Kecamatan" in out.getvalue()

    events = {name: apps.get_model(name).objects.count() for name in MODELS}
    call_command("seed_demo", stdout=io.StringIO())
    assert {name: apps.get_model(name).objects.count() for name in MODELS} == events
