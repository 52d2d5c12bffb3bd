"""Private, killable servers for the fault tests: PostgreSQL (initdb + pg_ctl), Redis, gunicorn, Celery.

The machine's own PostgreSQL and Redis are never touched: every server here runs on a free loopback port
from a temporary directory and is stopped at the end. The private database is a copy (pg_dump) of the
migrated test database.
"""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
PASSWORD = "sandi-uji-keandalan-2026"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"port {port} tidak terbuka")


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _as_postgres(cmd: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the postgres user then."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


class PrivatePostgres:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="sipd-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        subprocess.run(
            _as_postgres([_pg_bin("initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]),  # noqa: E501
            check=True, capture_output=True,
        )  # fmt: skip
        self.start()

    def _ctl(self, *args):
        opts = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        cmd = [_pg_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-o", opts, "-w", *args]
        subprocess.run(_as_postgres(cmd), check=True, capture_output=True, timeout=60)

    def start(self):
        self._ctl("start")

    def restart(self):
        self._ctl("restart", "-m", "fast")

    def stop(self):
        self._ctl("stop", "-m", "immediate")

    def url(self, name="sipd") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def psql(self, sql: str):
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", "postgres", "-c", sql],
            check=True, capture_output=True,
        )  # fmt: skip

    def cleanup(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.proc = None
        self.start()

    def start(self):
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_port(self.port)

    def kill(self):
        self.proc.kill()
        self.proc.wait(10)

    def url(self, db=0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"


@pytest.fixture(scope="module")
def private_pg(django_db_setup, django_db_blocker):
    """A private cluster holding a copy of the migrated test database, named `sipd`."""
    from django.db import connection

    pg = PrivatePostgres()
    try:
        name = connection.settings_dict["NAME"]
        db = {**connection.settings_dict, "NAME": name if name.startswith("test_") else f"test_{name}"}
        pg.psql("CREATE DATABASE sipd")
        dump = subprocess.run(
            ["pg_dump", "-O", "-h", db["HOST"], "-p", str(db["PORT"] or 5432), "-U", db["USER"], db["NAME"]],
            check=True, capture_output=True, env={**os.environ, "PGPASSWORD": db["PASSWORD"] or ""},
        ).stdout  # fmt: skip
        subprocess.run(
            ["psql", "-qv", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(pg.port), "-U", "postgres", "-d", "sipd"],  # noqa: E501
            input=dump, check=True,
        )  # fmt: skip
    except BaseException:
        pg.cleanup()  # a failed copy must not leave the cluster running
        raise
    yield pg
    pg.cleanup()


@pytest.fixture(scope="module")
def private_redis():
    server = PrivateRedis()
    yield server
    if server.proc.poll() is None:
        server.kill()


def portal_env(pg: PrivatePostgres, redis_server: PrivateRedis, **extra) -> dict:
    return {
        **os.environ, "DEBUG": "true", "DATABASE_URL": pg.url(), "REDIS_URL": redis_server.url(),
        "CELERY_QUEUE": "keandalan", "DB_CONN_MAX_AGE": "60", "EMAIL_BACKEND":
        "django.core.mail.backends.console.EmailBackend", **extra,
    }  # fmt: skip


@pytest.fixture(scope="module")
def portal(private_pg, private_redis, tmp_path_factory):
    """gunicorn (2 workers, persistent DB connections) on the private PostgreSQL and Redis, plus accounts
    (admin-uji, bappeda-uji). Media files in a folder of their own, shared with the workers a test starts."""
    env = portal_env(private_pg, private_redis, MEDIA_ROOT=str(tmp_path_factory.mktemp("media")))
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    script = (
        "from sipd.models import User; from opd.models import Opd, PenugasanPeran; "
        f"u = User.objects.create_user('admin-uji', 'admin@uji.go.id', '{PASSWORD}'); "
        "PenugasanPeran.objects.create(user=u, peran='admin'); "
        f"u = User.objects.create_user('bappeda-uji', 'bappeda@uji.go.id', '{PASSWORD}'); "
        "PenugasanPeran.objects.create(user=u, peran='bappeda')"
    )
    subprocess.run([*manage, "shell", "-c", script], env=env, check=True, capture_output=True, cwd=BASE_DIR)
    port = free_port()
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "sipd.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2",
             "--timeout", "30"],
            env=env, cwd=BASE_DIR, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    wait_port(port, 30)
    yield SimpleNamespace(url=f"http://127.0.0.1:{port}", env=env, log=log, proc=proc)
    proc.terminate()
    proc.wait(15)


def signed_in(portal, username: str = "admin-uji") -> requests.Session:
    session = requests.Session()
    session.get(f"{portal.url}/akun/masuk/", timeout=10)
    response = session.post(
        f"{portal.url}/akun/masuk/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": session.cookies["csrftoken"]},  # noqa: E501
        headers={"Referer": f"{portal.url}/akun/masuk/"}, allow_redirects=False, timeout=10,
    )  # fmt: skip
    assert response.status_code == 302, response.text[:500]
    return session
