"""Each role logs in through the real login form in headless Chromium and lands on its home page."""

import pytest

from tests.browser.conftest import masuk
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLE_HOME = [
    # user, what the home page must show for that role
    ("admin", ["Ringkasan Pemda", "Profil Pemda", "Admin"]),
    ("bappeda", ["Ringkasan Pemda", "Bappeda"]),
    ("pimpinan", ["Ringkasan Pemda", "Pimpinan"]),
    ("kepegawaian", ["Ringkasan Pemda", "Impor OPD & pegawai"]),
    ("kepala_a", ["Perangkat daerah Anda", "Dinas Kesehatan", "Kepala OPD"]),
    ("operator_a", ["Perangkat daerah Anda", "Dinas Kesehatan", "Operator OPD"]),
]


@pytest.mark.parametrize(("role", "expected"), ROLE_HOME, ids=[r for r, _ in ROLE_HOME])
def test_role_logs_in_and_lands_on_home(role, expected, two_opds, live_server, page, shot):
    user = getattr(two_opds.users, role)
    masuk(page, live_server.url, user.username, PASSWORD)
    assert page.url == f"{live_server.url}/"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Selamat datang")
    body = page.locator("main").inner_text() + page.locator("nav").first.inner_text()
    for text in expected:
        assert text in body, (role, text)
    shot(page, f"beranda-{role}")
    assert page.external_requests == [], "aset dari luar portal (CDN) tidak boleh dimuat"
    assert page.console_errors == [], page.console_errors


def test_wrong_password_shows_indonesian_message(two_opds, live_server, page, shot):
    masuk(page, live_server.url, two_opds.users.operator_a.username, "salah-sekali")
    assert "Nama pengguna atau kata sandi salah" in page.locator("main").inner_text()
    shot(page, "masuk-gagal")


def test_other_opd_object_is_not_found_in_the_browser(two_opds, live_server, page, shot):
    masuk(page, live_server.url, two_opds.users.operator_b.username, PASSWORD)
    response = page.goto(f"{live_server.url}/pegawai/{two_opds.pegawai_a.pk}/")
    assert response.status == 404
    assert "tidak ditemukan" in page.locator("main").inner_text().lower()
    shot(page, "pegawai-opd-lain-404")


def test_keyboard_skip_link_and_logout(two_opds, live_server, page):
    masuk(page, live_server.url, two_opds.users.bappeda.username, PASSWORD)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Lompat ke konten" in focused
    page.get_by_role("button", name=two_opds.users.bappeda.get_full_name() or "bappeda1").click()
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_load_state("networkidle")
    assert "/akun/masuk/" in page.url
