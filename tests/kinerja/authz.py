"""Access matrix rows for the kinerja app's routes."""

from django.core.files.base import ContentFile

from tests.authz import API_ANON, FORBIDDEN, LOGIN, NOT_FOUND, OK, only

REDIRECT = 302
# Kinerja data of OPD A: leaders and Bappeda read all, A's own staff read theirs, B's operator gets 404.
KINERJA_OPD_A = {
    "admin": OK, "bappeda": OK, "pimpinan": OK, "kepegawaian": FORBIDDEN, "kepala_a": OK, "operator_a": OK,
    "operator_b": NOT_FOUND, "tanpa_peran": FORBIDDEN, "anon": LOGIN,
}  # fmt: skip
# Looked up by id through the permission layer: invisible is 404 for every role without a view scope.
OBJEK_OPD_A = {**KINERJA_OPD_A, "kepegawaian": NOT_FOUND, "tanpa_peran": NOT_FOUND}


def _periode(f):
    from tests.kinerja.factories import PeriodeFactory

    return PeriodeFactory().pk


def _bukti(f):
    from tests.kinerja.factories import RealisasiFactory

    realisasi = RealisasiFactory(indikator__opd=f.opd_a)
    bukti = realisasi.bukti.create(
        token="tokenbukti-a", nama_asli="laporan.pdf", jenis_mime="application/pdf", ukuran=9
    )
    bukti.berkas.save("tokenbukti-a.pdf", ContentFile(b"%PDF-1.4\n"))
    return f"/kinerja/bukti/{bukti.token}/"


def _realisasi_api(f):
    from tests.kinerja.factories import RealisasiFactory

    return f"/api/v1/realisasi/{RealisasiFactory(indikator__opd=f.opd_a).pk}/"


def _pelaporan(f):
    from tests.kinerja.factories import PelaporanFactory

    return f"/kinerja/pelaporan/{PelaporanFactory(opd=f.opd_a).pk}/"


MATRIX = {
    "realisasi": (
        lambda f: "/kinerja/realisasi/",
        {**dict.fromkeys(KINERJA_OPD_A, REDIRECT), "kepegawaian": FORBIDDEN, "tanpa_peran": FORBIDDEN},
    ),
    "realisasi-grid": (lambda f: f"/kinerja/realisasi/{f.opd_a.pk}/2025/1/", KINERJA_OPD_A),
    "bukti-unduh": (_bukti, OBJEK_OPD_A),
    "pelaporan-tinjau": (_pelaporan, OBJEK_OPD_A),
    "pemantauan": (lambda f: "/kinerja/pemantauan/", only("admin", "bappeda", "pimpinan")),
    "jadwal": (lambda f: "/kinerja/jadwal/", only("admin", "bappeda")),
    # Lists are filtered to what the role may see; kepegawaian and users without a role see none.
    "api:realisasi-list": (
        lambda f: "/api/v1/realisasi/",
        {
            **dict.fromkeys(KINERJA_OPD_A, OK),
            "kepegawaian": FORBIDDEN,
            "tanpa_peran": FORBIDDEN,
            "anon": API_ANON,
        },
    ),
    "api:realisasi-detail": (
        _realisasi_api,
        {**OBJEK_OPD_A, "kepegawaian": FORBIDDEN, "tanpa_peran": FORBIDDEN, "anon": API_ANON},
    ),
    "api:pelaporan-list": (
        lambda f: "/api/v1/pelaporan/",
        {
            **dict.fromkeys(KINERJA_OPD_A, OK),
            "kepegawaian": FORBIDDEN,
            "tanpa_peran": FORBIDDEN,
            "anon": API_ANON,
        },
    ),
    "api:pelaporan-detail": (
        lambda f: _pelaporan(f).replace("/kinerja/", "/api/v1/"),
        {**OBJEK_OPD_A, "kepegawaian": FORBIDDEN, "tanpa_peran": FORBIDDEN, "anon": API_ANON},
    ),
    # The matrix import and its template: Bappeda and Admin; the export also for the leaders.
    "kinerja-impor": (lambda f: "/kinerja/matriks/impor/", only("admin", "bappeda")),
    "kinerja-impor-templat": (lambda f: f"/kinerja/matriks/templat/{_periode(f)}/", only("admin", "bappeda")),
    "kinerja-ekspor": (
        lambda f: f"/kinerja/matriks/ekspor/?periode={_periode(f)}&tahun=2025",
        only("admin", "bappeda", "pimpinan"),
    ),
}
# POST-only actions, tested in tests/kinerja/test_realisasi*.py.
NOT_PAGES = {
    "realisasi-ajukan", "realisasi-sel", "realisasi-anggaran", "bukti-unggah", "bukti-hapus",
    "pelaporan-putuskan", "api:realisasi-simpan", "api:pelaporan-ajukan", "api:pelaporan-kembalikan",
    "api:pelaporan-verifikasi",
}  # fmt: skip
