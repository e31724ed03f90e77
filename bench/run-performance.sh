#!/usr/bin/env bash
# The performance review (业绩考核, /api/v1/performance) of a company of REPS sales reps (default 200)
# over a year. Loads a fresh database with `demo-data --reps`: CUSTOMERS demo customers (default
# 300,000, about ten activities each spread over up to two years, so ~3,000,000 activities),
# TOTAL opportunities (default 500,000; OPEN of them open, the rest won or lost over two years) and
# LEADS leads (default 200,000, a quarter converted, created over two years, inserted with SQL as
# demo-data makes none). Then times, with 1 client, the year's review per rep and per department as
# the administrator (every rep) and as a regional sales manager (department scope), and a month's.
# PostgreSQL with DB=<name> (created fresh; PGHOST/PGUSER default 127.0.0.1/postgres), else
# embedded H2 (leads are then not loaded). SKIP_LOAD=1 reuses the loaded database. REQUESTS=N per
# scenario (default 200).
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${CUSTOMERS:-300000}
TOTAL=${TOTAL:-500000}
OPEN=${OPEN:-10000}
REPS=${REPS:-200}
LEADS=${LEADS:-200000}
REQUESTS=${REQUESTS:-200}
PORT=${PORT:-18088}
JAR=${JAR:-target/rapport.jar}
OUT=${OUT:-bench/out}
source bench/lib.sh
bench_setup performance
if [ -z "${SKIP_LOAD:-}" ]; then
  echo "loading $CUSTOMERS customers, $TOTAL opportunities (about $OPEN open) for $REPS reps"
  START=$(date +%s)
  java -Xmx1g -jar "$JAR" demo-data --customers "$CUSTOMERS" --opportunities "$TOTAL" --open-opportunities "$OPEN" --reps "$REPS" \
    | grep -E "^Loaded" || true
  echo "demo-data took $(( $(date +%s) - START )) s"
  if [ -n "${DB:-}" ] && [ "$LEADS" -gt 0 ]; then
    psql -q -d "$DB" -v n="$LEADS" <<'SQL'
with reps as (select array_agg(u.id order by u.id) as ids from users u join roles r on r.id = u.role_id
              where r.role_key = 'sales-rep')
insert into leads (name, company, status, owner_id, search_text, created_by, version, created_at, updated_at, converted_at)
select 'Lead ' || g, 'Company ' || g, case when g % 4 = 0 then 'converted' else 'new' end,
       reps.ids[1 + g % array_length(reps.ids, 1)], 'lead ' || g, 1, 0,
       now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second', now(),
       case when g % 4 = 0 then now() - (g % 730) * interval '1 day' + interval '3 day' end
from generate_series(1, :n) g, reps;
SQL
  fi
fi
# after a bulk load the visibility map is unset: without it the sums cannot come from the indexes alone
[ -z "${DB:-}" ] || psql -q -d "$DB" -c "vacuum analyze opportunities" -c "vacuum analyze leads" -c "vacuum analyze activity_day_counts"
if [ -n "${DB:-}" ]; then
  psql -d "$DB" -At -c "select 'customers ' || count(*) from customers" -c "select 'activities ' || count(*) from activities" \
    -c "select 'opportunities ' || count(*) from opportunities" -c "select 'leads ' || count(*) from leads" \
    -c "select 'activity_day_counts rows ' || count(*) from activity_day_counts" \
    -c "select 'sales reps ' || count(*) from users u join roles r on r.id = u.role_id where r.role_key = 'sales-rep'"
fi
bench_start performance
token() { bench_token "$@"; }
ADMIN=$(token "$RAPPORT_ADMIN_EMAIL" "$RAPPORT_ADMIN_PASSWORD")
MANAGER=$(token wangjianguo@demo.rapport.local demo-password 2>/dev/null || true)
YEAR=$(date -u +%Y)
# a yearly target for every rep, so attainment is computed for all of them
for id in $(curl -sf -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/performance?period=year" | grep -oE '"kind":"user","id":[0-9]+' | cut -d: -f3); do
  curl -sf -o /dev/null -X POST "$BASE/api/v1/targets" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"subjectType\":\"user\",\"subjectId\":$id,\"periodType\":\"year\",\"periodStart\":\"$YEAR-01-01\",\"amount\":50000000,\"wonCount\":200}" || true
done
echo "rows (admin, year): $(curl -sf -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/performance?period=year" | grep -o '"kind":"user"' | wc -l)"
echo "totals (admin, year): $(curl -sf -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/performance?period=year" | grep -oE '"totals":\{.*' | cut -c1-400)"
[ -z "$MANAGER" ] || echo "rows (manager, year): $(curl -sf -H "Authorization: Bearer $MANAGER" "$BASE/api/v1/performance?period=year" | grep -o '"kind":"user"' | wc -l)"
java bench/LoadDriver.java "performance, year, per rep (admin, $REPS reps, 1 client)" 1 "$REQUESTS" 600 "$ADMIN" "GET $BASE/api/v1/performance?period=year"
java bench/LoadDriver.java "performance, year, per department (admin, 1 client)" 1 "$REQUESTS" 600 "$ADMIN" "GET $BASE/api/v1/performance?period=year&groupBy=department"
[ -z "$MANAGER" ] || java bench/LoadDriver.java "performance, year, per rep (sales manager, department scope, 1 client)" 1 "$REQUESTS" 600 "$MANAGER" "GET $BASE/api/v1/performance?period=year"
java bench/LoadDriver.java "performance, this month, per rep (admin, 1 client)" 1 "$REQUESTS" 600 "$ADMIN" "GET $BASE/api/v1/performance?period=month"
java bench/LoadDriver.java "performance page, year (admin, 1 client)" 1 "$REQUESTS" 600 "$ADMIN" "GET $BASE/performance?period=year"
