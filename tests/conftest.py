"""Shared fixtures: the real PostgreSQL and Redis, and users of every role in two OPDs (A and B)."""

import os
from types import SimpleNamespace

import pytest
import redis
from django.conf import settings
from django.db import connection

from sipd.roles import Peran
from tests.factories import OpdFactory, PegawaiFactory, UserFactory

PASSWORD = "rahasia-sekali-123"


def pytest_configure(config):
    """Fail loudly, never skip, when PostgreSQL or Redis is missing."""
    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        pytest.exit(f"Redis tidak dapat dihubungi di {settings.REDIS_URL}: {exc}", returncode=3)
    import psycopg2

    db = settings.DATABASES["default"]
    try:
        psycopg2.connect(
            dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432,
            password=db["PASSWORD"], connect_timeout=3,
        ).close()  # fmt: skip
    except psycopg2.OperationalError as exc:
        pytest.exit(f"PostgreSQL tidak dapat dihubungi ({db['HOST']}:{db['PORT']}): {exc}", returncode=3)


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of each test land in its own directory."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clean_cache():
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def two_opds(db):
    """Two OPDs with staff, and a user of every role; the OPD roles held in OPD A."""
    opd_a = OpdFactory(
        kode="1.02.0.00.0.00.01.0000", nama="Dinas Kesehatan", singkatan="Dinkes", urusan=["1.02"]
    )
    opd_b = OpdFactory(
        kode="1.03.0.00.0.00.01.0000", nama="Dinas Pekerjaan Umum dan Penataan Ruang", singkatan="DPUPR",
        urusan=["1.03"],
    )  # fmt: skip
    users = SimpleNamespace(
        admin=UserFactory(username="admin1", peran=[(Peran.ADMIN, None)]),
        bappeda=UserFactory(username="bappeda1", peran=[(Peran.BAPPEDA, None)]),
        pimpinan=UserFactory(username="bupati1", peran=[(Peran.PIMPINAN, None)]),
        kepegawaian=UserFactory(username="bkpsdm1", peran=[(Peran.KEPEGAWAIAN, None)]),
        kepala_a=UserFactory(username="kepala_a", peran=[(Peran.KEPALA_OPD, opd_a)]),
        operator_a=UserFactory(username="operator_a", peran=[(Peran.OPERATOR_OPD, opd_a)]),
        kepala_b=UserFactory(username="kepala_b", peran=[(Peran.KEPALA_OPD, opd_b)]),
        operator_b=UserFactory(username="operator_b", peran=[(Peran.OPERATOR_OPD, opd_b)]),
        tanpa_peran=UserFactory(username="tanpa_peran"),
    )
    pegawai_a = PegawaiFactory(opd=opd_a, nama="Siti Aminah")
    pegawai_b = PegawaiFactory(opd=opd_b, nama="Budi Santoso")
    honorer_a = PegawaiFactory(opd=opd_a, nama="Rina Honorer", non_asn=True)
    return SimpleNamespace(
        opd_a=opd_a, opd_b=opd_b, users=users, pegawai_a=pegawai_a, pegawai_b=pegawai_b, honorer_a=honorer_a
    )


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def redis_client():
    return redis.Redis.from_url(settings.REDIS_URL)


def pytest_report_header(config):
    db = connection.settings_dict
    return f"database: {db['HOST']}:{db['PORT']}/{db['NAME']} · redis: {settings.REDIS_URL}"


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real `celery worker` process on the real Redis, reading the test database, on a queue of its own."""
    import subprocess
    import sys
    import time
    import uuid

    from sipd.celery import app

    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    db = settings.DATABASES["default"]
    host = f"{db['HOST']}:{db['PORT'] or 5432}"
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{host}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_QUEUE": queue,
        "DEBUG": "true",
        "DB_CONN_MAX_AGE": "0",
    }
    worker_name = f"test-{uuid.uuid4().hex[:8]}"
    log = tmp_path_factory.mktemp("celery") / "worker.log"
    media_root = tmp_path_factory.mktemp("media-worker")  # tests reading the worker's files point here too
    env["MEDIA_ROOT"] = str(media_root)
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "sipd", "worker", "-Q", queue, "--pool", "solo",
             "--loglevel", "INFO", "--hostname", f"{worker_name}@%h", "--without-gossip", "--without-mingle"],
            env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"worker Celery berhenti: {log.read_text()}")
        if app.control.ping(destination=[f"{worker_name}@{os.uname().nodename}"], timeout=0.5):
            break
    else:
        proc.kill()
        pytest.fail(f"worker Celery tidak siap dalam 60 detik: {log.read_text()}")
    yield SimpleNamespace(process=proc, queue=queue, log=log, media_root=media_root)
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
