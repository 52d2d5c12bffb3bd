#!/usr/bin/env bash
# The whole suite against real PostgreSQL and Redis (127.0.0.1 unless DATABASE_URL / REDIS_URL say otherwise),
# a real Celery worker and headless Chromium. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh test

# Chromium for browser tests; poppler (pdftotext, pdftoppm) to read rendered reports back; LibreOffice to
# open the Excel exports as a spreadsheet user would.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftoppm >/dev/null \
   || ! command -v soffice >/dev/null; then
  echo "Memasang Chromium, poppler-utils dan LibreOffice Calc untuk uji ..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    chromium chromium-driver poppler-utils libreoffice-calc-nogui >/dev/null
fi

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sipd}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/9}"
export DEBUG="${DEBUG:-true}"
export CELERY_QUEUE="${CELERY_QUEUE:-test-$$}"  # a queue of this run's own: parallel runs don't steal jobs
PY=.venv/bin/python

$PY - <<'PYEOF'
import os, sys
import psycopg2, redis, dj_database_url
db = dj_database_url.parse(os.environ["DATABASE_URL"])
try:
    psycopg2.connect(dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432,
                     password=db["PASSWORD"], connect_timeout=5).close()
except psycopg2.OperationalError as exc:
    sys.exit(f"GAGAL: PostgreSQL tidak dapat dihubungi ({os.environ['DATABASE_URL']}): {exc}")
try:
    redis.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=5).ping()
except redis.RedisError as exc:
    sys.exit(f"GAGAL: Redis tidak dapat dihubungi ({os.environ['REDIS_URL']}): {exc}")
print("PostgreSQL dan Redis terhubung.")
PYEOF

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== bandit (analisis keamanan kode)"
.venv/bin/bandit -q -c pyproject.toml -r .
echo "== migrasi lengkap"
$PY manage.py makemigrations --check --dry-run
echo "== check --deploy (pengaturan produksi)"
DEBUG=false SECRET_KEY="ci-$(head -c 48 /dev/urandom | base64 | tr -d '/+=')" ALLOWED_HOSTS=sipd.example.go.id \
  $PY manage.py check --deploy --fail-level WARNING
echo "== pytest"
$PY -m pytest "$@"
