#!/usr/bin/env bash
# OKPay's database backup and restore (README "Backup and restore"), with MariaDB's own client tools.
#
#   docker/backup.sh dump    FILE   a consistent copy of the live database into FILE (gzip), while OKPay runs
#   docker/backup.sh restore FILE   loads FILE into an empty database (a fresh server, or a new schema)
#
# The connection comes from the environment: DB_HOST (127.0.0.1), DB_PORT (3306), DB_NAME (okpay), DB_USER (okpay)
# and DB_PASSWORD (read by the client from its environment-only option file, never on the command line).
#
# dump: mariadb-dump --single-transaction reads every InnoDB table in one snapshot (REPEATABLE READ) without locking:
# payments go on while it runs, and the copy is the state at one instant, so the ledger in it balances. It includes
# triggers (the audit log's append-only ones), sequences and Flyway's history (OKPay has no routines or events), so OKPay starts on a restored copy
# without migrating. restore: into a database that must be empty (a restore never mixes with live data).
set -euo pipefail

mode=${1:?usage: backup.sh dump|restore FILE}
file=${2:?usage: backup.sh dump|restore FILE}
host=${DB_HOST:-127.0.0.1}
port=${DB_PORT:-3306}
name=${DB_NAME:-okpay}
user=${DB_USER:-okpay}
dump=${MARIADB_DUMP:-mariadb-dump}
client=${MARIADB_CLIENT:-mariadb}

# The password in a private option file for the client's lifetime, never in ps(1).
options=$(mktemp)
trap 'rm -f "$options"' EXIT
chmod 600 "$options"
printf '[client]\nhost=%s\nport=%s\nuser=%s\npassword=%s\n' "$host" "$port" "$user" "${DB_PASSWORD:-}" > "$options"

case "$mode" in
    dump)
        "$dump" --defaults-extra-file="$options" --single-transaction --skip-lock-tables --triggers \
            --hex-blob --default-character-set=utf8mb4 --no-tablespaces "$name" | gzip > "$file.part"
        mv "$file.part" "$file"
        echo "backup: $name@$host:$port -> $file ($(stat -c %s "$file") bytes)"
        ;;
    restore)
        tables=$("$client" --defaults-extra-file="$options" -N -e \
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$name'")
        if [ "$tables" != "0" ]; then
            echo "restore: $name@$host:$port is not empty ($tables tables); restore into a fresh database" >&2
            exit 1
        fi
        gunzip -c "$file" | "$client" --defaults-extra-file="$options" "$name"
        echo "restore: $file -> $name@$host:$port"
        ;;
    *)
        echo "usage: backup.sh dump|restore FILE" >&2
        exit 2
        ;;
esac
