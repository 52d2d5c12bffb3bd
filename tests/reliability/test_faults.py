"""Faults with real processes: a Celery worker killed mid-job, Redis down, PostgreSQL restarted.

Everything runs against private servers (conftest.py): gunicorn and Celery workers as subprocesses, the
private PostgreSQL restarted with pg_ctl, the private Redis killed and started again on the same port.
"""

import os
import signal
import subprocess
import sys
import time
import uuid

import psycopg2
import pytest

from tests.reliability.conftest import BASE_DIR, portal_env, signed_in

pytestmark = pytest.mark.worker


def _query(pg, sql, *args):
    with psycopg2.connect(pg.url(), connect_timeout=5) as conn, conn.cursor() as cursor:
        cursor.execute(sql, args)
        return cursor.fetchall() if cursor.description else None


def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"tidak terjadi dalam {timeout} detik: {what}")


def _worker(env, log, *extra):
    out = open(log, "ab")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "sipd", "worker", "-Q", env["CELERY_QUEUE"], "--pool", "solo",
         "--loglevel", "INFO", "--hostname", f"uji-{uuid.uuid4().hex[:6]}@%h", "--without-gossip",
         "--without-mingle", *extra],
        env=env, cwd=BASE_DIR, stdout=out, stderr=subprocess.STDOUT,
    )  # fmt: skip


def _stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _enqueue(env, task, *args):
    """Send a job through the private broker, from a separate process (the test's Celery app is elsewhere)."""
    script = f"from sipd.tasks import {task}; {task}.apply_async(args={list(args)!r})"
    subprocess.run([sys.executable, "manage.py", "shell", "-c", script], env=env, cwd=BASE_DIR, check=True)


def test_worker_killed_mid_job_the_job_runs_again_and_its_effect_happens_once(
    private_pg, private_redis, tmp_path
):
    env = portal_env(private_pg, private_redis, CELERY_QUEUE="keandalan-bunuh", CELERY_VISIBILITY_TIMEOUT="5")
    log = tmp_path / "worker.log"
    kunci = f"uji-{uuid.uuid4().hex[:8]}"
    first = _worker(env, log)
    try:
        _enqueue(env, "uji_keandalan", kunci, 6)
        sql = "SELECT percobaan, efek, selesai IS NOT NULL FROM sipd_tugasselesai WHERE kunci = %s"
        _wait(lambda: _query(private_pg, sql, kunci) == [(1, 0, False)], 60, "pekerjaan mulai")
        first.send_signal(signal.SIGKILL)  # the worker dies mid-job: never acknowledged
        first.wait(10)
    finally:
        _stop(first)
    second = _worker(env, log)
    try:
        _wait(
            lambda: _query(private_pg, sql, kunci) == [(2, 1, True)], 60, "pekerjaan diulang sampai selesai"
        )
        time.sleep(7)  # past another visibility timeout: no third delivery
        assert _query(private_pg, sql, kunci) == [(2, 1, True)]
    finally:
        _stop(second)


def test_redis_down_pages_serve_email_waits_and_is_sent_once_redis_is_back(
    portal, private_pg, private_redis, tmp_path
):
    session = signed_in(portal)
    assert session.get(f"{portal.url}/", timeout=10).status_code == 200
    private_redis.kill()
    try:
        started = time.monotonic()
        for path in ("/", "/pemda/", "/notifikasi/", "/api/v1/saya/"):
            response = session.get(f"{portal.url}{path}", timeout=10)
            assert response.status_code == 200, (path, response.status_code, response.text[:300])
        assert time.monotonic() - started < 10  # degraded, not stalled
        # A notification with email, made while Redis is down: the request succeeds, the email waits.
        script = (
            "from sipd.models import User; from sipd.notifications import kirim_notifikasi; "
            "kirim_notifikasi(penerima=User.objects.filter(username='admin-uji'), judul='Uji Redis mati')"
        )
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", script], env=portal.env, cwd=BASE_DIR, check=True,
            timeout=60,
        )  # fmt: skip
        sql = "SELECT count(*) FROM sipd_notifikasi WHERE judul = 'Uji Redis mati' AND email_terkirim IS NULL"
        assert _query(private_pg, sql) == [(1,)]
        # The load balancer keeps this web server (it serves pages); monitoring sees Redis down.
        health = session.get(f"{portal.url}/healthz", timeout=10)
        body = health.json()
        assert health.status_code == 200, body
        assert body["checks"]["database"]["ok"] and not body["checks"]["redis"]["ok"]
        assert body["ok"] is False and body["degraded"] == ["redis", "worker"]
        assert session.get(f"{portal.url}/healthz?ketat=1", timeout=10).status_code == 503
    finally:
        private_redis.start()  # the same port: Redis is back
    assert session.get(f"{portal.url}/", timeout=10).status_code == 200
    # Beat's sweeper re-enqueues unsent email; the worker sends it once.
    env = {**portal.env, "EMAIL_RETRY_SECONDS": "1"}
    log = tmp_path / "worker.log"
    worker = _worker(env, log, "--beat", "--schedule", str(tmp_path / "beat-schedule"))
    try:
        sent = sql.replace("IS NULL", "IS NOT NULL")
        _wait(lambda: _query(private_pg, sent) == [(1,)], 60, "email terkirim setelah Redis kembali")
        time.sleep(3)
    finally:
        _stop(worker)
    assert log.read_text().count("Subject: Uji Redis mati") == 1


def test_postgresql_restart_the_portal_recovers_without_a_manual_step(portal, private_pg):
    session = signed_in(portal)
    for _ in range(4):  # both gunicorn workers hold a persistent connection (DB_CONN_MAX_AGE=60)
        assert session.get(f"{portal.url}/healthz", timeout=10).status_code == 200
    private_pg.restart()
    for _ in range(4):  # the very next requests on the old connections succeed
        response = session.get(f"{portal.url}/", timeout=10)
        assert response.status_code == 200, response.text[:500]
    health = session.get(f"{portal.url}/healthz", timeout=10)
    assert health.status_code == 200 and health.json()["checks"]["database"]["ok"]
    assert os.path.exists(portal.log)
