"""Container health check: GET /healthz on the local gunicorn; exit 0 when it answers 200.

/healthz is 200 while PostgreSQL answers (Redis or a Celery worker down is reported in the body only:
the portal still serves pages). Monitoring uses the strict /healthz?ketat=1 instead.
The request carries a Host header taken from ALLOWED_HOSTS, so Django does not refuse it with DEBUG=false.
"""

import os
import sys
import urllib.error
import urllib.request


def host_header() -> str:
    hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
    for host in hosts:
        if host != "*":
            return host.lstrip(".")  # ".example.go.id" allows example.go.id and its subdomains
    return "localhost"


def main() -> int:
    request = urllib.request.Request("http://127.0.0.1:8000/healthz", headers={"Host": host_header()})
    try:
        with urllib.request.urlopen(request, timeout=8) as response:  # noqa: S310 - fixed http URL  # nosec B310
            return 0 if response.status == 200 else 1
    except urllib.error.HTTPError as exc:
        print(f"/healthz {exc.code}: {exc.read(500).decode(errors='replace')}", file=sys.stderr)
    except OSError as exc:
        print(f"/healthz: {exc}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
