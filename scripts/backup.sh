#!/usr/bin/env bash
# Backup of the portal: the database (pg_dump custom format) and the uploaded media, with a manifest.
#
#   DATABASE_URL=postgres://... MEDIA_ROOT=/data/media scripts/backup.sh /backup
#
# Writes /backup/sipd-YYYYmmdd-HHMMSS/ with db.dump, media.tar.gz and MANIFEST (sha256 of both files and
# the row count of every table at dump time). scripts/restore.sh checks the manifest before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL wajib diisi}"
MEDIA_ROOT="${MEDIA_ROOT:-.data/media}"
tujuan="${1:?pemakaian: scripts/backup.sh FOLDER_TUJUAN}"
dir="$tujuan/sipd-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$dir"

# Row counts in the same snapshot as the dump would be ideal; a quiet moment (or maintenance mode) makes
# them equal. Counted first, so a count differing after restore means rows written during the dump.
COUNT_SQL="SELECT table_name, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I',
  table_schema, table_name), false, true, '')))[1]::text FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
psql -d "$DATABASE_URL" -At -F ' ' -v ON_ERROR_STOP=1 -c "$COUNT_SQL" > "$dir/rows.txt"

pg_dump -d "$DATABASE_URL" -Fc --no-owner --no-privileges -f "$dir/db.dump"
if [ -d "$MEDIA_ROOT" ]; then
  tar -C "$MEDIA_ROOT" -czf "$dir/media.tar.gz" .
else
  tar -czf "$dir/media.tar.gz" --files-from /dev/null
fi
(cd "$MEDIA_ROOT" 2>/dev/null && find . -type f -print0 | sort -z | xargs -0 -r sha256sum) > "$dir/media.sha256" || true

{
  echo "# SIPD backup $(date -Iseconds)"
  echo "# sha256"
  (cd "$dir" && sha256sum db.dump media.tar.gz media.sha256 rows.txt)
} > "$dir/MANIFEST"
echo "$dir"
