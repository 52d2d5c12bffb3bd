.PHONY: run test lint format bench constraints messages load

run:  ## portal with demo data at http://127.0.0.1:8000 (embedded PostgreSQL and Redis when unset)
	scripts/run.sh

test:  ## the whole suite on real PostgreSQL, Redis, Celery and Chromium
	scripts/test.sh

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format:
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .

bench:  ## benchmarks of every app (<app>/bench.py) on a throwaway database; `make bench NAME=sla` for one
	DEBUG=$${DEBUG:-true} .venv/bin/python manage.py bench $(NAME)

constraints:  ## re-pin every dependency after changing pyproject.toml
	rm -rf /tmp/sipd-pin && python3 -m venv /tmp/sipd-pin && /tmp/sipd-pin/bin/pip install -q '.[embedded,test]' \
	  && /tmp/sipd-pin/bin/pip freeze --exclude-editable | grep -v '^sipd' > constraints.txt

messages:  ## refresh the English catalogue after changing UI strings (then translate the new entries)
	DEBUG=true .venv/bin/python manage.py makemessages -l en --ignore='.venv/*' --ignore='tests/*' --ignore='*/demo.py' \
	  --ignore='test-artifacts/*' --ignore='.data/*' \
	  && msgattrib --clear-fuzzy --empty --clear-previous -o locale/en/LC_MESSAGES/django.po locale/en/LC_MESSAGES/django.po \
	  && DEBUG=true .venv/bin/python manage.py compilemessages -l en --ignore='.venv/*'

load:  ## 100 simulated users for 60 s on gunicorn + PostgreSQL + Redis (locust in .venv-load); see docs/benchmarks.md
	load/run.sh
