"""Thin Celery tasks: load by id, call the service. Safe to run twice."""

from celery import shared_task

from bencana import reports, services
from bencana.models import KejadianBencana
from sipd import unduhan


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


@shared_task(acks_late=True, time_limit=300, soft_time_limit=290)
def rekap_penugasan_pdf(job: str, kejadian_id: int) -> None:
    kejadian = KejadianBencana.objects.select_related("jenis", "kecamatan").get(pk=kejadian_id)
    unduhan.simpan(job, isi=reports.rekap_pdf(kejadian=kejadian), nama=f"rekap-penugasan-{kejadian.pk}.pdf",
                   tipe="application/pdf")  # fmt: skip
