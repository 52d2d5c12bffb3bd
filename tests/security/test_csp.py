"""Every page of the access matrix carries a Content-Security-Policy without unsafe-inline or unsafe-eval."""

import pytest

from tests.test_authz_matrix import MATRIX

UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "*", "data: 'self' http:", "https:")


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_page_has_a_strict_csp(name, two_opds, client):
    build, expected = MATRIX[name]
    # A role that gets the page; a route that answers everyone 404 still gets the header on its 404 page.
    roles = ("admin", "bappeda", "operator_a", "kepala_a")
    role = next((r for r in roles if expected[r] in (200, 302)), "admin")
    client.force_login(getattr(two_opds.users, role))
    response = client.get(build(two_opds))
    header = response.headers.get("Content-Security-Policy")
    assert header, f"{name}: tanpa Content-Security-Policy"
    directives = _directives(header)
    for directive in ("script-src", "style-src", "default-src"):
        sources = directives.get(directive, directives.get("default-src", []))
        assert not set(sources) & set(UNSAFE), (name, directive, sources)
    assert directives.get("object-src") == ["'none'"]
    assert directives.get("frame-ancestors") == ["'none'"]
