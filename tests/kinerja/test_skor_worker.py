"""The recompute on a real Celery worker and the real Redis: coalesced edits land as one run."""

import time
from decimal import Decimal as D

import pytest
from django.core.cache import cache
from django.db import transaction

from kinerja.models import SkorIndikator, SkorRingkasan
from kinerja.services import realisasi as realisasi_services
from kinerja.services.skor import jadwalkan_hitung_ulang, kunci_jadwal
from kinerja.tasks import hitung_ulang_semua_skor, hitung_ulang_skor
from sipd.celery import app
from tests.kinerja.skor_data import TAHUN, indikator, pohon


def test_tasks_are_safe_to_run_twice_and_retry():
    for task in (hitung_ulang_skor, hitung_ulang_semua_skor):
        assert task.acks_late and task.reject_on_worker_lost
        assert task.max_retries == 5 and task.autoretry_for and task.retry_backoff
        assert task.time_limit and task.soft_time_limit < task.time_limit
    assert app.conf.beat_schedule["kinerja-hitung-ulang-semua-skor"]["task"] == hitung_ulang_semua_skor.name


def test_the_realization_service_schedules_the_recompute():
    assert jadwalkan_hitung_ulang in realisasi_services.SETELAH_BERUBAH


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_many_edits_in_the_window_make_one_run(two_opds, celery_worker_process, settings):
    settings.SIPD_SKOR_JEDA_DETIK = 2
    p = pohon(two_opds.opd_a, two_opds.opd_b)
    ind = indikator(p, two_opds.opd_a, node=p.spd_a, target=80, realisasi=[D(72)])
    opd_id = two_opds.opd_a.pk
    sebelum = celery_worker_process.log.read_text().count("hitung_ulang_skor[")
    for _edit in range(5):
        with transaction.atomic():  # five saves, each its own transaction, inside the window
            realisasi_services._setelah_berubah(opd_id, TAHUN)
    assert cache.get(kunci_jadwal(opd_id, TAHUN)) == 1
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not SkorIndikator.objects.filter(indikator=ind).exists():
        time.sleep(0.5)
    skor = SkorIndikator.objects.get(indikator=ind, tahun=TAHUN, triwulan=1)
    assert skor.capaian == D("90")
    assert SkorRingkasan.objects.filter(tingkat="opd", objek_id=opd_id, tahun=TAHUN).count() == 4
    time.sleep(3)  # nothing else was queued
    log = celery_worker_process.log.read_text()
    assert log.count("hitung_ulang_skor[") - sebelum == 2  # received + succeeded: one run
    assert "succeeded" in log
    assert cache.get(kunci_jadwal(opd_id, TAHUN)) is None  # the run released the window
