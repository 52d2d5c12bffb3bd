.PHONY: run test lint format bench constraints

run:  ## portal with demo data at http://127.0.0.1:8000 (embedded PostgreSQL and Redis when unset)
	scripts/run.sh

test:  ## the whole suite on real PostgreSQL, Redis, Celery and Chromium
	scripts/test.sh

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format:
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .

constraints:  ## re-pin every dependency after changing pyproject.toml
	rm -rf /tmp/sipd-pin && python3 -m venv /tmp/sipd-pin && /tmp/sipd-pin/bin/pip install -q '.[embedded,test]' \
	  && /tmp/sipd-pin/bin/pip freeze --exclude-editable | grep -v '^sipd' > constraints.txt
