import pytest
from django.test import override_settings

from sipd import health


@pytest.mark.django_db(transaction=True)
@pytest.mark.worker
def test_healthz_reports_database_redis_and_worker(client, celery_worker_process):
    for path in ("/healthz", "/healthz?ketat=1"):
        response = client.get(path)
        body = response.json()
        assert response.status_code == 200, path
        assert body["checks"]["database"]["ok"] is True
        assert body["checks"]["redis"]["ok"] is True
        assert body["checks"]["worker"]["ok"] is True
        assert body["ok"] is True
        assert body["degraded"] == []


@pytest.mark.django_db
def test_healthz_stays_200_with_redis_down_and_reports_it_degraded(client):
    # The load balancer keeps a web server that still serves pages; the body says what is wrong.
    with override_settings(REDIS_URL="redis://127.0.0.1:1/0"):
        response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["redis"]["ok"] is False
    assert "Connection" in body["checks"]["redis"]["detail"]
    assert body["checks"]["worker"] == {"ok": False, "detail": "redis mati"}
    assert body["ok"] is False
    assert body["degraded"] == ["redis", "worker"]


@pytest.mark.django_db
@pytest.mark.parametrize("ketat", ["1", "true", "ya"])
def test_strict_healthz_is_503_and_says_why_when_redis_is_down(client, ketat):
    with override_settings(REDIS_URL="redis://127.0.0.1:1/0"):
        response = client.get(f"/healthz?ketat={ketat}")
    body = response.json()
    assert response.status_code == 503
    assert body["checks"]["redis"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
    assert body["ok"] is False


@pytest.mark.django_db
def test_ketat_0_is_the_load_balancer_check(client):
    with override_settings(REDIS_URL="redis://127.0.0.1:1/0"):
        assert client.get("/healthz?ketat=0").status_code == 200


def _result(database: bool, redis: bool, worker: bool) -> dict:
    checks = {"database": {"ok": database}, "redis": {"ok": redis}, "worker": {"ok": worker}}
    return {"ok": database and redis and worker, "checks": checks}


@pytest.mark.parametrize(
    ("database", "redis", "worker", "load_balancer", "monitoring"),
    [
        (True, True, True, 200, 200),
        (True, True, False, 200, 503),  # workers restarting: pages still serve
        (True, False, False, 200, 503),  # Redis down: pages still serve, jobs wait
        (False, True, True, 503, 503),  # no database: no page can be served
        (False, False, False, 503, 503),
    ],
)
def test_http_status_database_decides_for_the_load_balancer_every_part_for_monitoring(
    database, redis, worker, load_balancer, monitoring
):
    result = _result(database, redis, worker)
    assert health.http_status(result) == load_balancer
    assert health.http_status(result, ketat=True) == monitoring
