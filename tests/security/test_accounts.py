"""Accounts: password and session policy, the access log (sign-ins, failures, refusals), disabled accounts."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token

from sipd.audit import CatatanAkses, JenisAkses
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _masuk(client, username, password=PASSWORD):
    return client.post("/akun/masuk/", {"username": username, "password": password})


def _staff(*users, superuser=True):
    for user in users:
        user.is_staff, user.is_superuser = True, superuser
        user.save()


class TestPasswordPolicy:
    @pytest.mark.parametrize(
        ("password", "reason"),
        [
            ("Kopi-123", "too short (< 10)"),
            ("password123", "common"),
            ("12345678901234", "numeric only"),
            ("operator_a2025", "too similar to the username"),
        ],
    )
    def test_weak_passwords_are_refused(self, two_opds, password, reason):
        with pytest.raises(ValidationError):
            validate_password(password, user=two_opds.users.operator_a)

    def test_a_long_uncommon_password_is_accepted(self, two_opds):
        validate_password("sawah-hijau-di-karawang-77", user=two_opds.users.operator_a)

    def test_password_change_page_applies_the_policy(self, two_opds, login):
        client = login(two_opds.users.operator_a)
        response = client.post(
            "/akun/sandi/",
            {"old_password": PASSWORD, "new_password1": "pendek1", "new_password2": "pendek1"},
        )
        assert response.status_code == 200  # the form again, with the errors
        two_opds.users.operator_a.refresh_from_db()
        assert two_opds.users.operator_a.check_password(PASSWORD)


class TestSessionPolicy:
    def test_sessions_are_in_postgresql_with_an_idle_timeout(self):
        assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"  # survive Redis going down
        assert settings.SESSION_COOKIE_AGE <= 30 * 60
        assert settings.SESSION_SAVE_EVERY_REQUEST and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
        assert settings.SESSION_COOKIE_HTTPONLY

    def test_an_idle_session_expires(self, two_opds):
        client = Client()
        assert _masuk(client, "operator_a").status_code == 302
        assert client.get("/").status_code == 200
        Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
        response = client.get("/")
        assert response.status_code == 302 and response["Location"].startswith("/akun/masuk/")


class TestAccessLog:
    def test_sign_in_failed_sign_in_and_sign_out_are_logged(self, two_opds):
        client = Client(REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="UjiBrowser/1.0")
        assert _masuk(client, "operator_a", "salah-sandi-sekali").status_code == 200
        assert _masuk(client, "operator_a").status_code == 302
        client.post("/akun/keluar/")
        rows = list(CatatanAkses.objects.order_by("id").values_list("jenis", "username", "alamat_ip", "agen"))
        assert rows == [
            (JenisAkses.GAGAL_MASUK, "operator_a", "10.1.2.3", "UjiBrowser/1.0"),
            (JenisAkses.MASUK, "operator_a", "10.1.2.3", "UjiBrowser/1.0"),
            (JenisAkses.KELUAR, "operator_a", "10.1.2.3", "UjiBrowser/1.0"),
        ]
        assert CatatanAkses.objects.get(jenis=JenisAkses.MASUK).pengguna == two_opds.users.operator_a

    def test_lockout_is_logged(self, two_opds, settings):
        settings.AXES_FAILURE_LIMIT = 2
        client = Client()
        for _ in range(3):
            _masuk(client, "operator_a", "salah-sandi-sekali")
        assert CatatanAkses.objects.filter(jenis=JenisAkses.TERKUNCI, username="operator_a").exists()

    def test_refused_and_not_found_requests_are_logged(self, two_opds, login):
        client = login(two_opds.users.operator_b)
        assert client.get("/pemda/").status_code == 403
        assert client.get(f"/pegawai/{two_opds.pegawai_a.pk}/").status_code == 404
        assert client.get(f"/api/v1/pegawai/{two_opds.pegawai_a.pk}/").status_code == 404
        rows = CatatanAkses.objects.order_by("id").values_list("jenis", "username", "path", "status")
        assert list(rows) == [
            (JenisAkses.DITOLAK, "operator_b", "/pemda/", 403),
            (JenisAkses.TIDAK_DITEMUKAN, "operator_b", f"/pegawai/{two_opds.pegawai_a.pk}/", 404),
            (JenisAkses.TIDAK_DITEMUKAN, "operator_b", f"/api/v1/pegawai/{two_opds.pegawai_a.pk}/", 404),
        ]

    def test_anonymous_api_refusal_is_logged_but_anonymous_404_is_not(self, two_opds):
        client = Client()
        assert client.get("/api/v1/pegawai/").status_code == 403
        assert client.get("/tidak-ada-halaman-ini/").status_code in (302, 404)
        assert list(CatatanAkses.objects.values_list("jenis", "path")) == [
            (JenisAkses.DITOLAK, "/api/v1/pegawai/")
        ]

    def test_only_admin_reads_the_log_and_nobody_edits_it(self, two_opds, login):
        _staff(two_opds.users.admin)
        _staff(two_opds.users.bappeda, superuser=False)  # staff, but not the Admin role
        CatatanAkses.objects.create(jenis=JenisAkses.GAGAL_MASUK, username="penyusup")
        admin = login(two_opds.users.admin)
        response = admin.get("/admin/sipd/catatanakses/")
        assert response.status_code == 200 and "penyusup" in response.content.decode()
        row = CatatanAkses.objects.get(username="penyusup")
        assert admin.post(f"/admin/sipd/catatanakses/{row.pk}/delete/", {"post": "yes"}).status_code == 403
        assert CatatanAkses.objects.filter(pk=row.pk).exists()
        assert login(two_opds.users.bappeda).get("/admin/sipd/catatanakses/").status_code in (302, 403)


class TestDisablingAnAccount:
    def test_ends_every_session_and_the_api_token(self, two_opds):
        operator = two_opds.users.operator_a
        laptop, phone, other = Client(), Client(), Client()
        for client, username in ((laptop, "operator_a"), (phone, "operator_a"), (other, "operator_b")):
            assert _masuk(client, username).status_code == 302
        token = Token.objects.create(user=operator)
        assert Session.objects.count() == 3

        operator.is_active = False
        operator.save()

        assert Session.objects.count() == 1  # operator_b's
        assert not Token.objects.filter(pk=token.pk).exists()
        for client in (laptop, phone):
            response = client.get("/")
            assert response.status_code == 302 and response["Location"].startswith("/akun/masuk/")
        assert other.get("/").status_code == 200
        assert CatatanAkses.objects.filter(jenis=JenisAkses.DINONAKTIFKAN, pengguna=operator).count() == 1

    def test_through_django_admin(self, two_opds, login):
        _staff(two_opds.users.admin)
        operator = two_opds.users.operator_a
        session_client = Client()
        _masuk(session_client, "operator_a")
        admin = login(two_opds.users.admin)
        page = admin.get(f"/admin/sipd/user/{operator.pk}/change/")
        form = page.context["adminform"].form
        data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list | tuple)}
        data |= {"is_active": "", "date_joined_0": "2025-01-01", "date_joined_1": "08:00:00"}
        data |= {"last_login_0": "", "last_login_1": ""}
        response = admin.post(f"/admin/sipd/user/{operator.pk}/change/", data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        operator.refresh_from_db()
        assert not operator.is_active
        assert session_client.get("/").status_code == 302

    def test_other_saves_do_not_touch_sessions(self, two_opds):
        client = Client()
        _masuk(client, "operator_a")
        operator = two_opds.users.operator_a
        operator.first_name = "Sinta"
        operator.save()
        assert client.get("/").status_code == 200
