"""One service request in headless Chromium: the receiving unit opens it with an attachment, the provider
accepts it (the clock starts) and completes it; the requester sees it done on time."""

import pytest

from sla.models import Permohonan
from tests.browser.conftest import masuk
from tests.conftest import PASSWORD
from tests.sla.factories import LayananFactory, SlaFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_request_from_opening_to_completion(two_opds, live_server, browser, shot, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    layanan = LayananFactory(penyedia=two_opds.opd_b, nama="Rekomendasi teknis bangunan gedung")
    sla = SlaFactory(layanan=layanan, berlaku=True, penerima=[two_opds.opd_a], standar_waktu=3)
    lampiran = tmp_path / "rab-puskesmas.pdf"
    lampiran.write_bytes(PDF)

    def halaman():
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="id-ID")
        page = context.new_page()
        page.set_default_timeout(15000)
        page.console_errors = []
        page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
        return context, page

    # The receiving unit's operator opens the request from the SLA page.
    ctx_a, a = halaman()
    masuk(a, live_server.url, two_opds.users.operator_a.username, PASSWORD)
    a.get_by_role("button", name="SLA", exact=True).click()
    a.get_by_role("link", name="Perjanjian SLA").click()
    a.get_by_role("link", name=sla.nomor).click()
    a.get_by_role("link", name="Ajukan permohonan").first.click()
    a.get_by_label("Perihal").fill("Rehabilitasi Puskesmas Sukamaju")
    a.get_by_label("Uraian").fill("Atap bocor di ruang tindakan.")
    a.get_by_label("Lampiran").set_input_files(str(lampiran))
    shot(a, "sla-1-permohonan-diisi")
    a.get_by_role("button", name="Ajukan", exact=True).click()
    a.wait_for_load_state("networkidle")
    assert "Permohonan PL-" in a.locator(".messages").inner_text()
    assert "belum, menunggu penyedia menyatakan lengkap" in a.locator("main").inner_text()
    shot(a, "sla-2-permohonan-diajukan")
    p = Permohonan.objects.get()
    assert p.lampiran.get().nama_asli == "rab-puskesmas.pdf"

    # The provider's operator accepts it (the clock starts) and completes it.
    ctx_b, b = halaman()
    masuk(b, live_server.url, two_opds.users.operator_b.username, PASSWORD)
    b.goto(f"{live_server.url}/sla/permohonan/?arah=masuk")
    b.get_by_role("link", name=p.nomor).click()
    b.get_by_role("button", name="Terima, persyaratan lengkap").click()
    b.wait_for_load_state("networkidle")
    assert "waktu layanan berjalan" in b.locator(".messages").inner_text()
    p.refresh_from_db()
    assert p.status == "diproses" and p.tenggat is not None
    shot(b, "sla-3-diterima-penyedia")
    b.locator("summary", has_text="Selesaikan").click()
    b.get_by_label("Hasil layanan").fill("Rekomendasi teknis terbit, nomor 600/123/DPUPR.")
    b.get_by_role("button", name="Tandai selesai").click()
    b.wait_for_load_state("networkidle")
    assert "Permohonan selesai." in b.locator(".messages").inner_text()
    shot(b, "sla-4-selesai-penyedia")

    # The requester sees it done, on time, with its timeline.
    a.reload()
    main = a.locator("main").inner_text()
    assert "Selesai" in main and "tepat waktu" in main and "Rekomendasi teknis terbit" in main
    for langkah in ("Permohonan diajukan", "Diterima lengkap, waktu layanan berjalan"):
        assert langkah in main
    shot(a, "sla-5-selesai-pemohon")
    a.goto(f"{live_server.url}/sla/kepatuhan/")
    shot(a, "sla-6-kepatuhan-pemohon")
    assert a.console_errors == [] and b.console_errors == []
    ctx_a.close()
    ctx_b.close()
