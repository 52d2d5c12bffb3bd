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


def _skor_opd_a(f):
    from kinerja.services.skor import hitung_skor
    from tests.kinerja.factories import RealisasiFactory

    realisasi = RealisasiFactory(indikator__opd=f.opd_a)
    hitung_skor(tahun=2025)
    return realisasi.indikator


def _periode_pk(f):
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


def _rinci(f):
    from tests.kinerja.factories import RealisasiFactory

    realisasi = RealisasiFactory(indikator__opd=f.opd_a, tahun=2025, triwulan=1)
    return f"/kinerja/realisasi/{f.opd_a.pk}/2025/1/rinci/{realisasi.indikator.pk}/"


def _pelaporan(f):
    from tests.kinerja.factories import PelaporanFactory

    return f"/kinerja/pelaporan/{PelaporanFactory(opd=f.opd_a).pk}/"


MATRIX = {
    "realisasi": (
        lambda f: "/kinerja/realisasi/",
        {**dict.fromkeys(KINERJA_OPD_A, REDIRECT), "kepegawaian": FORBIDDEN, "tanpa_peran": FORBIDDEN},
    ),
    "realisasi-grid": (lambda f: f"/kinerja/realisasi/{f.opd_a.pk}/2025/1/", KINERJA_OPD_A),
    "realisasi-rinci": (_rinci, KINERJA_OPD_A),
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
    "kinerja-impor-templat": (
        lambda f: f"/kinerja/matriks/templat/{_periode_pk(f)}/",
        only("admin", "bappeda"),
    ),
    "kinerja-ekspor": (
        lambda f: f"/kinerja/matriks/ekspor/?periode={_periode_pk(f)}&tahun=2025",
        only("admin", "bappeda", "pimpinan"),
    ),
}
# POST-only actions, tested in tests/kinerja/test_realisasi*.py.
NOT_PAGES = {
    "realisasi-ajukan", "realisasi-sel", "realisasi-anggaran", "bukti-unggah", "bukti-hapus",
    "pelaporan-putuskan", "api:realisasi-simpan", "api:pelaporan-ajukan", "api:pelaporan-kembalikan",
    "api:pelaporan-verifikasi",
}  # fmt: skip

DASBOR = {**KINERJA_OPD_A, "operator_b": OK}
MATRIX |= {
    "dasbor": (lambda f: "/kinerja/dasbor/", DASBOR),
    "dasbor-opd": (
        lambda f: f"/kinerja/dasbor/perangkat-daerah/{_skor_opd_a(f).opd_id}/?tahun=2025&triwulan=1",
        KINERJA_OPD_A,
    ),
    "dasbor-indikator": (
        lambda f: f"/kinerja/dasbor/indikator/{_skor_opd_a(f).pk}/?tahun=2025",
        KINERJA_OPD_A,
    ),
}

# --- Perencanaan ------------------------------------------------------------------------------------------
# The RPJMD is public to every role; a user with no role finds no row (404 by id).
RPJMD_PUBLIK = {**dict.fromkeys(KINERJA_OPD_A, OK), "tanpa_peran": NOT_FOUND, "anon": LOGIN}
# Bappeda's forms on an object every role sees: the others are refused (403), the role-less find nothing.
KELOLA_RPJMD = {**dict.fromkeys(KINERJA_OPD_A, FORBIDDEN), "admin": OK, "bappeda": OK,
                "tanpa_peran": NOT_FOUND, "anon": LOGIN}  # fmt: skip
# Bappeda's forms on an object of OPD A: A's staff and the leaders see it (403), the rest find nothing.
KELOLA_OPD_A = {**OBJEK_OPD_A, "pimpinan": FORBIDDEN, "kepala_a": FORBIDDEN, "operator_a": FORBIDDEN}
API_PUBLIK = {**dict.fromkeys(KINERJA_OPD_A, OK), "tanpa_peran": FORBIDDEN, "anon": API_ANON}
API_OPD = {**KINERJA_OPD_A, "operator_b": OK, "anon": API_ANON}  # lists: each sees the own rows
API_OPD_A = {**KINERJA_OPD_A, "anon": API_ANON}


def _periode(f):
    from tests.kinerja.factories import PeriodeFactory

    return PeriodeFactory()


def _misi(f):
    from tests.kinerja.factories import MisiFactory

    return MisiFactory()


def _sasaran(f):
    from tests.kinerja.factories import SasaranFactory

    return SasaranFactory()


def _indikator_a(f):
    from tests.kinerja.factories import IndikatorFactory

    return IndikatorFactory(opd=f.opd_a)


def _program_a(f):
    from tests.kinerja.factories import ProgramFactory, RenstraFactory

    program = ProgramFactory(opd=f.opd_a)
    RenstraFactory(periode=program.periode, opd=f.opd_a)
    return program


def _strategi(f):
    from kinerja.models import ArahKebijakan, Strategi

    strategi = Strategi.objects.create(sasaran=_sasaran(f), nomor="1", uraian="Strategi contoh")
    ArahKebijakan.objects.create(strategi=strategi, nomor="1", uraian="Arah kebijakan contoh")
    return strategi


def _revisi_a(f):
    from decimal import Decimal

    from kinerja.models import RevisiTarget

    target = _indikator_a(f).target.first()
    return RevisiTarget.objects.create(
        target=target, jenis="perubahan_renstra", alasan="contoh", nilai_lama=Decimal(1),
        nilai_baru=Decimal(2), oleh=f.users.bappeda,
    )  # fmt: skip


MATRIX |= {
    "rpjmd": (lambda f: "/kinerja/rpjmd/", {**RPJMD_PUBLIK, "tanpa_peran": FORBIDDEN}),
    "rpjmd-pohon": (lambda f: f"/kinerja/rpjmd/{_periode(f).pk}/", RPJMD_PUBLIK),
    "periode-tambah": (lambda f: "/kinerja/rpjmd/tambah/", only("admin", "bappeda")),
    "periode-ubah": (lambda f: f"/kinerja/rpjmd/{_periode(f).pk}/ubah/", KELOLA_RPJMD),
    "renstra-tambah": (lambda f: f"/kinerja/rpjmd/{_periode(f).pk}/renstra/tambah/", KELOLA_RPJMD),
    "butir-tambah": (lambda f: f"/kinerja/butir/tujuan/tambah/{_misi(f).pk}/", KELOLA_RPJMD),
    # A Kepala OPD edits the statements of the own draft Renstra.
    "butir-ubah": (
        lambda f: f"/kinerja/butir/sasaran_pd/{_indikator_a(f).sasaran_pd_id}/ubah/",
        {**KELOLA_OPD_A, "kepala_a": OK},
    ),
    "renstra-list": (
        lambda f: "/kinerja/renstra/",
        {
            **dict.fromkeys(KINERJA_OPD_A, OK),
            "kepegawaian": FORBIDDEN,
            "tanpa_peran": FORBIDDEN,
            "anon": LOGIN,
        },
    ),
    "renstra-detail": (lambda f: f"/kinerja/renstra/{_program_a(f).opd.renstra.get().pk}/", OBJEK_OPD_A),
    "nomenklatur-tambah": (
        lambda f: f"/kinerja/renstra/{_program_a(f).opd.renstra.get().pk}/nomenklatur/tambah/",
        KELOLA_OPD_A,
    ),
    "nomenklatur-ubah": (lambda f: f"/kinerja/nomenklatur/{_program_a(f).pk}/ubah/", KELOLA_OPD_A),
    "indikator-tambah": (
        lambda f: f"/kinerja/indikator/tambah/sasaran_pd/{_indikator_a(f).sasaran_pd_id}/",
        KELOLA_OPD_A,
    ),
    "indikator-detail": (lambda f: f"/kinerja/indikator/{_indikator_a(f).pk}/", OBJEK_OPD_A),
    "indikator-ubah": (lambda f: f"/kinerja/indikator/{_indikator_a(f).pk}/ubah/", KELOLA_OPD_A),
    # Targets: Bappeda, and the Kepala OPD while the Renstra is a draft; never the operator.
    "target-ubah": (
        lambda f: f"/kinerja/indikator/{_indikator_a(f).pk}/target/2025/",
        {**KELOLA_OPD_A, "kepala_a": OK},
    ),
    "api:periode-list": (lambda f: "/api/v1/periode/", API_PUBLIK),
    "api:periode-detail": (lambda f: f"/api/v1/periode/{_periode(f).pk}/", API_PUBLIK),
    "api:periode-pohon": (lambda f: f"/api/v1/periode/{_periode(f).pk}/pohon/", API_PUBLIK),
    "api:misi-list": (lambda f: "/api/v1/misi/", API_PUBLIK),
    "api:misi-detail": (lambda f: f"/api/v1/misi/{_misi(f).pk}/", API_PUBLIK),
    "api:tujuan-list": (lambda f: "/api/v1/tujuan/", API_PUBLIK),
    "api:tujuan-detail": (lambda f: f"/api/v1/tujuan/{_sasaran(f).tujuan_id}/", API_PUBLIK),
    "api:sasaran-list": (lambda f: "/api/v1/sasaran/", API_PUBLIK),
    "api:sasaran-detail": (lambda f: f"/api/v1/sasaran/{_sasaran(f).pk}/", API_PUBLIK),
    "api:strategi-list": (lambda f: "/api/v1/strategi/", API_PUBLIK),
    "api:strategi-detail": (lambda f: f"/api/v1/strategi/{_strategi(f).pk}/", API_PUBLIK),
    "api:arah-kebijakan-list": (lambda f: "/api/v1/arah-kebijakan/", API_PUBLIK),
    "api:arah-kebijakan-detail": (
        lambda f: f"/api/v1/arah-kebijakan/{_strategi(f).arah_kebijakan.get().pk}/",
        API_PUBLIK,
    ),
    "api:renstra-list": (lambda f: "/api/v1/renstra/", API_OPD),
    "api:renstra-detail": (lambda f: f"/api/v1/renstra/{_program_a(f).opd.renstra.get().pk}/", API_OPD_A),
    "api:tujuan-pd-list": (lambda f: "/api/v1/tujuan-pd/", API_OPD),
    "api:tujuan-pd-detail": (
        lambda f: f"/api/v1/tujuan-pd/{_indikator_a(f).sasaran_pd.tujuan_id}/",
        API_OPD_A,
    ),
    "api:sasaran-pd-list": (lambda f: "/api/v1/sasaran-pd/", API_OPD),
    "api:sasaran-pd-detail": (lambda f: f"/api/v1/sasaran-pd/{_indikator_a(f).sasaran_pd_id}/", API_OPD_A),
    "api:nomenklatur-list": (lambda f: "/api/v1/nomenklatur/", API_OPD),
    "api:nomenklatur-detail": (lambda f: f"/api/v1/nomenklatur/{_program_a(f).pk}/", API_OPD_A),
    "api:indikator-list": (lambda f: "/api/v1/indikator/", API_OPD),
    "api:indikator-detail": (lambda f: f"/api/v1/indikator/{_indikator_a(f).pk}/", API_OPD_A),
    "api:target-list": (lambda f: "/api/v1/target/", API_OPD),
    "api:target-detail": (lambda f: f"/api/v1/target/{_indikator_a(f).target.first().pk}/", API_OPD_A),
    "api:revisi-target-list": (lambda f: "/api/v1/revisi-target/", API_OPD),
    "api:revisi-target-detail": (lambda f: f"/api/v1/revisi-target/{_revisi_a(f).pk}/", API_OPD_A),
}
# POST-only actions, tested in tests/kinerja/test_perencanaan*.py.
NOT_PAGES |= {"rpjmd-setujui", "butir-hapus", "renstra-setujui", "nomenklatur-hapus", "indikator-hapus"}


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
