"""Access matrix rows for the platform's own routes (sipd/urls.py, sipd/api)."""

from tests.authz import API_ANON, FORBIDDEN, LOGIN, NOT_FOUND, OK, everyone, only

MATRIX = {
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
    "api:notifikasi-list": (lambda f: "/api/v1/notifikasi/", everyone(tanpa_peran=OK, anon=API_ANON)),
    "api:notifikasi-detail": (
        lambda f: "/api/v1/notifikasi/999999/",
        everyone(NOT_FOUND, tanpa_peran=NOT_FOUND, anon=API_ANON),
    ),
}
# Routes that are not pages of their own (POST-only actions are tested where they are used).
NOT_PAGES = {"logout", "set_language", "notifikasi-baca", "api:notifikasi-baca", "api:api-root"}


def _pekerjaan(f, selesai=False):
    from django.core.files.base import ContentFile

    from sipd.models import PekerjaanLaporan

    job = PekerjaanLaporan.objects.create(
        jenis="rekap-pengisian", parameter={"tahun": 2025, "triwulan": 1}, format="pdf", versi_data="uji",
        status="selesai" if selesai else "antrian", nama_berkas="rekap.pdf",
    )  # fmt: skip
    if selesai:
        job.berkas.save("laporan/uji.pdf", ContentFile(b"%PDF-1.4\n"))
    return job.pk


# Report types decide who may ask (sipd.laporan registry); a job of a type the role can't ask for is a 404.
# Every role with kinerja data asks for some report (an OPD: its own Renstra and Renja).
LAPORAN_PIMPINAN = only("admin", "bappeda", "pimpinan", "kepala_a", "operator_a", "operator_b")
JOB_PIMPINAN = only("admin", "bappeda", "pimpinan", other=NOT_FOUND)
MATRIX |= {
    "laporan": (lambda f: "/laporan/", LAPORAN_PIMPINAN),
    "laporan-status": (lambda f: f"/laporan/{_pekerjaan(f)}/", JOB_PIMPINAN),
    "laporan-unduh": (lambda f: f"/laporan/{_pekerjaan(f, selesai=True)}/unduh/", JOB_PIMPINAN),
}
