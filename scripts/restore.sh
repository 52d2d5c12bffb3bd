#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database and media folder, then verify it.
#
#   DATABASE_URL=postgres://.../sipd_baru MEDIA_ROOT=/data/media-baru scripts/restore.sh /backup/sipd-2026...
#
# Checks the manifest's checksums first; after restoring, compares the row count of every table and the
# checksum of every media file with the backup and exits non-zero on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL wajib diisi}"
MEDIA_ROOT="${MEDIA_ROOT:-.data/media}"
dir="${1:?pemakaian: scripts/restore.sh FOLDER_CADANGAN}"

(cd "$dir" && grep -v '^#' MANIFEST | sha256sum --check --quiet) || { echo "GAGAL: berkas cadangan rusak"; exit 1; }

ada=$(psql -d "$DATABASE_URL" -At -c "SELECT count(*) FROM information_schema.tables WHERE table_schema='public'")
[ "$ada" = "0" ] || { echo "GAGAL: basis data tujuan tidak kosong ($ada tabel)"; exit 1; }
pg_restore -d "$DATABASE_URL" --no-owner --no-privileges --exit-on-error "$dir/db.dump"

mkdir -p "$MEDIA_ROOT"
tar -C "$MEDIA_ROOT" -xzf "$dir/media.tar.gz"

COUNT_SQL="SELECT table_name, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I',
  table_schema, table_name), false, true, '')))[1]::text FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
psql -d "$DATABASE_URL" -At -F ' ' -v ON_ERROR_STOP=1 -c "$COUNT_SQL" > "$dir/.rows-restored.txt"
diff -u "$dir/rows.txt" "$dir/.rows-restored.txt" || { echo "GAGAL: jumlah baris berbeda"; exit 1; }
rm -f "$dir/.rows-restored.txt"
if [ -s "$dir/media.sha256" ]; then
  (cd "$MEDIA_ROOT" && sha256sum --check --quiet "$(realpath "$dir")/media.sha256") \
    || { echo "GAGAL: berkas media berbeda"; exit 1; }
fi
echo "Pemulihan selesai: $(wc -l < "$dir/rows.txt") tabel, $(wc -l < "$dir/media.sha256") berkas media, semua cocok."
