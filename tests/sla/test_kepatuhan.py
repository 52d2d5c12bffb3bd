"""Compliance computed set-based: known rows, known answers; who sees which provider; flat query counts."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from sla import reports, selectors
from sla.models import Permohonan
from tests.sla.conftest import wib
from tests.sla.factories import LayananFactory, SlaFactory

pytestmark = pytest.mark.django_db
NOW = wib(2026, 12, 31, 12)


def buat(sla, pemohon, n, **kw):
    base = {
        "sla": sla, "penyedia_id": sla.penyedia_id, "pemohon": pemohon, "perihal": "x", "standar_waktu": 3,
        "satuan_waktu": "hari_kerja", "diajukan_pada": wib(2026, 2, 2, 9), "lengkap_pada": wib(2026, 2, 2, 9),
    }  # fmt: skip
    return Permohonan.objects.bulk_create([Permohonan(**{**base, **kw}) for _ in range(n)])


def selesai(sla, pemohon, hari, tepat, ditutup=None):
    return buat(
        sla, pemohon, 1, status="selesai", mulai=wib(2026, 2, 2, 9), tenggat=wib(2026, 2, 5, 16),
        ditutup_pada=ditutup or wib(2026, 2, 5, 10), durasi_hari=Decimal(hari),
        durasi_menit=int(Decimal(hari) * 510), tepat_waktu=tepat,
    )  # fmt: skip


@pytest.fixture
def data(two_opds, sla_ab, opd_c):
    """B serves A: five done in 2026 (durations 1, 2, 3, 4, 10 days; the 10 is late), one rejected, one open
    past due, one open not yet due, one done in 2025 (out of the period). A serves C: one done on time."""
    for hari, tepat in [("1", True), ("2", True), ("3", True), ("4", True), ("10", False)]:
        selesai(sla_ab, two_opds.opd_a, hari, tepat)
    selesai(sla_ab, two_opds.opd_a, "2", True, ditutup=wib(2025, 12, 30, 10))
    buat(sla_ab, two_opds.opd_a, 1, status="ditolak", ditutup_pada=wib(2026, 3, 1, 9), alasan_tolak="x")
    buat(
        sla_ab, two_opds.opd_a, 1, status="diproses", mulai=wib(2026, 11, 2, 9), tenggat=wib(2026, 11, 5, 16)
    )
    buat(
        sla_ab, two_opds.opd_a, 1, status="diproses", mulai=wib(2026, 12, 30, 9), tenggat=wib(2027, 1, 4, 16)
    )
    sla_ac = SlaFactory(layanan=LayananFactory(penyedia=two_opds.opd_a), berlaku=True, penerima=[opd_c])
    selesai(sla_ac, opd_c, "1.5", True)
    return two_opds


def test_per_opd_measures(data):
    rows = {r["opd_nama"]: r for r in selectors.kepatuhan_per_opd(data.users.bappeda, tahun=2026, now=NOW)}
    b = rows[data.opd_b.nama]
    assert (b["selesai"], b["tepat"], b["terlambat"], b["ditolak"]) == (5, 4, 1, 1)
    assert b["persen_tepat"] == Decimal(80)
    assert b["median_hari"] == 3.0
    assert b["p90_hari"] == pytest.approx(4 + 0.6 * 6)  # percentile_cont: between 4 and 10
    assert b["median_jam"] == pytest.approx(3 * 510 / 60)
    assert (b["backlog"], b["lewat_tenggat"], b["pelanggaran"]) == (2, 1, 2)
    a = rows[data.opd_a.nama]
    assert (a["selesai"], a["persen_tepat"], a["median_hari"]) == (1, Decimal(100), 1.5)


def test_quarter_and_summary(data):
    tw1 = selectors.ringkasan_kepatuhan(data.users.pimpinan, tahun=2026, triwulan=1, now=NOW)
    assert (tw1["selesai"], tw1["ditolak"]) == (6, 1)
    # Open at the end of March: the two opened in February and not closed by then (the others closed).
    assert tw1["backlog"] == 2
    tw4 = selectors.ringkasan_kepatuhan(data.users.pimpinan, tahun=2026, triwulan=4, now=NOW)
    assert (tw4["selesai"], tw4["persen_tepat"], tw4["median_hari"], tw4["pelanggaran"]) == (0, None, None, 1)


def test_an_opd_reads_its_own_compliance_as_provider_only(data):
    own = selectors.kepatuhan_per_opd(data.users.operator_a, tahun=2026, now=NOW)
    assert [r["opd_nama"] for r in own] == [data.opd_a.nama]  # not B's, though A sends B requests
    assert selectors.ringkasan_kepatuhan(data.users.operator_b, tahun=2026, now=NOW)["selesai"] == 5
    assert selectors.ringkasan_kepatuhan(data.users.kepegawaian, tahun=2026, now=NOW)["selesai"] == 0
    per_sla = selectors.kepatuhan_per_sla(data.users.kepala_a, tahun=2026, now=NOW)
    assert [r["opd_nama"] for r in per_sla] == [data.opd_a.nama]


def test_score_selector_for_the_opd_score(data, settings):
    skor = selectors.skor_kepatuhan_opd(tahun=2026, now=NOW)
    assert skor == {data.opd_b.pk: Decimal(80), data.opd_a.pk: Decimal(100)}
    assert selectors.bobot_skor() == 0  # default: not counted in the OPD score
    settings.SIPD_SLA_BOBOT_SKOR = 15
    assert selectors.bobot_skor() == Decimal("0.15")


def test_query_counts_stay_flat_with_more_rows(data, sla_ab):
    user = data.users.bappeda

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            selectors.ringkasan_kepatuhan(user, tahun=2026, now=NOW)
            selectors.kepatuhan_per_opd(user, tahun=2026, now=NOW)
            selectors.kepatuhan_per_sla(user, tahun=2026, now=NOW)
            selectors.kepatuhan_per_bulan(user, tahun=2026, now=NOW)
        return len(ctx.captured_queries)

    # roles (1), summary (1), per OPD + names (2), per SLA + names (2), per month (1)
    first = queries()
    assert first <= 7
    for _ in range(30):
        selesai(sla_ab, data.opd_a, "2", True)
    other = SlaFactory(layanan=LayananFactory(penyedia=data.opd_b), berlaku=True, penerima=[data.opd_a])
    selesai(other, data.opd_a, "2", False)
    user._sipd_peran = None
    del user._sipd_peran
    assert queries() == first


def test_excel_report(data):
    wb = load_workbook(__import__("io").BytesIO(reports.kepatuhan_xlsx(data.users.bappeda, tahun=2026)))
    assert wb.sheetnames == ["Per OPD", "Per SLA", "Per bulan"]
    rows = list(wb["Per OPD"].iter_rows(values_only=True))
    assert rows[0][0] == "Perangkat daerah"
    b = next(r for r in rows if r[0] == data.opd_b.nama)
    assert b[1:5] == (5, 4, 1, 80.0)


def test_periods():
    assert selectors.periode(2026, 4) == (wib(2026, 10, 1), wib(2027, 1, 1))
    assert selectors.periode(2026, bulan=12) == (wib(2026, 12, 1), wib(2027, 1, 1))
    assert selectors.periode(2026)[0] == dt.datetime(
        2026, 1, 1, tzinfo=selectors.timezone.get_default_timezone()
    )
