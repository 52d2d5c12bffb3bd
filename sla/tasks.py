from celery import shared_task

from sla import services


@shared_task(acks_late=True, time_limit=240, soft_time_limit=230)
def periksa_tenggat():
    """Beat, every 5 minutes: reminders, breach flags, escalation."""
    return services.periksa_tenggat()


@shared_task(acks_late=True, time_limit=120, soft_time_limit=110)
def buat_dokumen_sla(sla_id: int):
    sla = services.simpan_dokumen_sla(sla_id=sla_id)
    return sla.dokumen.name if sla and sla.dokumen else None
