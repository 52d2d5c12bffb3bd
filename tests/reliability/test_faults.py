"""Faults with real processes: a Celery worker killed mid-job, Redis down, PostgreSQL restarted.

Everything runs against private servers (conftest.py): gunicorn and Celery workers as subprocesses, the
private PostgreSQL restarted with pg_ctl, the private Redis killed and started again on the same port.
"""

import glob
import io
import os
import re
import signal
import subprocess
import sys
import time
import uuid

import psycopg2
import pytest
from openpyxl import load_workbook

from tests.reliability.conftest import BASE_DIR, portal_env, signed_in

# django_db: the private cluster copies the migrated test database, so it must exist even when this file runs
# alone (pytest-django only creates it for a session with a test that asks for it).
pytestmark = [pytest.mark.worker, pytest.mark.django_db]


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


def _worker(env, log, *extra, pool="solo"):
    out = open(log, "ab")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "sipd", "worker", "-Q", env["CELERY_QUEUE"], "--pool", pool,
         "--loglevel", "INFO", "--hostname", f"uji-{uuid.uuid4().hex[:6]}@%h", "--without-gossip",
         "--without-mingle", *extra],
        env=env, cwd=BASE_DIR, stdout=out, stderr=subprocess.STDOUT,
    )  # fmt: skip


def _children(pid: int) -> set[int]:
    """The live processes whose parent is `pid`, read from /proc."""
    found = set()
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[1]) == pid and fields[0] != "Z":  # fields: state, ppid, ...
            found.add(int(stat.split("/")[2]))
    return found


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


def test_prefork_child_killed_mid_job_the_job_is_redelivered_at_once_and_its_effect_happens_once(
    private_pg, private_redis, tmp_path
):
    # A long visibility timeout: the job can only come back through reject_on_worker_lost, right away.
    env = portal_env(
        private_pg, private_redis, CELERY_QUEUE="keandalan-anak", CELERY_VISIBILITY_TIMEOUT="600"
    )
    log = tmp_path / "worker.log"
    kunci = f"uji-{uuid.uuid4().hex[:8]}"
    worker = _worker(env, log, "--concurrency", "1", pool="prefork")
    try:
        child = _wait(lambda: _children(worker.pid), 60, "proses anak prefork mulai")
        assert len(child) == 1, child
        _enqueue(env, "uji_keandalan", kunci, 6)
        sql = "SELECT percobaan, efek, selesai IS NOT NULL FROM sipd_tugasselesai WHERE kunci = %s"
        _wait(lambda: _query(private_pg, sql, kunci) == [(1, 0, False)], 60, "pekerjaan mulai")
        os.kill(child.pop(), signal.SIGKILL)  # only the pool process running the job dies
        _wait(
            lambda: _query(private_pg, sql, kunci) == [(2, 1, True)],
            60,
            "pekerjaan dikirim ulang sampai selesai",
        )
        time.sleep(3)  # no third delivery
        assert _query(private_pg, sql, kunci) == [(2, 1, True)]
        assert worker.poll() is None  # the worker's main process survived and replaced its child
        assert _children(worker.pid), "the pool has a process again"
    finally:
        _stop(worker)
    text = log.read_text()
    assert "WorkerLostError" in text, text[-3000:]
    assert text.count("Task sipd.tasks.uji_keandalan[") >= 2


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


def _minta_laporan(session, portal, tahun: int):
    """The /laporan/ form, as the browser sends it: rekap-pengisian of triwulan 1 as xlsx."""
    return session.post(
        f"{portal.url}/laporan/",
        data={"jenis": "rekap-pengisian", "format": "xlsx", "tahun": tahun, "triwulan": 1,
              "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": f"{portal.url}/laporan/"}, allow_redirects=False, timeout=30,
    )  # fmt: skip


def _job_id(response) -> int:
    assert response.status_code == 302, (response.status_code, response.text[:500])
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])


def test_redis_down_a_report_asked_for_waits_in_the_queue_and_is_made_once_redis_is_back(
    portal, private_pg, private_redis, tmp_path
):
    session = signed_in(portal, "bappeda-uji")
    form = session.get(f"{portal.url}/laporan/", timeout=10)
    assert form.status_code == 200, form.text[:300]
    job = "SELECT status, pesan FROM sipd_pekerjaanlaporan WHERE id = %s"
    private_redis.kill()
    try:
        started = time.monotonic()
        pk = _job_id(_minta_laporan(session, portal, 2025))  # no 500: the job is kept
        assert time.monotonic() - started < 10  # the failed enqueue gives up quickly
        # Waiting in the queue, with a message the status page shows.
        [(status, pesan)] = _query(private_pg, job, pk)
        assert status == "antrian" and "antrian" in pesan and "diproses otomatis" in pesan, pesan
        page = session.get(f"{portal.url}/laporan/{pk}/", timeout=10)
        assert page.status_code == 200 and "diproses otomatis" in page.text
        assert 'hx-trigger="every 2s"' in page.text  # the page keeps polling
        # Asking again meanwhile reuses the waiting job instead of queueing a second one.
        assert _job_id(_minta_laporan(session, portal, 2025)) == pk
    finally:
        private_redis.start()
    # Redis is back: both gunicorn workers enqueue new jobs at once, with no restart.
    baru = [_job_id(_minta_laporan(session, portal, tahun)) for tahun in (2021, 2022, 2023, 2024)]
    for other in baru:
        assert _query(private_pg, job, other) == [("antrian", "")]
    # Beat's antre_ulang_laporan sends the job asked for while Redis was down; the worker makes each once.
    env = {**portal.env, "SIPD_LAPORAN_ULANG_DETIK": "1"}
    log = tmp_path / "worker.log"
    worker = _worker(env, log, "--beat", "--schedule", str(tmp_path / "beat-schedule"))
    semua = [pk, *baru]
    done = "SELECT id, status, pesan, berkas FROM sipd_pekerjaanlaporan WHERE id = ANY(%s) ORDER BY id"

    def finished():
        rows = _query(private_pg, done, semua)
        return rows if all(row[1] in ("selesai", "gagal") for row in rows) else None

    try:
        rows = _wait(finished, 120, "laporan dibuat setelah Redis kembali")
        assert [(x[1], x[2]) for x in rows] == [("selesai", "")] * len(semua), (rows, log.read_text()[-3000:])
        time.sleep(4)  # several more sweeps: nothing is made again
        assert _query(private_pg, done, semua) == rows
    finally:
        _stop(worker)
    text = log.read_text()
    for made in semua:
        runs = re.findall(rf"buat_laporan\[[^\]]+\] succeeded in [\d.]+s: {made}$", text, re.MULTILINE)
        assert len(runs) == 1, (made, text[-3000:])
    assert _query(private_pg, "SELECT count(*) FROM sipd_pekerjaanlaporan") == [(len(semua),)]
    download = session.get(f"{portal.url}/laporan/{pk}/unduh/", timeout=10)
    assert download.status_code == 200 and download.content[:2] == b"PK"
    assert load_workbook(io.BytesIO(download.content), read_only=True).active["B1"].value == "OPD"


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
