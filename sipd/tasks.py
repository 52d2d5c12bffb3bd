from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from sipd.models import Notifikasi


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
