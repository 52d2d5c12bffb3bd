"""Health of the parts the portal needs: database, Redis, Celery worker.

`/healthz` is the load balancer's check: the portal serves pages as long as PostgreSQL answers (Redis down
only slows jobs and empties the cache), so only the database decides its status code. `/healthz?ketat=1`
is monitoring's check: any part down makes it 503. Both answer the same JSON.
"""

import time

import redis
from django.conf import settings
from django.db import connection


def _timed(check):
    start = time.monotonic()
    try:
        detail = check()
        ok = True
    except Exception as exc:  # noqa: BLE001 - a health check reports every failure
        ok, detail = False, f"{type(exc).__name__}: {exc}"
    return {"ok": ok, "ms": round((time.monotonic() - start) * 1000, 1), "detail": detail}


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def check_redis():
    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
    client.ping()
    return "pong"


def check_worker():
    from sipd.celery import app

    replies = app.control.ping(timeout=1.0)
    if not replies:
        raise RuntimeError("tidak ada worker Celery yang menjawab")
    return sorted(name for reply in replies for name in reply)


def status() -> dict:
    """Every check; `ok` when all pass, `degraded` names the parts that failed."""
    checks = {"database": _timed(check_database), "redis": _timed(check_redis)}
    checks["worker"] = (
        _timed(check_worker) if checks["redis"]["ok"] else {"ok": False, "detail": "redis mati"}
    )
    degraded = [name for name, check in checks.items() if not check["ok"]]
    return {"ok": not degraded, "checks": checks, "degraded": degraded}


def http_status(result: dict, *, ketat: bool = False) -> int:
    """200 or 503: the database alone decides for the load balancer; every part in strict mode."""
    ok = result["ok"] if ketat else result["checks"]["database"]["ok"]
    return 200 if ok else 503
