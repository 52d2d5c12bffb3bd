#!/usr/bin/env bash
# `make load`: 100 simulated users for 60 s against gunicorn + PostgreSQL + Redis on loopback.
# Locust lives in its own venv (.venv-load); the portal runs with production settings (DEBUG=false).
#   LOAD_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sipd_load, created and seeded when missing)
#   LOAD_REDIS_URL (default redis://127.0.0.1:6379/15), LOAD_USERS=100, LOAD_SECONDS=60, LOAD_WORKERS=4,
#   LOAD_THREADS=1 (sync workers, as the image runs them; >1: gthread, which showed keep-alive resets)
#   DASHBOARD_URL, REPORT_URL (see load/locustfile.py)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh test
LOCUST_VERSION=2.47.0
if [ ! -x .venv-load/bin/locust ] || ! .venv-load/bin/locust --version 2>/dev/null | grep -q "$LOCUST_VERSION"; then
  python3 -m venv .venv-load
  .venv-load/bin/pip install --quiet "locust==$LOCUST_VERSION"
fi

export DATABASE_URL="${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sipd_load}"
export REDIS_URL="${LOAD_REDIS_URL:-redis://127.0.0.1:6379/15}"
export DEBUG=false SECRET_KEY="load-$(head -c 32 /dev/urandom | base64 | tr -d '/+=')"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false SECURE_COOKIES=false SECURE_HSTS_SECONDS=0
export CELERY_QUEUE=load LOG_LEVEL=WARNING DB_CONN_MAX_AGE=60
export AXES_FAILURE_LIMIT=1000
PY=.venv/bin/python
USERS="${LOAD_USERS:-100}" SECONDS_RUN="${LOAD_SECONDS:-60}" WORKERS="${LOAD_WORKERS:-4}" THREADS="${LOAD_THREADS:-1}"
PORT="${LOAD_PORT:-8765}"
OUT="test-artifacts/load"
mkdir -p "$OUT"

$PY - <<'PYEOF'
import os, psycopg2, dj_database_url
db = dj_database_url.parse(os.environ["DATABASE_URL"])
conn = psycopg2.connect(dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432,
                        password=db["PASSWORD"])
conn.autocommit = True
with conn.cursor() as cur:
    cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]])
    if not cur.fetchone():
        cur.execute(f'CREATE DATABASE "{db["NAME"]}"')
PYEOF
$PY manage.py migrate --no-input -v 0
$PY manage.py seed_demo > /dev/null
$PY manage.py collectstatic --no-input -v 0
LOAD_DATA="$OUT/data.json" $PY manage.py shell < load/prepare.py

.venv/bin/gunicorn sipd.wsgi -b "127.0.0.1:$PORT" -w "$WORKERS" --threads "$THREADS" --keep-alive 0 --timeout 30 --log-level warning \
  > "$OUT/gunicorn.log" 2>&1 &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true; wait $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

# Warm-up, not measured: a server that has been running has its workers' code loaded, templates compiled
# and the dashboard in Redis; a cold start is a different question (the first requests of each worker).
LOAD_DATA="$OUT/data.json" .venv-load/bin/locust -f load/locustfile.py --headless -u 20 -r 20 -t 15s \
  --host "http://127.0.0.1:$PORT" --only-summary > "$OUT/warmup.log" 2>&1 || true
LOAD_DATA="$OUT/data.json" $PY manage.py shell < load/prepare.py  # empty cells again: no stale "asal"

LOAD_DATA="$OUT/data.json" .venv-load/bin/locust -f load/locustfile.py --headless -u "$USERS" -r 20 \
  -t "${SECONDS_RUN}s" --host "http://127.0.0.1:$PORT" --csv "$OUT/locust" --only-summary \
  --exit-code-on-error 1 2>&1 | tail -30 || STATUS=$?

.venv-load/bin/python load/summary.py "$OUT/locust_stats.csv" "$USERS" "$SECONDS_RUN" "$WORKERS" "$THREADS" | tee "$OUT/summary.md"
exit "${STATUS:-0}"
