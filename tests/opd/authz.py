"""Access matrix rows for the opd app's routes."""

from tests.authz import API_ANON, everyone, only, own_opd_object

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
}
NOT_PAGES: set[str] = set()
