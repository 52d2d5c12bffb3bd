"""Signing in: Indonesian pages, lockout by username and address together, idle timeout, password change."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from tests.conftest import PASSWORD
from tests.factories import UserFactory

LOGIN_URL = "/akun/masuk/"
WRONG = "bukan-kata-sandinya"


def _post_login(username, password, ip, client=None):
    client = client or Client()
    response = client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=ip)
    return client, response


def _signed_in_as(client, user) -> bool:
    return client.session.get("_auth_user_id") == str(user.pk)


@pytest.mark.django_db
class TestLoginPage:
    def test_page_is_in_indonesian(self, client):
        response = client.get(LOGIN_URL)
        assert response.status_code == 200
        content = response.content.decode()
        assert '<html lang="id">' in content
        assert "Masuk ke portal" in content
        assert "Nama pengguna" in content
        assert "Kata sandi" in content
        assert ">Masuk</button>" in content

    def test_wrong_password_shows_the_indonesian_error(self, client):
        user = UserFactory(username="siti")
        response = client.post(LOGIN_URL, {"username": "siti", "password": WRONG})
        assert response.status_code == 200
        assert "Nama pengguna atau kata sandi salah" in response.content.decode()
        assert not _signed_in_as(client, user)

    def test_right_password_signs_in_and_lands_on_beranda(self, client):
        user = UserFactory(username="siti")
        response = client.post(LOGIN_URL, {"username": "siti", "password": PASSWORD})
        assert response.status_code == 302
        assert response.url == "/"
        assert _signed_in_as(client, user)

    def test_anonymous_page_request_goes_to_login_with_next(self, client):
        response = client.get("/pegawai/")
        assert response.status_code == 302
        assert response.url == "/akun/masuk/?next=/pegawai/"

    def test_logout_ends_the_session(self, client):
        user = UserFactory()
        client.force_login(user)
        response = client.post("/akun/keluar/")
        assert response.status_code == 302
        assert response.url == "/akun/masuk/"
        assert client.get("/").status_code == 302


@pytest.mark.django_db
class TestLockout:
    """AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]: one office behind NAT is not locked out."""

    def _lock(self, username):
        limit = settings.AXES_FAILURE_LIMIT
        assert limit == 5
        for attempt in range(1, limit):
            _client, response = _post_login(username, WRONG, "10.0.0.1")
            assert response.status_code == 200, attempt
            assert "Nama pengguna atau kata sandi salah" in response.content.decode()
        _client, response = _post_login(username, WRONG, "10.0.0.1")
        return response

    def test_limit_reached_locks_the_username_from_that_address(self):
        x = UserFactory(username="pengguna_x")
        response = self._lock("pengguna_x")
        assert response.status_code == 429
        assert "Terlalu banyak percobaan" in response.content.decode()

        # Even the right password is refused from that address while the lock lasts.
        client, response = _post_login("pengguna_x", PASSWORD, "10.0.0.1")
        assert response.status_code == 429
        content = response.content.decode()
        assert "Terlalu banyak percobaan masuk yang gagal" in content
        assert "Coba lagi setelah 30 menit" in content
        assert not _signed_in_as(client, x)

    def test_same_user_from_another_address_still_signs_in(self):
        x = UserFactory(username="pengguna_x")
        self._lock("pengguna_x")
        client, response = _post_login("pengguna_x", PASSWORD, "10.0.0.2")
        assert response.status_code == 302
        assert _signed_in_as(client, x)
        # Signing in from .2 resets only the .2 attempts: .1 stays locked.
        _client, response = _post_login("pengguna_x", PASSWORD, "10.0.0.1")
        assert response.status_code == 429

    def test_other_user_from_the_same_address_still_signs_in(self):
        UserFactory(username="pengguna_x")
        y = UserFactory(username="pengguna_y")
        self._lock("pengguna_x")
        client, response = _post_login("pengguna_y", PASSWORD, "10.0.0.1")
        assert response.status_code == 302
        assert _signed_in_as(client, y)

    def test_success_below_the_limit_resets_the_count(self):
        x = UserFactory(username="pengguna_x")
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            _post_login("pengguna_x", WRONG, "10.0.0.1")
        _client, response = _post_login("pengguna_x", PASSWORD, "10.0.0.1")
        assert response.status_code == 302
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            _client, response = _post_login("pengguna_x", WRONG, "10.0.0.1")
            assert response.status_code == 200
        client, response = _post_login("pengguna_x", PASSWORD, "10.0.0.1")
        assert response.status_code == 302
        assert _signed_in_as(client, x)


@pytest.mark.django_db
class TestSessionIdleTimeout:
    def test_settings_make_the_cookie_age_an_idle_timeout(self):
        assert settings.SESSION_SAVE_EVERY_REQUEST is True
        assert settings.SESSION_COOKIE_AGE == 1800  # SESSION_IDLE_SECONDS default, 30 minutes
        assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"

    def test_each_request_pushes_the_expiry_forward(self, client):
        client.force_login(UserFactory())
        key = client.session.session_key
        Session.objects.filter(pk=key).update(expire_date=timezone.now() + datetime.timedelta(seconds=60))
        assert client.get("/").status_code == 200
        expiry = Session.objects.get(pk=key).expire_date
        expected = timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
        assert abs((expiry - expected).total_seconds()) < 60

    def test_expired_session_redirects_to_login(self, client):
        client.force_login(UserFactory())
        key = client.session.session_key
        Session.objects.filter(pk=key).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
        response = client.get("/pegawai/")
        assert response.status_code == 302
        assert response.url == "/akun/masuk/?next=/pegawai/"

    def test_deactivated_user_is_signed_out_on_the_next_request(self, client):
        user = UserFactory()
        client.force_login(user)
        assert client.get("/").status_code == 200
        user.is_active = False
        user.save(update_fields=["is_active"])
        response = client.get("/")
        assert response.status_code == 302
        assert response.url.startswith(LOGIN_URL)

    def test_deactivated_user_cannot_sign_in(self, client):
        UserFactory(username="pensiun", is_active=False)
        _client, response = _post_login("pensiun", PASSWORD, "10.0.0.3", client)
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session


@pytest.mark.django_db
class TestPasswordChange:
    URL = "/akun/sandi/"
    NEW = "Sukamaju-Baru-2025!"

    def test_change_password(self, client):
        user = UserFactory()
        client.force_login(user)
        page = client.get(self.URL)
        assert page.status_code == 200
        assert "Ubah kata sandi" in page.content.decode()

        response = client.post(
            self.URL, {"old_password": PASSWORD, "new_password1": self.NEW, "new_password2": self.NEW}
        )
        assert response.status_code == 302
        assert response.url == "/akun/sandi/selesai/"
        assert "Kata sandi Anda sudah diubah." in client.get(response.url).content.decode()
        user.refresh_from_db()
        assert user.check_password(self.NEW)
        # The session that changed the password stays signed in.
        assert client.get("/").status_code == 200

    @pytest.mark.parametrize(
        ("old", "new1", "new2", "message"),
        [
            (
                PASSWORD,
                "pendek12",
                "pendek12",
                "Kata sandi terlalu pendek. Harus mengandung setidaknya 10 karakter.",
            ),
            (PASSWORD, "1234567890123", "1234567890123", "Kata sandi ini seluruhnya terdiri dari angka."),
            (PASSWORD, "Sukamaju-Baru-2025!", "Sukamaju-Baru-2025?", "Dua bidang sandi tidak cocok."),
            (WRONG, "Sukamaju-Baru-2025!", "Sukamaju-Baru-2025!", "Sandi lama Anda yang dimasukkan salah."),
        ],
    )
    def test_refused_with_an_indonesian_message(self, client, old, new1, new2, message):
        user = UserFactory()
        client.force_login(user)
        response = client.post(self.URL, {"old_password": old, "new_password1": new1, "new_password2": new2})
        assert response.status_code == 200
        assert message in response.content.decode()
        user.refresh_from_db()
        assert user.check_password(PASSWORD)


@pytest.mark.django_db
def test_django_admin_needs_staff_and_the_admin_role(two_opds, client):
    staff_operator = two_opds.users.operator_a
    staff_operator.is_staff = True
    staff_operator.save()
    client.force_login(staff_operator)
    assert client.get("/admin/").status_code == 302  # to the admin login: staff alone is not enough
    admin = two_opds.users.admin
    admin.is_staff = True
    admin.save()
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/opd/pegawai/").status_code in (200, 403)
