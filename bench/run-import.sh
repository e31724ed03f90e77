#!/usr/bin/env bash
# Import of a ROWS-row customer CSV (default 1,000,000) on PostgreSQL through the application's
# importer (validation, normalization, duplicate matching, audit), compared with a raw COPY of the
# same file into the same table in a second database. Prints both times and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
ROWS=${ROWS:-1000000}
JAR=${JAR:-target/rapport.jar}
APP_DB=${APP_DB:-rapport_import_app}
COPY_DB=${COPY_DB:-rapport_import_copy}
OUT=${OUT:-bench/out}
mkdir -p "$OUT"
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
CSV="$OUT/customers-$ROWS.csv"
[ -f "$CSV" ] || java bench/MakeCsv.java "$CSV" "$ROWS"
bash bench/machine.sh
echo "file: $CSV ($(du -h "$CSV" | cut -f1), $ROWS rows)"

run_app() { # db, args...
  local db=$1; shift
  RAPPORT_DB_URL="jdbc:postgresql://$PGHOST:5432/$db" RAPPORT_DB_USER=$PGUSER RAPPORT_DB_PASSWORD=${PGPASSWORD:-} \
    RAPPORT_ADMIN_EMAIL=admin@bench.local RAPPORT_ADMIN_PASSWORD=bench-admin-password RAPPORT_DEMO_DATA=false \
    java -Xmx512m ${JAVA_OPTS:-} -jar "$JAR" "$@" | grep -v ' INFO \| WARN '
}

for db in "$APP_DB" "$COPY_DB"; do
  psql -qc "drop database if exists $db" -c "create database $db"
  # an empty run migrates the schema and creates the administrator
  run_app "$db" demo-data --customers 0 > /dev/null
done

start=$(date +%s%N)
run_app "$APP_DB" import "$CSV" --type customers
app=$(( ($(date +%s%N) - start) / 1000000 ))

# raw COPY into the same table, with the same indexes; columns the file lacks get constants
psql -d "$COPY_DB" -qc "alter table customers alter column status set default 'potential', alter column tier set default 'unrated', alter column owner_id set default 1, alter column search_text set default '', alter column name_key set default '', alter column created_at set default now(), alter column updated_at set default now()"
start=$(date +%s%N)
psql -d "$COPY_DB" -qc "\\copy customers(name, type, phone, email, province, city, industry, source) from '$CSV' with (format csv, header true)"
copy=$(( ($(date +%s%N) - start) / 1000000 ))

awk -v a="$app" -v c="$copy" 'BEGIN { printf "import through Rapport: %.1f s (target 30 s)\nraw COPY of the same rows: %.1f s\nratio: %.1fx (target <= 3x)\n", a/1000, c/1000, a/c }'
psql -d "$APP_DB" -Atc "select 'customers after import: ' || count(*) from customers"
