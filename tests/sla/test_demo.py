"""The SLA part of `seed_demo`: every state shown, signatures complete, a second run writes nothing."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sla.choices import StatusPermohonan, StatusSla
from sla.models import Permohonan, Sla
from sla.services import penanda_tangan_wajib

pytestmark = pytest.mark.django_db
WRITE_SQL = re.compile(r'\bINSERT INTO\b|\bUPDATE "|\bDELETE FROM\b')


def test_sla_demo_is_complete_and_idempotent(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "SLA demo: 7 versi SLA, 120 permohonan" in out.getvalue()
    assert set(Sla.objects.values_list("status", flat=True)) == set(StatusSla.values)
    assert set(Permohonan.objects.values_list("status", flat=True)) >= {
        StatusPermohonan.DIAJUKAN, StatusPermohonan.MENUNGGU_KELENGKAPAN, StatusPermohonan.DIPROSES,
        StatusPermohonan.SELESAI, StatusPermohonan.DITOLAK,
    }  # fmt: skip
    for sla in Sla.objects.filter(status__in=[StatusSla.BERLAKU, StatusSla.DIGANTI]):
        wajib = {opd.pk for _p, opd in penanda_tangan_wajib(sla)}
        assert set(sla.tanda_tangan.values_list("opd_id", flat=True)) == wajib, sla
    for p in Permohonan.objects.filter(status=StatusPermohonan.SELESAI)[:40]:
        p.full_clean()
        assert p.diajukan_pada <= p.ditutup_pada and p.durasi_menit >= 0

    with CaptureQueriesContext(connection) as queries:
        call_command("seed_demo", stdout=io.StringIO())
    assert not [q for q in queries if WRITE_SQL.search(q["sql"])]
