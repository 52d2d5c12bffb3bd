"""Celery tasks of the scoring engine: thin, safe to run twice: acks_late, and the SQL is an upsert."""

from celery import shared_task
from django.db import DatabaseError

from kinerja.services import skor

OPSI = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (DatabaseError, ConnectionError),
    "retry_backoff": 10,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(**OPSI, time_limit=300, soft_time_limit=280)
def hitung_ulang_skor(self, opd_id: int, tahun: int):
    """The coalesced recompute after edits: one OPD's indicator scores for one year, and the roll-ups."""
    skor.lepas_jadwal(opd_id, tahun)  # edits from now on schedule the next run
    return skor.hitung_skor(tahun=tahun, opd_ids=[opd_id])


@shared_task(**OPSI, time_limit=1800, soft_time_limit=1780)
def hitung_ulang_semua_skor(self):
    """Nightly (beat): every score of every year of every RPJMD period."""
    return skor.hitung_skor()
