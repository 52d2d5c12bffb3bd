#!/usr/bin/env bash
# The portal with demo data at http://127.0.0.1:8000, a Celery worker and beat beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh embedded
exec .venv/bin/python -m sipd.devserver
