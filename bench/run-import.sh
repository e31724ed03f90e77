#!/usr/bin/env bash
# Import of a ROWS-row customer CSV (default 1,000,000) on PostgreSQL through the application's
# importer (validation, normalization, duplicate matching, audit), compared with a raw COPY of the
# same file into the same table in a second database. Prints both times and the ratio.
# STORED=1 also times a COPY of what the import stored (customers with their search text and name
# key, status history, audit rows) into the second database: the database's share of the work.
# APP_DB and COPY_DB name the two databases; JAVA_OPTS go to the importing JVM.
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

if [ "${STORED:-0}" = 1 ]; then
  customers="id, type, name, phone, phone_normalized, email, email_normalized, credit_code, province, city, district, street, industry, source, tags, birthday, status, tier, owner_id, external_id, notes, search_text, name_key, version, created_at, updated_at"
  history="customer_id, from_status, to_status, reason, changed_by, changed_at"
  audit="entity_type, entity_id, action, field, old_value, new_value, actor_id, at"
  psql -d "$APP_DB" -qc "\\copy (select $customers from customers) to '$OUT/stored-customers.tsv'" \
    -c "\\copy (select $history from customer_status_history) to '$OUT/stored-history.tsv'" \
    -c "\\copy (select $audit from audit_log where action = 'import') to '$OUT/stored-audit.tsv'"
  psql -d "$COPY_DB" -qc "truncate customers cascade" 2>/dev/null
  start=$(date +%s%N)
  psql -d "$COPY_DB" -qc "\\copy customers ($customers) from '$OUT/stored-customers.tsv'" \
    -c "\\copy customer_status_history ($history) from '$OUT/stored-history.tsv'" \
    -c "\\copy audit_log ($audit) from '$OUT/stored-audit.tsv'"
  stored=$(( ($(date +%s%N) - start) / 1000000 ))
  rm -f "$OUT"/stored-*.tsv
  awk -v a="$app" -v s="$stored" 'BEGIN { printf "COPY of what the import stored (customers with search text, status history, audit): %.1f s\nimport / that: %.1fx\n", s/1000, a/s }'
fi
