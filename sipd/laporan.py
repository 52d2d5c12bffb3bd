"""Report files produced by Celery behind a job record the page polls (pretix AsyncAction / CachedFile style).

Each app registers its reports in `<app>/reports.py` with `daftar(JenisLaporan(...))`. A request with the same
type, parameters, format and data version reuses the finished file. Wide PDF reports may split into sections
rendered by parallel tasks and merged with pypdf; page numbers ("Halaman x dari y") are stamped after merging.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sipd.models import PekerjaanLaporan

log = logging.getLogger(__name__)
Status = PekerjaanLaporan.Status
# Stored on the job, shown on its status page while it waits for Redis to come back.
PESAN_MENUNGGU_ANTREAN = gettext_lazy(
    "Layanan antrean sedang terganggu. Permintaan ini tersimpan dalam antrian dan akan diproses otomatis "
    "setelah layanan pulih; tidak perlu meminta ulang."
)


@dataclass(frozen=True)
class JenisLaporan:
    """A report type.

    `boleh(user, params)`: may this user ask for it with these parameters (the permission layer decides).
    `versi(params)`: a fingerprint of the data it reads; the same fingerprint reuses the finished file.
    `buat(params, format, progres)`: the whole file as bytes (progres(percent) reports progress).
    `bagian(params)` and `buat_bagian(params, bagian)`: optional split of the PDF into sections rendered in
    parallel; each section returns PDF bytes without page numbers.
    `parameter`: names of the parameters the request form asks for (tahun, triwulan, opd).
    `opsional`: names of parameters the form and the command line accept but do not require.
    `parameter_peminta(user)`: parameters taken from the requester rather than the form, added (and
    overriding anything sent) before the permission check. A report whose content depends on what its
    requester may see puts that scope here (e.g. the OPDs a user reads), so a finished file is reused only
    by users who see the same data, and `boleh` refuses a job of another scope.
    `kembali(params)`: the page the job's status page links back to (default: the report form).
    """

    kode: str
    judul: str
    boleh: Callable
    versi: Callable
    buat: Callable
    format: tuple[str, ...] = ("pdf", "xlsx")
    parameter: tuple[str, ...] = ("tahun",)
    opsional: tuple[str, ...] = ()
    parameter_peminta: Callable | None = None
    bagian: Callable | None = None
    buat_bagian: Callable | None = None
    nama_berkas: Callable | None = None
    keterangan: str = ""
    kelompok: str = field(default="")
    kembali: Callable | None = None
    # False: asked for from its own page (e.g. one disaster's recap), not listed on the generic report form.
    di_formulir: bool = True


_REGISTRY: dict[str, JenisLaporan] = {}
_loaded = False


def daftar(jenis: JenisLaporan) -> JenisLaporan:
    _REGISTRY[jenis.kode] = jenis
    return jenis


def semua() -> dict[str, JenisLaporan]:
    global _loaded
    if not _loaded:
        autodiscover_modules("reports")
        _loaded = True
    return _REGISTRY


def ambil(kode: str) -> JenisLaporan:
    try:
        return semua()[kode]
    except KeyError:
        raise ValidationError(_("Jenis laporan %(kode)s tidak dikenal.") % {"kode": kode}) from None


def yang_boleh(user, *, formulir: bool = True) -> list[JenisLaporan]:
    return [j for j in semua().values() if (j.di_formulir or not formulir) and j.boleh(user, {})]


def sidik(*parts) -> str:
    """A short fingerprint of data-version parts (timestamps, counts, parameters)."""
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _nama_berkas(jenis: JenisLaporan, params: dict, fmt: str) -> str:
    if jenis.nama_berkas:
        return f"{jenis.nama_berkas(params)}.{fmt}"
    bagian = [jenis.kode, *(str(params[k]) for k in sorted(params) if params[k] not in (None, ""))]
    return f"{slugify('-'.join(bagian))}.{fmt}"


@transaction.atomic
def minta(*, user, kode: str, params: dict, fmt: str) -> PekerjaanLaporan:
    """Ask for a report: the finished file of the same data version is reused, else a job is queued."""
    jenis = ambil(kode)
    if fmt not in jenis.format:
        raise ValidationError(_("Format %(f)s tidak tersedia untuk laporan ini.") % {"f": fmt})
    if jenis.parameter_peminta is not None:
        params = {**params, **jenis.parameter_peminta(user)}
    if not jenis.boleh(user, params):
        raise PermissionDenied(_("Anda tidak berwenang meminta laporan ini."))
    versi = sidik(kode, params, fmt, jenis.versi(params))
    ada = (
        PekerjaanLaporan.objects.filter(jenis=kode, format=fmt, versi_data=versi)
        .exclude(status=Status.GAGAL)
        .order_by("-dibuat")
        .first()
    )
    if ada is not None and (ada.status != Status.SELESAI or ada.berkas.storage.exists(ada.berkas.name)):
        return ada
    job = PekerjaanLaporan.objects.create(
        jenis=kode, parameter=params, format=fmt, versi_data=versi, diminta_oleh=user,
        nama_berkas=_nama_berkas(jenis, params, fmt),
    )  # fmt: skip
    transaction.on_commit(lambda: antre_pekerjaan(job.pk))
    return job


def antre_pekerjaan(job_id: int) -> bool:
    """Send the job to the workers. With Redis down the job stays in the queue (antrian) with a message the
    status page shows, and antre_ulang sends it once Redis is back: the request never fails, nothing is
    lost."""
    from sipd.tasks import antre, buat_laporan

    if antre(buat_laporan, job_id):
        return True
    _catat(job_id, pesan=str(PESAN_MENUNGGU_ANTREAN))
    return False


def antre_ulang(*, sekarang=None, batas: int = 500) -> int:
    """Send again the jobs waiting in the queue for more than SIPD_LAPORAN_ULANG_DETIK (Redis was down when
    they were asked for, or their message was lost). A job sent twice is made once: `mulai` skips a job
    already taken or finished. Stops at the first failed send (Redis down again)."""
    from sipd.tasks import antre, buat_laporan

    sekarang = sekarang or timezone.now()
    ids = list(
        PekerjaanLaporan.objects.filter(
            status=Status.ANTRIAN,
            dibuat__lte=sekarang - timezone.timedelta(seconds=settings.SIPD_LAPORAN_ULANG_DETIK),
        )
        .order_by("dibuat")
        .values_list("pk", flat=True)[:batas]
    )
    terkirim = []
    for job_id in ids:
        if not antre(buat_laporan, job_id):
            break
        terkirim.append(job_id)
    # The queue is back: the "waiting for the queue" message no longer holds.
    PekerjaanLaporan.objects.filter(pk__in=terkirim, status=Status.ANTRIAN).exclude(pesan="").update(pesan="")
    if terkirim:
        log.info("%s pekerjaan laporan dalam antrian dikirim ulang", len(terkirim))
    return len(terkirim)


def boleh_lihat(user, job: PekerjaanLaporan) -> bool:
    jenis = semua().get(job.jenis)
    return jenis is not None and jenis.boleh(user, job.parameter)


def _catat(job_id: int, **fields) -> None:
    PekerjaanLaporan.objects.filter(pk=job_id).update(**fields)


def _progres(job_id: int) -> Callable[[int], None]:
    def lapor(persen: int) -> None:
        _catat(job_id, progres=max(0, min(100, int(persen))))

    return lapor


def mulai(job_id: int, *, dikirim_ulang: bool = False) -> PekerjaanLaporan | None:
    """Claim a job for processing; None when it is finished, or taken by another worker right now.

    `dikirim_ulang`: the broker redelivered this message (its worker died mid-job), so a job in progress is
    taken again. A second message sent by antre_ulang while another worker renders the job is skipped;
    after the task's hard time limit that worker is surely gone and the job is taken again."""
    sekarang = timezone.now()
    with transaction.atomic():
        job = PekerjaanLaporan.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status in (Status.SELESAI, Status.GAGAL):
            return None
        batas = timezone.timedelta(seconds=settings.SIPD_LAPORAN_BATAS_DETIK + 30)
        if job.status == Status.DIPROSES and not dikirim_ulang and job.mulai and job.mulai > sekarang - batas:
            log.info("laporan %s sedang diproses worker lain; pesan ganda dilewati", job_id)
            return None
        job.status, job.mulai, job.progres, job.pesan = Status.DIPROSES, sekarang, max(job.progres, 1), ""
        job.save(update_fields=["status", "mulai", "progres", "pesan"])
    return job


def memori_puncak_mb() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def simpan_hasil(job: PekerjaanLaporan, isi: bytes, *, memori_mb: int | None = None) -> PekerjaanLaporan:
    """Store the whole file, then mark the job done: a failure before this leaves no file behind."""
    halaman = hitung_halaman(isi) if job.format == "pdf" else None
    nama = f"laporan/{job.jenis}/{job.pk}-{job.versi_data[:12]}.{job.format}"
    storage = job.berkas.storage
    if storage.exists(nama):
        storage.delete(nama)
    tersimpan = storage.save(nama, ContentFile(isi))
    try:
        with transaction.atomic():
            job.berkas.name = tersimpan
            job.status, job.progres, job.selesai, job.halaman = Status.SELESAI, 100, timezone.now(), halaman
            job.pesan = ""
            job.memori_puncak_mb = max(memori_mb or 0, memori_puncak_mb())
            job.save(
                update_fields=[
                    "berkas",
                    "status",
                    "progres",
                    "selesai",
                    "halaman",
                    "pesan",
                    "memori_puncak_mb",
                ]
            )
    except Exception:
        storage.delete(tersimpan)
        raise
    return job


def gagal(job_id: int, pesan: str) -> None:
    _catat(job_id, status=Status.GAGAL, pesan=pesan, selesai=timezone.now())


def pesan_galat(exc: BaseException) -> str:
    from celery.exceptions import SoftTimeLimitExceeded

    if isinstance(exc, SoftTimeLimitExceeded):
        batas = settings.SIPD_LAPORAN_BATAS_DETIK
        return _("Waktu pembuatan laporan habis (batas %(n)s detik). Persempit parameter atau coba lagi.") % {
            "n": batas
        }
    if isinstance(exc, MemoryError):
        return _("Memori tidak cukup untuk membuat laporan ini (batas %(n)s MB).") % {
            "n": settings.SIPD_LAPORAN_MAKS_MEMORI_MB
        }
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return _("Laporan gagal dibuat karena kesalahan sistem (%(jenis)s). Tim teknis dapat melihat lognya.") % {
        "jenis": type(exc).__name__
    }


def buat_langsung(
    kode: str, params: dict, fmt: str, progres: Callable[[int], None] = lambda p: None
) -> bytes:
    """The whole report in this process (the command line, and small reports in the worker)."""
    jenis = ambil(kode)
    if fmt == "pdf" and jenis.bagian:
        daftar_bagian = jenis.bagian(params)
        hasil = []
        for i, bagian in enumerate(daftar_bagian):
            hasil.append(jenis.buat_bagian(params, bagian))
            progres(5 + 85 * (i + 1) // max(len(daftar_bagian), 1))
        return gabung_pdf(hasil, kode=kode, params=params)
    return jenis.buat(params, fmt, progres)


def hitung_halaman(isi: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(isi)).pages)


def gabung_pdf(bagian: list[bytes], *, kode: str, params: dict) -> bytes:
    """Merge section PDFs and stamp "Halaman x dari y" over the whole document."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for isi in bagian:
        for page in PdfReader(io.BytesIO(isi)).pages:
            writer.add_page(page)
    total = len(writer.pages)
    if total:
        first = writer.pages[0]
        lebar, tinggi = float(first.mediabox.width), float(first.mediabox.height)
        nomor = PdfReader(io.BytesIO(_halaman_nomor(total, lebar, tinggi, ambil(kode).judul, params)))
        for page, overlay in zip(writer.pages, nomor.pages, strict=True):
            page.merge_page(overlay)
    out = io.BytesIO()
    writer.compress_identical_objects()
    writer.write(out)
    return out.getvalue()


def _halaman_nomor(total: int, lebar_pt: float, tinggi_pt: float, judul: str, params: dict) -> bytes:
    """`total` transparent pages carrying only the footer, rendered by WeasyPrint in one go."""
    from django.template.loader import render_to_string
    from weasyprint import HTML

    from sipd.pdf import pdf_context

    html = render_to_string(
        "pdf/nomor_halaman.html",
        pdf_context(total=range(1, total + 1), jumlah=total, lebar=lebar_pt, tinggi=tinggi_pt, judul=judul),
    )
    return HTML(string=html).write_pdf()


def bersihkan(*, sekarang=None) -> int:
    """Retention: drop jobs and files older than SIPD_LAPORAN_RETENSI_HARI."""
    sekarang = sekarang or timezone.now()
    batas = sekarang - timezone.timedelta(days=settings.SIPD_LAPORAN_RETENSI_HARI)
    lama = list(PekerjaanLaporan.objects.filter(dibuat__lt=batas))
    for job in lama:
        if job.berkas and job.berkas.storage.exists(job.berkas.name):
            job.berkas.storage.delete(job.berkas.name)
    PekerjaanLaporan.objects.filter(pk__in=[j.pk for j in lama]).delete()
    # Jobs stuck in progress (their worker and its redelivery lost) fail with a reason instead of polling
    # forever. Jobs waiting in the queue are sent again by antre_ulang (Redis may be down for a while); only
    # after a day without a worker taking them do they fail too.
    macet = sekarang - timezone.timedelta(seconds=settings.SIPD_LAPORAN_BATAS_DETIK * 3)
    antrian_macet = sekarang - timezone.timedelta(days=1)
    PekerjaanLaporan.objects.filter(
        Q(status=Status.DIPROSES, dibuat__lt=macet) | Q(status=Status.ANTRIAN, dibuat__lt=antrian_macet)
    ).update(
        status=Status.GAGAL, pesan=_("Pekerjaan tidak selesai dalam batas waktu; silakan minta ulang."),
        selesai=sekarang,
    )  # fmt: skip
    return len(lama)
