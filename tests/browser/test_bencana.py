"""Headless Chromium: the BPBD records a disaster and a decree; an OPD head sees the duty, says "siap"."""

import datetime

import pytest

from bencana.models import Penugasan
from opd.models import Opd
from sipd.roles import Peran
from tests.bencana import factories as bf
from tests.browser.conftest import masuk
from tests.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_decree_by_bpbd_then_head_acknowledges(two_opds, live_server, page, shot, browser):
    Opd.objects.filter(pk=two_opds.opd_a.pk).update(kepala=two_opds.pegawai_a)
    bpbd = bf.bpbd()
    bf.banjir()
    kecamatan = bf.kecamatan()
    UserFactory(username="op_bpbd", first_name="Operator BPBD", peran=[(Peran.OPERATOR_OPD, bpbd)])
    hari_ini = datetime.date.today()

    masuk(page, live_server.url, "op_bpbd", PASSWORD)
    page.goto(f"{live_server.url}/bencana/")
    page.get_by_role("link", name="Catat kejadian").click()
    page.get_by_label("Jenis bencana").select_option(label="Banjir")
    page.get_by_label("Nama kejadian").fill("Banjir Sukamaju Januari")
    page.get_by_label("Waktu kejadian (kapan)").fill(f"{hari_ini - datetime.timedelta(days=1)}T04:30")
    page.get_by_label("Kecamatan").select_option(label=kecamatan.nama)
    page.get_by_label("Uraian kejadian (apa)").fill("Sungai Cibeureum meluap, 3 desa tergenang.")
    page.get_by_label("Pengungsi").fill("320")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state("networkidle")
    assert "Kejadian bencana tersimpan" in page.locator("main").inner_text()
    page.get_by_role("link", name="SK status baru").click()
    page.get_by_label("Status keadaan darurat").select_option("tanggap")
    page.get_by_label("Nomor SK Bupati").fill("360/Kep.12-BPBD/2026")
    for label, value in (("Tanggal SK", hari_ini), ("Berlaku mulai", hari_ini),
                         ("Berlaku sampai", hari_ini + datetime.timedelta(days=7))):  # fmt: skip
        page.get_by_label(label).fill(value.isoformat())
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state("networkidle")
    main = page.locator("main").inner_text()
    assert "Status Tanggap Darurat tercatat" in main and "penugasan dibuat dan diumumkan" in main
    shot(page, "bencana-kejadian-bpbd")
    assert page.console_errors == [] and page.external_requests == []

    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="id-ID")
    kepala = context.new_page()
    masuk(kepala, live_server.url, two_opds.users.kepala_a.username, PASSWORD)
    assert kepala.locator("[aria-label='1 notifikasi belum dibaca']").count() == 1
    kepala.goto(f"{live_server.url}/bencana/")
    assert "Belum menyatakan siap" in kepala.locator("main").inner_text()
    shot(kepala, "bencana-tugas-kepala")
    kepala.get_by_role("link", name="Banjir Sukamaju Januari").click()
    kepala.get_by_role("button", name="Siap").click()
    kepala.wait_for_load_state("networkidle")
    assert "Menyatakan siap" in kepala.locator("#kesiapan").inner_text()
    shot(kepala, "bencana-penugasan-siap")
    context.close()
    assert Penugasan.objects.get(opd=two_opds.opd_a).siap is not None
