"""Building blocks of the access matrix; each app lists its routes in tests/<app>/authz.py."""

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
