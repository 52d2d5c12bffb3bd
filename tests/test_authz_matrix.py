"""Every page and API endpoint × every role × own/other OPD → the expected answer.

Each app lists its routes in tests/<app>/authz.py. The matrix is checked against the URL configuration:
a new route without an entry fails.
"""

import importlib
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.authz import LOGIN, ROLES

MATRIX: dict = {}
NOT_PAGES: set[str] = set()
for _module in sorted(Path(__file__).parent.glob("*/authz.py")):
    _rows = importlib.import_module(f"tests.{_module.parent.name}.authz")
    assert not MATRIX.keys() & _rows.MATRIX.keys(), "route listed twice"
    MATRIX |= _rows.MATRIX
    NOT_PAGES |= _rows.NOT_PAGES


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


def test_every_matrix_row_names_a_route():
    """A row left behind by a removed route would test a URL that no longer exists."""
    stale = (MATRIX.keys() | NOT_PAGES) - {name for name, _route in _route_names()}
    assert not stale, f"baris matriks akses tanpa route: {sorted(stale)}"


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
