"""Thin Celery tasks: load by id, call the service. Safe to run twice."""

from celery import shared_task

from bencana import services


@shared_task(acks_late=True)
def penugasan_status_mulai() -> int:
    """Beat: decrees that start today (or started) get their Perbup assignments, once."""
    return services.penugasan_status_mulai()


@shared_task(acks_late=True)
def pengingat_laporan_harian() -> int:
    """Beat (hourly): from SIPD_BENCANA_JAM_PENGINGAT on, remind who has not reported today, once a day."""
    from django.conf import settings
    from django.utils import timezone

    if timezone.localtime().hour < settings.SIPD_BENCANA_JAM_PENGINGAT:
        return 0
    return services.kirim_pengingat_laporan()
