"""Access matrix rows for the opd app's routes."""

from tests.authz import API_ANON, LOGIN, NOT_FOUND, OK, ROLES, everyone, only, own_opd_object
from tests.opd.klaim_factories import KlaimFactory, dokumen

# A claim of OPD A's honorer: the personnel roles and A's own roles; nobody else sees it (404).
KLAIM_A = {
    **dict.fromkeys(ROLES, NOT_FOUND),
    **dict.fromkeys(["admin", "kepegawaian", "kepala_a", "operator_a"], OK),
    "anon": LOGIN,
}
KLAIM_PERAN = only("admin", "kepegawaian", "kepala_a", "operator_a", "operator_b")

MATRIX = {
    "beranda": (lambda f: "/", everyone(tanpa_peran=200)),
    "opd-tree": (lambda f: "/opd/", everyone()),
    "opd-detail": (lambda f: f"/opd/{f.opd_a.pk}/", everyone()),
    "pegawai-list": (lambda f: "/pegawai/", everyone()),
    "pegawai-detail": (lambda f: f"/pegawai/{f.pegawai_a.pk}/", own_opd_object()),
    "opd-impor": (lambda f: "/opd/impor/", only("admin", "kepegawaian")),
    "opd-impor-templat": (lambda f: "/opd/impor/templat/pegawai.xlsx", only("admin", "kepegawaian")),
    "api:opd-list": (lambda f: "/api/v1/opd/", everyone(anon=API_ANON)),
    "api:opd-detail": (lambda f: f"/api/v1/opd/{f.opd_a.pk}/", everyone(anon=API_ANON)),
    "api:pegawai-list": (lambda f: "/api/v1/pegawai/", everyone(anon=API_ANON)),
    "api:pegawai-detail": (lambda f: f"/api/v1/pegawai/{f.pegawai_a.pk}/", own_opd_object(anon=API_ANON)),
    "klaim-list": (lambda f: "/klaim/", KLAIM_PERAN),
    "klaim-baru": (lambda f: "/klaim/baru/", KLAIM_PERAN),
    "klaim-kalkulator": (
        lambda f: "/klaim/kalkulator/?program=jkk&upah=2.000.000",
        everyone(tanpa_peran=OK, anon=OK),
    ),
    "klaim-detail": (lambda f: f"/klaim/{KlaimFactory(pegawai=f.honorer_a).pk}/", KLAIM_A),
    "klaim-ubah": (lambda f: f"/klaim/{KlaimFactory(pegawai=f.honorer_a).pk}/ubah/", KLAIM_A),
    "klaim-dokumen-unduh": (
        lambda f: f"/klaim/dokumen/{dokumen(KlaimFactory(pegawai=f.honorer_a)).pk}/",
        KLAIM_A,
    ),
    "pegawai-klaim": (
        lambda f: f"/pegawai/{f.honorer_a.pk}/klaim/",
        {**everyone(302), "operator_b": NOT_FOUND, "tanpa_peran": NOT_FOUND},
    ),
}
# POST-only actions, tested in tests/opd/test_klaim_pages.py.
NOT_PAGES: set[str] = {
    "klaim-ahli-waris",
    "klaim-ahli-waris-hapus",
    "klaim-dokumen",
    "klaim-status",
    "klaim-register",
}
