"""Access matrix rows for the sla app's routes.

Agreements, the catalogue and the calendar are read by every role; requests and compliance by Admin,
Bappeda, Pimpinan and the OPDs on either side of a request (a request of OPDs A and C is a 404 for B).
The compliance report's jobs are the shared /laporan/ routes (tests/sipd/authz.py; its scope per OPD:
tests/sla/test_laporan.py).
"""

import datetime as dt

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.authz import API_ANON, FORBIDDEN, NOT_FOUND, everyone, only

NOT_ALLOWED = 405
LIHAT_PERMOHONAN = ("admin", "bappeda", "pimpinan", "kepala_a", "operator_a", "operator_b")
PENGELOLA_A = ("admin", "kepala_a", "operator_a")


def _opd_c():
    from tests.factories import OpdFactory

    return OpdFactory(
        kode="2.16.0.00.0.00.01.0000", nama="Dinas Komunikasi dan Informatika", singkatan="Kominfo"
    )


def _sla(f, **kw):
    from tests.sla.factories import LayananFactory, SlaFactory

    return SlaFactory(layanan=LayananFactory(penyedia=f.opd_a), **kw)


def _permohonan_ca(f):
    """A request from C to A: A serves it; B has nothing to do with it."""
    from sla.models import Permohonan

    c = _opd_c()
    sla = _sla(f, berlaku=True, penerima=[c])
    waktu = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    return Permohonan.objects.create(
        sla=sla, penyedia=f.opd_a, pemohon=c, perihal="Pemeriksaan", standar_waktu=3,
        satuan_waktu="hari_kerja", diajukan_pada=waktu, lengkap_pada=waktu,
    )  # fmt: skip


def _berkas(name: str) -> str:
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(b"%PDF-1.4\n%%EOF\n"))
    return name


def _lampiran(f):
    from sla.models import Lampiran

    p = _permohonan_ca(f)
    return Lampiran.objects.create(
        permohonan=p, berkas=_berkas("sla/lampiran/matriks-akses.pdf"), nama_asli="surat.pdf",
        tipe="application/pdf", ukuran=15, diunggah_pada=p.diajukan_pada,
    )  # fmt: skip


def _libur(f):
    from sla.models import LiburDaerah

    return LiburDaerah.objects.create(tanggal=dt.date(2026, 7, 1), nama="Hari Jadi")


POST_SAJA = {**everyone(NOT_ALLOWED), "tanpa_peran": NOT_ALLOWED}
API_POST_SAJA = {**everyone(NOT_ALLOWED, anon=API_ANON), "kepegawaian": FORBIDDEN}
API_AKSI_PERMOHONAN = {**only(*LIHAT_PERMOHONAN, other=FORBIDDEN, anon=API_ANON)} | dict.fromkeys(
    LIHAT_PERMOHONAN, NOT_ALLOWED
)
API_AKSI_PERMOHONAN["kepegawaian"] = FORBIDDEN

MATRIX = {
    # Agreements and the catalogue
    "sla-list": (lambda f: "/sla/", everyone()),
    "sla-tambah": (lambda f: "/sla/tambah/", only("admin", "kepala_a", "operator_a", "operator_b")),
    "sla-detail": (lambda f: f"/sla/{_sla(f).pk}/", everyone()),
    "sla-ubah": (lambda f: f"/sla/{_sla(f).pk}/ubah/", only(*PENGELOLA_A)),
    "sla-ajukan": (lambda f: f"/sla/{_sla(f).pk}/ajukan/", POST_SAJA),
    "sla-tarik": (lambda f: f"/sla/{_sla(f).pk}/tarik/", POST_SAJA),
    "sla-tandatangan": (lambda f: f"/sla/{_sla(f).pk}/tandatangan/", POST_SAJA),
    "sla-amandemen": (lambda f: f"/sla/{_sla(f).pk}/amandemen/", POST_SAJA),
    # A draft has no signed document (the download itself: tests/sla/test_pages.py).
    "sla-dokumen": (lambda f: f"/sla/{_sla(f).pk}/dokumen/", everyone(NOT_FOUND)),
    "sla-layanan": (lambda f: "/sla/layanan/", everyone()),
    "sla-layanan-ubah": (lambda f: f"/sla/layanan/{_sla(f).layanan_id}/ubah/", only(*PENGELOLA_A)),
    # Requests
    "sla-permohonan-list": (lambda f: "/sla/permohonan/", only(*LIHAT_PERMOHONAN)),
    "sla-permohonan-tambah": (
        lambda f: "/sla/permohonan/baru/",
        only("kepala_a", "operator_a", "operator_b"),
    ),
    "sla-permohonan-detail": (
        lambda f: f"/sla/permohonan/{_permohonan_ca(f).pk}/",
        {**only(*PENGELOLA_A, "bappeda", "pimpinan"), "operator_b": NOT_FOUND},
    ),
    "sla-permohonan-aksi": (lambda f: f"/sla/permohonan/{_permohonan_ca(f).pk}/terima/", POST_SAJA),
    "sla-lampiran": (
        lambda f: f"/sla/lampiran/{_lampiran(f).pk}/",
        {**only(*PENGELOLA_A, "bappeda", "pimpinan"), "operator_b": NOT_FOUND},
    ),
    # Compliance, reports, calendar
    "sla-kepatuhan": (lambda f: "/sla/kepatuhan/", only(*LIHAT_PERMOHONAN)),
    "sla-kepatuhan-xlsx": (lambda f: "/sla/kepatuhan/unduh.xlsx?tahun=2026", only(*LIHAT_PERMOHONAN)),
    "sla-kalender": (lambda f: "/sla/kalender/", everyone()),
    "sla-libur-hapus": (lambda f: f"/sla/kalender/{_libur(f).pk}/hapus/", POST_SAJA),
    # API
    "api:sla-layanan-list": (lambda f: "/api/v1/sla/layanan/", everyone(anon=API_ANON)),
    "api:sla-layanan-detail": (
        lambda f: f"/api/v1/sla/layanan/{_sla(f).layanan_id}/",
        everyone(anon=API_ANON),
    ),
    "api:sla-list": (lambda f: "/api/v1/sla/", everyone(anon=API_ANON)),
    "api:sla-detail": (lambda f: f"/api/v1/sla/{_sla(f).pk}/", everyone(anon=API_ANON)),
    "api:sla-tandatangan": (
        lambda f: f"/api/v1/sla/{_sla(f).pk}/tandatangan/",
        {**everyone(NOT_ALLOWED, anon=API_ANON)},
    ),
    "api:sla-permohonan-list": (lambda f: "/api/v1/sla/permohonan/", only(*LIHAT_PERMOHONAN, anon=API_ANON)),
    "api:sla-permohonan-detail": (
        lambda f: f"/api/v1/sla/permohonan/{_permohonan_ca(f).pk}/",
        {**only(*PENGELOLA_A, "bappeda", "pimpinan", anon=API_ANON), "operator_b": NOT_FOUND},
    ),
    **{
        f"api:sla-permohonan-{aksi}": (
            lambda f, aksi=aksi: f"/api/v1/sla/permohonan/{_permohonan_ca(f).pk}/{aksi}/",
            API_AKSI_PERMOHONAN,
        )
        for aksi in ("terima", "kelengkapan", "lengkapi", "selesaikan", "tolak", "batalkan")
    },
    "api:sla-libur-list": (lambda f: "/api/v1/sla/libur/", everyone(anon=API_ANON)),
    "api:sla-libur-detail": (lambda f: f"/api/v1/sla/libur/{_libur(f).pk}/", everyone(anon=API_ANON)),
    "api:sla-kepatuhan": (
        lambda f: "/api/v1/sla/kepatuhan/?tahun=2026",
        only(*LIHAT_PERMOHONAN, anon=API_ANON),
    ),
    "api:sla-tenggat": (
        lambda f: "/api/v1/sla/tenggat/?diterima=2026-03-17T10:00:00%2B07:00&standar=3",
        everyone(anon=API_ANON),
    ),
}
NOT_PAGES: set[str] = set()
