"""Celery beat's schedule: every periodic job is there and names a task the workers know."""

from django.conf import settings

from sipd.celery import app


def test_every_scheduled_job_is_a_registered_task():
    app.loader.import_default_modules()
    missing = {
        name: e["task"] for name, e in settings.CELERY_BEAT_SCHEDULE.items() if e["task"] not in app.tasks
    }
    assert not missing, missing


def test_no_app_replaces_the_schedule_of_another():
    # One dict that each app adds to; a second assignment in settings would drop the entries before it.
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"sipd.tasks.kirim_email_tertunda", "sipd.tasks.bersihkan_laporan", "sla.tasks.periksa_tenggat",
            "kinerja.tasks.hitung_ulang_semua_skor", "sipd.tasks.bersihkan_catatan_akses",
            "sipd.tasks.antre_ulang_laporan"} <= tasks  # fmt: skip


def test_every_scheduled_job_can_be_sent():
    # apply_async refuses a task whose soft limit (CELERY_TASK_SOFT_TIME_LIMIT unless it sets its own) is
    # above its hard limit, so beat could never send it.
    app.loader.import_default_modules()
    refused = {}
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        task = app.tasks[entry["task"]]
        if task.soft_time_limit and task.time_limit and task.soft_time_limit > task.time_limit:
            refused[name] = (task.soft_time_limit, task.time_limit)
    assert not refused, refused
