"""The public IKM questionnaire answered on a phone-sized screen, then the result on the results page."""

import pytest

from kinerja.models import ResponIkm
from tests.browser.conftest import masuk
from tests.conftest import PASSWORD
from tests.kinerja.factories_inovasi import SurveiFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Answers per element (1–4); U9 left blank, as a respondent may.
PILIHAN = {1: 4, 2: 3, 3: 3, 4: 4, 5: 4, 6: 3, 7: 4, 8: 2}


def test_questionnaire_on_a_phone_then_result_for_bappeda_and_the_opd(
    two_opds, live_server, browser, page, shot
):
    survei = SurveiFactory(opd=two_opds.opd_a, unit_layanan="Puskesmas Cempaka", populasi=10)
    url = f"{live_server.url}/kinerja/skm/{survei.token}/"

    # A citizen scans the QR code: no login, a 390×844 phone screen.
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True,
        locale="id-ID",
    )  # fmt: skip
    hp = phone.new_page()
    errors, external = [], []
    hp.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    hp.on(
        "request",
        lambda r: external.append(r.url) if not r.url.startswith((live_server.url, "data:")) else None,
    )
    hp.goto(url)
    assert hp.get_by_role("heading", name="Puskesmas Cempaka").is_visible()
    # nothing wider than the screen: no sideways scrolling on a phone
    assert hp.evaluate("document.documentElement.scrollWidth") <= 390
    for unsur, nilai in PILIHAN.items():
        hp.locator(f"label[for=id_u{unsur}_{nilai}]").tap()
    hp.get_by_label("Usia (tahun)").fill("41")
    hp.get_by_label("Jenis kelamin").select_option("P")
    hp.get_by_label("Pendidikan").select_option("sma")
    hp.get_by_label("Saran dan masukan").fill("Ruang tunggu sempit, mohon ditambah kursi.")
    assert not hp.locator("#id_situs_web").is_visible() or hp.locator(".ikm-hp").bounding_box()["x"] < 0
    shot(hp, "ikm-kuesioner-ponsel")
    hp.get_by_role("button", name="Kirim jawaban").tap()
    hp.locator("#terima-kasih").wait_for()
    shot(hp, "ikm-terima-kasih-ponsel")
    r = ResponIkm.objects.get()
    assert r.jawaban == [4, 3, 3, 4, 4, 3, 4, 2, None] and r.usia == 41 and r.pendidikan == "sma"
    # the same phone again: one answer per device per period
    hp.goto(url)
    hp.locator("#sudah-mengisi").wait_for()
    assert ResponIkm.objects.count() == 1
    assert not errors and not external
    phone.close()

    # Bappeda sees the result: (4+3+3+4+4+3+4+2)/8 per element, U9 without NRR → the IKM needs all nine.
    masuk(page, live_server.url, two_opds.users.bappeda.username, PASSWORD)
    page.goto(f"{live_server.url}/kinerja/ikm/{survei.pk}/")
    assert page.locator("#jumlah-responden").inner_text() == "1"
    tabel = page.locator("#tabel-nrr")
    assert "4,000" in tabel.inner_text() and "2,000" in tabel.inner_text()
    assert page.locator("#nilai-ikm").inner_text() == "–"  # U9 unanswered by everyone: no IKM yet
    shot(page, "ikm-hasil-bappeda-satu-responden")

    # A second respondent on another phone answers all nine, and the IKM appears.
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="id-ID"
    )
    hp = phone.new_page()
    hp.goto(url)
    for unsur in range(1, 10):
        hp.locator(f"label[for=id_u{unsur}_4]").tap()
    hp.get_by_role("button", name="Kirim jawaban").tap()
    hp.locator("#terima-kasih").wait_for()
    phone.close()
    # NRR: U1 4, U2 3,5, U3 3,5, U4 4, U5 4, U6 3,5, U7 4, U8 3, U9 4 → Σ 33,5 / 9 × 25 = 93,06 → A
    page.reload()
    assert page.locator("#jumlah-responden").inner_text() == "2"
    assert page.locator("#nilai-ikm").inner_text() == "93,06"
    assert page.locator("#mutu-ikm").inner_text() == "A"
    assert "sampel minimal 10" in page.content()
    shot(page, "ikm-hasil-bappeda")

    # The OPD's own operator sees it too.
    page.context.clear_cookies()
    masuk(page, live_server.url, two_opds.users.operator_a.username, PASSWORD)
    page.goto(f"{live_server.url}/kinerja/ikm/")
    page.get_by_role("link", name="Puskesmas Cempaka").click()
    assert page.locator("#nilai-ikm").inner_text() == "93,06"
    assert not page.console_errors and not page.external_requests
