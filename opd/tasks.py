from celery import shared_task
from django.contrib.auth import get_user_model

from opd import klaim_reports
from sipd import unduhan


@shared_task(acks_late=True, time_limit=300, soft_time_limit=290)
def register_klaim_pdf(job: str, user_id: int, tahun: int) -> None:
    """Render the claim register of a year for the user who asked (safe to run twice: same file)."""
    user = get_user_model().objects.get(pk=user_id)
    unduhan.simpan(job, isi=klaim_reports.register_pdf(user=user, tahun=tahun),
                   nama=f"register-klaim-bpjs-{tahun}.pdf", tipe="application/pdf")  # fmt: skip
