"""A triwulan in Chromium: filled with evidence, submitted, returned, fixed, verified, locked read-only."""

import pytest

from kinerja.choices import StatusPelaporan
from kinerja.models import PelaporanTriwulan, Realisasi
from tests.browser.conftest import masuk
from tests.conftest import PASSWORD
from tests.kinerja.factories import IndikatorFactory, JadwalFactory, PaguFactory, SubKegiatanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def keluar(page, base_url):
    page.context.clear_cookies()


def test_triwulan_from_entry_to_lock(two_opds, live_server, page, shot, tmp_path):
    u = two_opds.users
    sub = SubKegiatanFactory(opd=two_opds.opd_a, nama="Pengelolaan Pelayanan Kesehatan Ibu Hamil")
    PaguFactory(nomenklatur=sub, tahun=2025, jumlah=1_500_000_000)
    imunisasi = IndikatorFactory(opd=two_opds.opd_a, nomenklatur=sub, nama="Cakupan imunisasi dasar lengkap")
    stunting = IndikatorFactory(
        opd=two_opds.opd_a, nama="Prevalensi stunting", polaritas="negatif", targets={2025: 18}
    )
    jadwal = JadwalFactory(tahun=2025, triwulan=1)
    bukti = tmp_path / "laporan-imunisasi.pdf"
    bukti.write_bytes(PDF)
    grid = f"{live_server.url}/kinerja/realisasi/{two_opds.opd_a.pk}/2025/1/"

    # The operator fills the triwulan: numbers in Indonesian format, saved in place as they leave a cell.
    masuk(page, live_server.url, u.operator_a.username, PASSWORD)
    page.goto(grid)
    nilai_imunisasi = page.get_by_label("Realisasi Cakupan imunisasi dasar lengkap")
    nilai_imunisasi.fill("1,234.5")  # ambiguous: refused with a message, nothing saved
    nilai_imunisasi.press("Tab")
    page.get_by_text("tidak dapat dibaca").wait_for()
    assert not Realisasi.objects.filter(nilai__isnull=False).exists()
    page.get_by_label("Realisasi Cakupan imunisasi dasar lengkap").fill("87,5")
    page.get_by_label("Realisasi Cakupan imunisasi dasar lengkap").press("Tab")
    page.locator(f"#sel-{imunisasi.pk}-nilai .is-valid").wait_for()
    page.get_by_label("Realisasi Prevalensi stunting").fill("17,2")
    page.get_by_label("Realisasi Prevalensi stunting").press("Enter")  # saves and moves down, as in a sheet
    page.locator(f"#sel-{stunting.pk}-nilai .is-valid").wait_for()
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "Realisasi Cakupan imunisasi dasar lengkap"
    page.get_by_label("Realisasi anggaran 1.02").first.fill("Rp350.000.000")
    page.get_by_label("Realisasi anggaran 1.02").first.press("Tab")
    page.locator(".sel-anggaran .is-valid").wait_for()
    page.locator(f"#baris-{imunisasi.pk} + tr summary").click()
    pendorong = page.locator(f"#isi-{imunisasi.pk}-faktor_pendorong")
    pendorong.fill("Sweeping imunisasi di 25 kecamatan")
    pendorong.press("Tab")
    page.locator(".sel-teks .is-valid").first.wait_for()
    page.get_by_label("Berkas bukti Cakupan imunisasi dasar lengkap").set_input_files(str(bukti))
    page.locator(f"#bukti-{imunisasi.pk}").get_by_role("button", name="Unggah").click()
    page.get_by_role("link", name="laporan-imunisasi.pdf").wait_for()
    shot(page, "realisasi-operator-terisi")
    r = Realisasi.objects.get(indikator=imunisasi)
    assert str(r.nilai) == "87.5000" and r.faktor_pendorong.startswith("Sweeping") and r.bukti.count() == 1

    # The Kepala OPD submits.
    keluar(page, live_server.url)
    masuk(page, live_server.url, u.kepala_a.username, PASSWORD)
    page.goto(grid)
    page.get_by_role("button", name="Ajukan ke Bappeda").click()
    page.get_by_text("Laporan diajukan ke Bappeda").wait_for()
    assert PelaporanTriwulan.objects.get().status == StatusPelaporan.DIAJUKAN

    # Bappeda returns one indicator with a comment.
    keluar(page, live_server.url)
    masuk(page, live_server.url, u.bappeda.username, PASSWORD)
    page.goto(f"{live_server.url}/kinerja/pemantauan/?tahun=2025&triwulan=1")
    page.get_by_role("link", name="Tinjau").click()
    page.locator(f"#catatan-{stunting.pk}").fill("Sumber data stunting belum dilampirkan (e-PPGBM).")
    shot(page, "realisasi-bappeda-tinjau")
    page.get_by_role("button", name="Kembalikan ke OPD").click()
    page.get_by_text("Laporan dikembalikan ke OPD").wait_for()

    # The operator sees the comment where she enters data, fixes and the head resubmits.
    keluar(page, live_server.url)
    masuk(page, live_server.url, u.operator_a.username, PASSWORD)
    page.goto(grid)
    page.get_by_text("Sumber data stunting belum dilampirkan").wait_for()
    shot(page, "realisasi-dikembalikan")
    page.get_by_label("Realisasi Prevalensi stunting").fill("17,1")
    page.get_by_label("Realisasi Prevalensi stunting").press("Tab")
    page.locator(f"#sel-{stunting.pk}-nilai .is-valid").wait_for()
    keluar(page, live_server.url)
    masuk(page, live_server.url, u.kepala_a.username, PASSWORD)
    page.goto(grid)
    page.get_by_role("button", name="Ajukan ke Bappeda").click()
    page.get_by_text("Laporan diajukan ke Bappeda").wait_for()

    # Bappeda verifies and locks the triwulan; the grid turns read-only.
    keluar(page, live_server.url)
    masuk(page, live_server.url, u.bappeda.username, PASSWORD)
    page.goto(f"{live_server.url}/kinerja/pemantauan/?tahun=2025&triwulan=1")
    page.get_by_role("link", name="Tinjau").click()
    page.get_by_role("button", name="Verifikasi").click()
    page.get_by_text("Laporan diverifikasi.").wait_for()
    page.goto(f"{live_server.url}/kinerja/jadwal/?tahun=2025")
    page.locator("#kunci-1").click()
    page.get_by_text("Periode dikunci.").wait_for()
    jadwal.refresh_from_db()
    assert jadwal.terkunci

    keluar(page, live_server.url)
    masuk(page, live_server.url, u.operator_a.username, PASSWORD)
    page.goto(grid)
    assert page.locator("#grid-realisasi input[name=nilai]").count() == 0
    assert "Data hanya dapat dibaca" in page.locator("main").inner_text()
    assert page.locator("#tombol-ajukan").count() == 0
    shot(page, "realisasi-terkunci")
    assert PelaporanTriwulan.objects.get().status == StatusPelaporan.DIVERIFIKASI
    assert page.external_requests == []
    # The refused "1,234.5" is a 422 answer the browser logs; nothing else may fail.
    assert [e for e in page.console_errors if "422" not in e] == [], page.console_errors
