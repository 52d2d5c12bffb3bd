"""Access matrix rows for the bencana app's routes."""

from bencana.models import FotoLaporan, LaporanHarian
from tests.authz import API_ANON, FORBIDDEN, LOGIN, NOT_FOUND, OK, ROLES, everyone, only
from tests.bencana import factories as bf


def _per_role(default, **codes):
    return {**dict.fromkeys(ROLES, default), **codes, "anon": codes.get("anon", LOGIN)}


# A disaster is the BPBD's: Pemda-wide viewers see it, nobody of another OPD does (404).
KEJADIAN = _per_role(NOT_FOUND, admin=OK, bappeda=OK, pimpinan=OK)
KELOLA = _per_role(NOT_FOUND, admin=OK, bappeda=FORBIDDEN, pimpinan=FORBIDDEN)
# An assignment of OPD A: its own roles and the Pemda-wide readers (Kepegawaian too: JKK claims).
PENUGASAN_A = _per_role(OK, operator_b=NOT_FOUND, tanpa_peran=NOT_FOUND)
UBAH_PENUGASAN = {
    **PENUGASAN_A,
    **dict.fromkeys(["bappeda", "pimpinan", "kepegawaian", "kepala_a", "operator_a"], 403),
}
KLAIM_PENUGASAN = {**UBAH_PENUGASAN, "kepegawaian": OK}


def _foto_laporan(f):
    laporan = LaporanHarian.objects.create(
        penugasan=bf.penugasan_a(f), tanggal=bf.hari_ini(), kegiatan="Posko"
    )
    foto = FotoLaporan.objects.create(laporan=laporan, berkas=bf.ContentFile(bf.png_bytes(), name="f.png"))
    return f"/bencana/foto/laporan/{foto.pk}/"


MATRIX = {
    "bencana-beranda": (lambda f: "/bencana/", everyone()),
    "bencana-kejadian-baru": (lambda f: (bf.bpbd(), "/bencana/kejadian/baru/")[1], only("admin")),
    "bencana-kejadian-detail": (lambda f: f"/bencana/kejadian/{bf.KejadianFactory().pk}/", KEJADIAN),
    "bencana-kejadian-ubah": (lambda f: f"/bencana/kejadian/{bf.KejadianFactory().pk}/ubah/", KELOLA),
    "bencana-status-baru": (lambda f: f"/bencana/kejadian/{bf.KejadianFactory().pk}/status/baru/", KELOLA),
    "bencana-foto-kejadian": (lambda f: f"/bencana/foto/kejadian/{bf.foto_kejadian(f).pk}/", KEJADIAN),
    "bencana-status-perpanjang": (lambda f: f"/bencana/status/{bf.StatusFactory().pk}/perpanjang/", KELOLA),
    "bencana-penugasan-baru": (lambda f: f"/bencana/status/{bf.StatusFactory().pk}/penugasan/baru/", KELOLA),
    "bencana-penugasan-detail": (lambda f: f"/bencana/penugasan/{bf.penugasan_a(f).pk}/", PENUGASAN_A),
    "bencana-penugasan-ubah": (lambda f: f"/bencana/penugasan/{bf.penugasan_a(f).pk}/ubah/", UBAH_PENUGASAN),
    "bencana-penugasan-klaim": (
        lambda f: f"/bencana/penugasan/{bf.penugasan_a(f).pk}/klaim/",
        KLAIM_PENUGASAN,
    ),
    "bencana-foto-laporan": (_foto_laporan, PENUGASAN_A),
    "api:bencana-kejadian-list": (
        lambda f: "/api/v1/bencana/kejadian/",
        {**everyone(anon=API_ANON), "kepegawaian": FORBIDDEN},
    ),
    "api:bencana-kejadian-detail": (
        lambda f: f"/api/v1/bencana/kejadian/{bf.KejadianFactory().pk}/",
        {**KEJADIAN, "kepegawaian": FORBIDDEN, "tanpa_peran": FORBIDDEN, "anon": API_ANON},
    ),
    "api:bencana-penugasan-list": (
        lambda f: "/api/v1/bencana/penugasan/",
        everyone(tanpa_peran=OK, anon=API_ANON),
    ),
    "api:bencana-penugasan-detail": (
        lambda f: f"/api/v1/bencana/penugasan/{bf.penugasan_a(f).pk}/",
        {**PENUGASAN_A, "anon": API_ANON},
    ),
}
# POST-only actions, tested in tests/bencana/test_pages.py.
NOT_PAGES: set[str] = {
    "bencana-kejadian-foto",
    "bencana-rekap",
    "bencana-status-penugasan",
    "bencana-penugasan-siap",
    "bencana-penugasan-laporan",
}
