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


def antre_setelah_commit(task, *args, **kwargs) -> None:
    """Enqueue `task` once the transaction commits. With the broker (Redis) down the request still succeeds:
    the failure is logged and the job's sweeper (e.g. kirim_email_tertunda) enqueues it again later."""

    def kirim():
        try:
            task.apply_async(args=args, kwargs=kwargs)
        except Exception as exc:  # kombu raises OperationalError and others; never fail the request
            logger.warning(
                "Antrean Celery tidak tersedia; %s ditunda dan dikirim ulang nanti: %s", task.name, exc
            )

    transaction.on_commit(kirim)


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
