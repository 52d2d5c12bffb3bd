import logging
import time
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from sipd.models import Notifikasi, TugasSelesai

logger = logging.getLogger("sipd.tasks")


def antre(task, *args, **kwargs) -> bool:
    """Enqueue `task` now; False (logged) when the broker (Redis) is down, so the caller can say the job
    waits. Its sweeper (e.g. kirim_email_tertunda, antre_ulang_laporan) enqueues it again later."""
    try:
        task.apply_async(args=args, kwargs=kwargs)
    except Exception as exc:  # kombu raises OperationalError and others; never fail the request
        logger.warning(
            "Antrean Celery tidak tersedia; %s ditunda dan dikirim ulang nanti: %s", task.name, exc
        )
        return False
    return True


def antre_setelah_commit(task, *args, **kwargs) -> None:
    """Enqueue `task` once the transaction commits. With the broker (Redis) down the request still succeeds:
    the failure is logged and the job's sweeper (e.g. kirim_email_tertunda) enqueues it again later."""
    transaction.on_commit(lambda: antre(task, *args, **kwargs))


@shared_task(
    bind=True, acks_late=True, max_retries=5, default_retry_delay=60, time_limit=120, soft_time_limit=110
)
def kirim_email_notifikasi(self, ids: list[int]):
    """Send each notification once: rows already sent are skipped, so a retry never sends twice."""
    sent = 0
    for notif_id in ids:
        with transaction.atomic():
            notif = (
                Notifikasi.objects.select_for_update(skip_locked=True)
                .select_related("penerima")
                .filter(pk=notif_id, email_terkirim__isnull=True)
                .first()
            )
            if notif is None or not notif.penerima.email:
                continue
            try:
                send_mail(
                    subject=notif.judul,
                    message=f"{notif.pesan}\n\n{notif.tautan}".strip(),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    recipient_list=[notif.penerima.email],
                )
            except OSError as exc:
                raise self.retry(exc=exc) from exc
            notif.email_terkirim = timezone.now()
            notif.save(update_fields=["email_terkirim"])
            sent += 1
    return sent


@shared_task(acks_late=True)
def kirim_email_tertunda(batas_hari: int = 7) -> int:
    """Periodic (beat): enqueue again the email of notifications still unsent after SIPD_EMAIL_ULANG_DETIK.

    Covers an enqueue lost while Redis was down and a job lost with its worker; sending stays once per
    notification (kirim_email_notifikasi skips rows already sent)."""
    now = timezone.now()
    ids = list(
        Notifikasi.objects.filter(
            email_terkirim__isnull=True,
            dibuat__lte=now - timedelta(seconds=settings.SIPD_EMAIL_ULANG_DETIK),
            dibuat__gte=now - timedelta(days=batas_hari),
        )
        .exclude(penerima__email="")
        .values_list("pk", flat=True)[:1000]
    )
    if ids:
        kirim_email_notifikasi.delay(ids)
    return len(ids)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def uji_keandalan(kunci: str, detik: float = 0.0) -> int:
    """Diagnostic job for the fault tests: counts its attempts, waits, then runs its effect exactly once."""
    row, _ = TugasSelesai.objects.get_or_create(kunci=kunci)
    TugasSelesai.objects.filter(pk=row.pk).update(percobaan=F("percobaan") + 1)
    time.sleep(detik)
    with transaction.atomic():
        row = TugasSelesai.objects.select_for_update().get(pk=row.pk)
        if row.selesai is None:
            row.selesai = timezone.now()
            row.efek = F("efek") + 1
            row.save(update_fields=["selesai", "efek"])
    return row.pk


def _batas_memori():
    """Cap this process's address space while a report renders (soft limit, restored afterwards)."""
    import contextlib
    import resource

    @contextlib.contextmanager
    def cap():
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = settings.SIPD_LAPORAN_MAKS_MEMORI_MB * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        try:
            yield
        finally:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))

    return cap()


LAPORAN_OPSI = {
    "bind": True,
    "acks_late": True,
    "soft_time_limit": settings.SIPD_LAPORAN_BATAS_DETIK,
    "time_limit": settings.SIPD_LAPORAN_BATAS_DETIK + 30,
}


@shared_task(**LAPORAN_OPSI)
def buat_laporan(self, job_id: int):
    """Render a requested report; sectioned PDFs fan out to parallel tasks and merge at the end."""
    from celery import chord

    from sipd import laporan

    job = laporan.mulai(job_id, dikirim_ulang=bool((self.request.delivery_info or {}).get("redelivered")))
    if job is None:
        return None
    try:
        jenis = laporan.ambil(job.jenis)
        if job.format == "pdf" and jenis.bagian:
            jumlah = len(jenis.bagian(job.parameter))
            chord(buat_bagian_laporan.s(job_id, i) for i in range(jumlah))(gabung_laporan.s(job_id))
            return jumlah
        with _batas_memori():
            isi = jenis.buat(job.parameter, job.format, laporan._progres(job_id))
        laporan.simpan_hasil(job, isi)
    except Exception as exc:  # the job record carries the reason; the page shows it
        laporan.log.exception("laporan %s gagal", job_id)
        laporan.gagal(job_id, laporan.pesan_galat(exc))
    return job_id


@shared_task(**LAPORAN_OPSI)
def buat_bagian_laporan(self, job_id: int, indeks: int) -> dict | None:
    """One section of a PDF, stored as a temporary file; its name goes to the merge step."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from sipd import laporan
    from sipd.models import PekerjaanLaporan

    job = PekerjaanLaporan.objects.filter(pk=job_id).first()
    if job is None or job.status != PekerjaanLaporan.Status.DIPROSES:
        return None
    try:
        jenis = laporan.ambil(job.jenis)
        with _batas_memori():
            isi = jenis.buat_bagian(job.parameter, jenis.bagian(job.parameter)[indeks])
        nama = f"laporan/tmp/{job_id}-{job.versi_data[:12]}-{indeks:04d}.pdf"
        if default_storage.exists(nama):
            default_storage.delete(nama)
        return {"nama": default_storage.save(nama, ContentFile(isi)), "memori_mb": laporan.memori_puncak_mb()}
    except Exception as exc:
        laporan.log.exception("bagian %s laporan %s gagal", indeks, job_id)
        laporan.gagal(job_id, laporan.pesan_galat(exc))
        raise


@shared_task(**LAPORAN_OPSI)
def gabung_laporan(self, hasil_bagian: list[dict | None], job_id: int):
    from django.core.files.storage import default_storage

    from sipd import laporan
    from sipd.models import PekerjaanLaporan

    job = PekerjaanLaporan.objects.filter(pk=job_id).first()
    nama_bagian = [h["nama"] for h in hasil_bagian if h]
    try:
        if job is None or job.status != PekerjaanLaporan.Status.DIPROSES or None in hasil_bagian:
            return None
        laporan._progres(job_id)(92)
        bagian = []
        for nama in nama_bagian:
            with default_storage.open(nama, "rb") as fh:
                bagian.append(fh.read())
        with _batas_memori():
            isi = laporan.gabung_pdf(bagian, kode=job.jenis, params=job.parameter)
        laporan.simpan_hasil(job, isi, memori_mb=max(h["memori_mb"] for h in hasil_bagian))
    except Exception as exc:
        laporan.log.exception("penggabungan laporan %s gagal", job_id)
        laporan.gagal(job_id, laporan.pesan_galat(exc))
    finally:
        for nama in nama_bagian:
            if default_storage.exists(nama):
                default_storage.delete(nama)
    return job_id


@shared_task(acks_late=True, time_limit=60, soft_time_limit=50)
def antre_ulang_laporan() -> int:
    """Periodic (beat, every SIPD_LAPORAN_ULANG_DETIK): send again report jobs still waiting in the queue
    (asked for while Redis was down, or their message was lost). buat_laporan skips a job already taken."""
    from sipd import laporan

    return laporan.antre_ulang()


@shared_task(acks_late=True, time_limit=300, soft_time_limit=290)
def bersihkan_laporan():
    from sipd import laporan

    return laporan.bersihkan()


@shared_task(acks_late=True, time_limit=300, soft_time_limit=290)
def bersihkan_catatan_akses() -> int:
    """Periodic (beat, nightly): the access log keeps SIPD_AKSES_RETENSI_HARI days."""
    from sipd.services import hapus_catatan_akses_lama

    return hapus_catatan_akses_lama()
