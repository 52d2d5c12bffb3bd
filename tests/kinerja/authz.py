"""Access matrix rows for the kinerja app's routes."""

from django.core.files.base import ContentFile

from tests.authz import API_ANON, FORBIDDEN, LOGIN, NOT_FOUND, OK, everyone, only

REDIRECT = 302
# Kinerja data of OPD A: leaders and Bappeda read all, A's own staff read theirs, B's operator gets 404.
KINERJA_OPD_A = {
    "admin": OK, "bappeda": OK, "pimpinan": OK, "kepegawaian": FORBIDDEN, "kepala_a": OK, "operator_a": OK,
    "operator_b": NOT_FOUND, "tanpa_peran": FORBIDDEN, "anon": LOGIN,
}  # fmt: skip
# Looked up by id through the permission layer: invisible is 404 for every role without a view scope.
OBJEK_OPD_A = {**KINERJA_OPD_A, "kepegawaian": NOT_FOUND, "tanpa_peran": NOT_FOUND}


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
}
# POST-only actions, tested in tests/kinerja/test_realisasi*.py.
NOT_PAGES = {
    "realisasi-ajukan", "realisasi-sel", "realisasi-anggaran", "bukti-unggah", "bukti-hapus",
    "pelaporan-putuskan", "api:realisasi-simpan", "api:pelaporan-ajukan", "api:pelaporan-kembalikan",
    "api:pelaporan-verifikasi",
}  # fmt: skip


# ---------------------------------------------------------------------------------------------------------
# Inovasi Daerah and Survei IKM (issue 9)
# ---------------------------------------------------------------------------------------------------------
def _inovasi(f):
    from tests.kinerja.factories_inovasi import InovasiFactory

    return InovasiFactory(opd=f.opd_a).pk


def _berkas_inovasi(f):
    from tests.kinerja.factories_inovasi import InovasiFactory

    inovasi = InovasiFactory(opd=f.opd_a)
    berkas = inovasi.berkas.create(
        token="tokeninovasi-a", nama_asli="sk.pdf", jenis_mime="application/pdf", ukuran=9
    )
    berkas.berkas.save("tokeninovasi-a.pdf", ContentFile(b"%PDF-1.4\n"))
    return f"/kinerja/inovasi/berkas/{berkas.token}/"


def _indikator_inovasi():
    from kinerja.models import IndikatorInovasi

    return IndikatorInovasi.objects.first().pk


def _survei(f):
    from tests.kinerja.factories_inovasi import SurveiFactory

    return SurveiFactory(opd=f.opd_a)


# The registry lists what the role may see; OPD roles add for their own OPD, leaders only read.
DAFTAR_OPD = {**KINERJA_OPD_A, "operator_b": OK}
TAMBAH_OPD = {**DAFTAR_OPD, "pimpinan": FORBIDDEN}
UBAH_OBJEK_A = {**OBJEK_OPD_A, "pimpinan": FORBIDDEN}
API_OBJEK_A = {**OBJEK_OPD_A, "kepegawaian": FORBIDDEN, "tanpa_peran": FORBIDDEN, "anon": API_ANON}
API_DAFTAR = {**DAFTAR_OPD, "anon": API_ANON}

MATRIX |= {
    "inovasi-list": (lambda f: "/kinerja/inovasi/", DAFTAR_OPD),
    "inovasi-tambah": (lambda f: "/kinerja/inovasi/tambah/", TAMBAH_OPD),
    "inovasi-dasbor": (lambda f: "/kinerja/inovasi/dasbor/", only("admin", "bappeda", "pimpinan")),
    "inovasi-detail": (lambda f: f"/kinerja/inovasi/{_inovasi(f)}/", OBJEK_OPD_A),
    "inovasi-ubah": (lambda f: f"/kinerja/inovasi/{_inovasi(f)}/ubah/", UBAH_OBJEK_A),
    "inovasi-berkas-unduh": (_berkas_inovasi, OBJEK_OPD_A),
    "ikm-list": (lambda f: "/kinerja/ikm/", DAFTAR_OPD),
    "ikm-tambah": (lambda f: "/kinerja/ikm/tambah/", TAMBAH_OPD),
    "ikm-detail": (lambda f: f"/kinerja/ikm/{_survei(f).pk}/", OBJEK_OPD_A),
    "ikm-ubah": (lambda f: f"/kinerja/ikm/{_survei(f).pk}/ubah/", UBAH_OBJEK_A),
    "ikm-poster": (lambda f: f"/kinerja/ikm/{_survei(f).pk}/poster/", OBJEK_OPD_A),
    # The public questionnaire: no login, reached by the survey's token.
    "ikm-publik": (lambda f: f"/kinerja/skm/{_survei(f).token}/", everyone(tanpa_peran=OK, anon=OK)),
    "api:inovasi-list": (lambda f: "/api/v1/inovasi/", API_DAFTAR),
    "api:inovasi-detail": (lambda f: f"/api/v1/inovasi/{_inovasi(f)}/", API_OBJEK_A),
    "api:indikator-inovasi-list": (lambda f: "/api/v1/indikator-inovasi/", everyone(anon=API_ANON)),
    "api:indikator-inovasi-detail": (
        lambda f: f"/api/v1/indikator-inovasi/{_indikator_inovasi()}/",
        everyone(anon=API_ANON),
    ),
    "api:inovasi-ringkasan": (
        lambda f: "/api/v1/inovasi-ringkasan/",
        only("admin", "bappeda", "pimpinan", anon=API_ANON),
    ),
    "api:survei-ikm-list": (lambda f: "/api/v1/survei-ikm/", API_DAFTAR),
    "api:survei-ikm-detail": (lambda f: f"/api/v1/survei-ikm/{_survei(f).pk}/", API_OBJEK_A),
    "api:survei-ikm-hasil": (lambda f: f"/api/v1/survei-ikm/{_survei(f).pk}/hasil/", API_OBJEK_A),
}
# POST-only actions, tested in tests/kinerja/test_inovasi.py and test_ikm.py.
NOT_PAGES |= {
    "inovasi-hapus", "inovasi-berkas-unggah", "inovasi-berkas-hapus", "ikm-tutup", "ikm-isi-realisasi",
    "ikm-poster-pdf", "ikm-laporan", "api:ikm-hitung",
}  # fmt: skip
