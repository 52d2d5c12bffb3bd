"""The dashboard in Chromium: the Bupati sees the Pemda, drills down to an indicator; an OPD sees its own."""

from decimal import Decimal as D

import pytest

from kinerja.services.skor import hitung_skor
from tests.browser.conftest import masuk
from tests.conftest import PASSWORD
from tests.kinerja.skor_data import TAHUN, anggaran, indikator, pohon

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dashboard_drill_down_and_opd_view(two_opds, live_server, page, shot):
    p = pohon(two_opds.opd_a, two_opds.opd_b)
    stunting = indikator(p, two_opds.opd_a, node=p.spd_a, target=18, polaritas="negatif",
                         realisasi=[D("19.5"), D("18.2")])  # fmt: skip
    stunting.nama = "Prevalensi stunting"
    stunting.save(update_fields=["nama"])
    indikator(p, two_opds.opd_a, node=p.spd_a, target=95, realisasi=[D(90), D(93)])
    indikator(p, two_opds.opd_b, node=p.sub_b, target=100, sifat="kumulatif", realisasi=[D(20), D(25)])
    indikator(p, two_opds.opd_b, node=p.spd_b, target=60, realisasi=[D(30), D(41)])
    anggaran(p.sub_b, 2_000_000_000, [D(300_000_000), D(500_000_000)])
    hitung_skor(tahun=TAHUN)

    masuk(page, live_server.url, two_opds.users.pimpinan.username, PASSWORD)
    page.goto(f"{live_server.url}/kinerja/dasbor/?tahun={TAHUN}&triwulan=2")
    page.get_by_role("heading", name="Dasbor Kinerja Pemerintah Daerah").wait_for()
    assert page.locator("svg[role=img]").count() >= 4
    shot(page, "dasbor-pimpinan")
    page.get_by_role("link", name="Dinas Kesehatan").first.click()
    page.get_by_role("heading", name="Dinas Kesehatan").wait_for()
    page.get_by_role("link", name="Prevalensi stunting").click()
    page.get_by_text("Realisasi s.d. triwulan").wait_for()
    assert page.get_by_text("98,89%").count() >= 1  # (2×18 − 18,2) / 18 at TW II
    shot(page, "dasbor-indikator")

    page.context.clear_cookies()
    masuk(page, live_server.url, two_opds.users.kepala_a.username, PASSWORD)
    page.goto(f"{live_server.url}/kinerja/dasbor/?tahun={TAHUN}&triwulan=2")
    page.get_by_role("heading", name="Dasbor Kinerja Perangkat Daerah").wait_for()
    assert page.get_by_text("Dinas Pekerjaan Umum").count() == 0
    shot(page, "dasbor-kepala-opd")
    assert page.external_requests == []
    assert page.console_errors == []
