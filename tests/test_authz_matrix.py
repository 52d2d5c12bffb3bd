"""Every page and API endpoint × every role × own/other OPD → the expected answer.

The matrix is checked against the URL configuration: a new route without an entry here fails.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

OK, FORBIDDEN, NOT_FOUND, LOGIN = 200, 403, 404, 302
ROLES = ["admin", "bappeda", "pimpinan", "kepegawaian", "kepala_a", "operator_a", "operator_b", "tanpa_peran"]


def everyone(code=OK, *, tanpa_peran=FORBIDDEN, anon=LOGIN):
    return {**dict.fromkeys(ROLES, code), "tanpa_peran": tanpa_peran, "anon": anon}


def only(*allowed, anon=LOGIN, other=FORBIDDEN):
    return {**{r: (OK if r in allowed else other) for r in ROLES}, "anon": anon}


def own_opd_object(anon=LOGIN):
    """An object of OPD A: every global role and A's own users see it, B's user gets 404."""
    return {**everyone(), "operator_b": NOT_FOUND, "anon": anon}


API_ANON = 403  # session + token auth: an anonymous API call is refused, not redirected

# route name → (path builder taking the fixture, expected status per role)
MATRIX = {
    "beranda": (lambda f: "/", everyone(tanpa_peran=OK)),
    "opd-tree": (lambda f: "/opd/", everyone()),
    "opd-detail": (lambda f: f"/opd/{f.opd_a.pk}/", everyone()),
    "pegawai-list": (lambda f: "/pegawai/", everyone()),
    "pegawai-detail": (lambda f: f"/pegawai/{f.pegawai_a.pk}/", own_opd_object()),
    "opd-impor": (lambda f: "/opd/impor/", only("admin", "kepegawaian")),
    "opd-impor-templat": (lambda f: "/opd/impor/templat/pegawai.xlsx", only("admin", "kepegawaian")),
    "pemda": (lambda f: "/pemda/", only("admin")),
    "notifikasi": (lambda f: "/notifikasi/", everyone(tanpa_peran=OK)),
    "notifikasi-buka": (lambda f: "/notifikasi/999999/", everyone(NOT_FOUND, tanpa_peran=NOT_FOUND)),
    "riwayat": (lambda f: f"/riwayat/opd/pegawai/{f.pegawai_a.pk}/", only("admin", "bappeda")),
    "password_change": (lambda f: "/akun/sandi/", everyone(tanpa_peran=OK)),
    "password_change_done": (lambda f: "/akun/sandi/selesai/", everyone(tanpa_peran=OK)),
    "login": (lambda f: "/akun/masuk/", {**everyone(LOGIN, tanpa_peran=LOGIN), "anon": OK}),
    "healthz": (lambda f: "/healthz", {**everyone(OK, tanpa_peran=OK), "anon": OK}),
    "api-docs": (lambda f: "/api/docs/", everyone(tanpa_peran=OK, anon=API_ANON)),
    "schema": (lambda f: "/api/schema/", everyone(tanpa_peran=OK, anon=API_ANON)),
    "api:saya": (lambda f: "/api/v1/saya/", everyone(tanpa_peran=FORBIDDEN, anon=API_ANON)),
    "api:opd-list": (lambda f: "/api/v1/opd/", everyone(anon=API_ANON)),
    "api:opd-detail": (lambda f: f"/api/v1/opd/{f.opd_a.pk}/", everyone(anon=API_ANON)),
    "api:pegawai-list": (lambda f: "/api/v1/pegawai/", everyone(anon=API_ANON)),
    "api:pegawai-detail": (lambda f: f"/api/v1/pegawai/{f.pegawai_a.pk}/", own_opd_object(anon=API_ANON)),
    "api:notifikasi-list": (lambda f: "/api/v1/notifikasi/", everyone(tanpa_peran=OK, anon=API_ANON)),
    "api:notifikasi-detail": (
        lambda f: "/api/v1/notifikasi/999999/",
        everyone(NOT_FOUND, tanpa_peran=NOT_FOUND, anon=API_ANON),
    ),
}
# Routes that are not pages of their own (POST-only actions are tested where they are used).
NOT_PAGES = {
    "logout",
    "set_language",
    "notifikasi-baca",
    "api:notifikasi-baca",
    "api:api-root",
}


def _route_names(resolver=None, prefix="", namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _route_names(pattern, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name, prefix + str(pattern.pattern)


def test_every_route_has_an_entry_in_the_matrix():
    missing = []
    for name, route in _route_names():
        if name in NOT_PAGES or "format" in route:
            continue
        if name not in MATRIX:
            missing.append(f"{name} ({route})")
    assert not missing, f"route tanpa baris di matriks akses: {missing}"


CASES = [(name, role) for name in MATRIX for role in [*ROLES, "anon"]]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n}-{r}" for n, r in CASES])
def test_access_matrix(name, role, two_opds, client):
    build, expected = MATRIX[name]
    if role != "anon":
        user = getattr(two_opds.users, role)
        client.force_login(user)
    response = client.get(build(two_opds))
    assert response.status_code == expected[role], (name, role, response.status_code)
    if response.status_code == LOGIN and role == "anon":
        assert response["Location"].startswith("/akun/masuk/")
