"""Backup and restore: scripts/backup.sh then scripts/restore.sh into a fresh database and media folder give
the same rows (every table, compared by content, so scores too once they exist) and the same media files."""

import hashlib
import os
import subprocess
import sys

import pytest

from tests.reliability.conftest import BASE_DIR, portal_env

DIGEST_SQL = """
SELECT string_agg(format('%s %s', table_name, (xpath('/row/d/text()', query_to_xml(format(
  'SELECT md5(coalesce(string_agg(t::text, chr(10) ORDER BY t::text), '''')) AS d FROM %I.%I t',
  table_schema, table_name), false, true, '')))[1]::text), chr(10) ORDER BY table_name)
FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
"""


def _psql(url, sql):
    return subprocess.run(
        ["psql", "-d", url, "-At", "-c", sql], check=True, capture_output=True, text=True
    ).stdout


def _files(root):
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.mark.worker
def test_backup_and_restore_give_the_same_data_and_files(private_pg, private_redis, tmp_path):
    media, restored_media, backups = tmp_path / "media", tmp_path / "media-pulih", tmp_path / "cadangan"
    (media / "pemda").mkdir(parents=True)
    (media / "pemda" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    (media / "bukti" / "2025").mkdir(parents=True)
    (media / "bukti" / "2025" / "laporan tw1.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(4096))
    env = portal_env(private_pg, private_redis, MEDIA_ROOT=str(media))
    subprocess.run(
        [sys.executable, "manage.py", "seed_demo"], env=env, cwd=BASE_DIR, check=True, capture_output=True
    )
    source = private_pg.url()
    before = _psql(source, DIGEST_SQL)
    assert "opd_pegawai" in before

    out = subprocess.run(
        ["scripts/backup.sh", str(backups)], env=env, cwd=BASE_DIR, check=True, capture_output=True, text=True
    ).stdout.strip()
    private_pg.psql("CREATE DATABASE sipd_pulih")
    target = private_pg.url("sipd_pulih")
    restore_env = {**env, "DATABASE_URL": target, "MEDIA_ROOT": str(restored_media)}
    result = subprocess.run(
        ["scripts/restore.sh", out], env=restore_env, cwd=BASE_DIR, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "semua cocok" in result.stdout

    assert _psql(target, DIGEST_SQL) == before
    assert _files(restored_media) == _files(media) and len(_files(media)) >= 2

    # A second restore into the now non-empty database is refused, and a damaged backup is detected.
    again = subprocess.run(
        ["scripts/restore.sh", out], env=restore_env, cwd=BASE_DIR, capture_output=True, text=True
    )
    assert again.returncode != 0 and "tidak kosong" in again.stdout
    with open(f"{out}/db.dump", "r+b") as dump:
        dump.seek(100)
        dump.write(b"rusak")
    damaged = subprocess.run(
        ["scripts/restore.sh", out], env=restore_env, cwd=BASE_DIR, capture_output=True, text=True
    )
    assert damaged.returncode != 0 and "rusak" in damaged.stdout
