#!/usr/bin/env bash
# The sales forecast (/api/v1/forecast) and a company-wide target's attainment with TOTAL
# opportunities in the table (default 500,000; about OPEN open ones, default 10,000, expected to
# close over the next 180 days, the rest won or lost over two years) on CUSTOMERS demo customers
# (default 100,000). Loads a fresh database with `demo-data`, then times, with 1 client:
# the forecast per owner and per department (administrator, no data scope), the forecast of a sales
# manager (department scope) and the attainment of a yearly target of the whole company.
# PostgreSQL with DB=<name> (created fresh; PGHOST/PGUSER default 127.0.0.1/postgres), else embedded H2.
# SKIP_LOAD=1 reuses the loaded database. REQUESTS=N per scenario (default 200).
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${CUSTOMERS:-100000}
TOTAL=${TOTAL:-500000}
OPEN=${OPEN:-10000}
REQUESTS=${REQUESTS:-200}
PORT=${PORT:-18087}
JAR=${JAR:-target/rapport.jar}
OUT=${OUT:-bench/out}
source bench/lib.sh
bench_setup forecast
if [ -z "${SKIP_LOAD:-}" ]; then
  echo "loading $CUSTOMERS customers and $TOTAL opportunities (about $OPEN open)"
  java -Xmx1g -jar "$JAR" demo-data --customers "$CUSTOMERS" --opportunities "$TOTAL" --open-opportunities "$OPEN" \
    | grep -E "^Loaded" || true
fi
# after a bulk load the visibility map is unset: without it the sums cannot come from the index alone
[ -z "${DB:-}" ] || psql -q -d "$DB" -c "vacuum analyze opportunities"
bench_start forecast
token() { bench_token "$@"; }
ADMIN=$(token "$RAPPORT_ADMIN_EMAIL" "$RAPPORT_ADMIN_PASSWORD")
MANAGER=$(token wangjianguo@demo.rapport.local demo-password 2>/dev/null || true)
YEAR=$(date -u +%Y)
TARGET=$(curl -sf -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/targets?from=$YEAR-01-01&subjectType=department&subjectId=1&periodType=year" \
  | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2 || true)
if [ -z "$TARGET" ]; then
  TARGET=$(curl -sf -X POST "$BASE/api/v1/targets" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"subjectType\":\"department\",\"subjectId\":1,\"periodType\":\"year\",\"periodStart\":\"$YEAR-01-01\",\"amount\":100000000,\"wonCount\":1000}" \
    | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2)
fi
echo "forecast rows per owner: $(curl -sf -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/forecast" | grep -o '"groupId"' | wc -l)"
echo "attainment: $(curl -sf -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/targets/$TARGET/attainment" | grep -oE '"wonCount":[0-9]+' | tail -1)"
java bench/LoadDriver.java "forecast per owner, 6 months (admin, 1 client)" 1 "$REQUESTS" 600 "$ADMIN" "GET $BASE/api/v1/forecast"
java bench/LoadDriver.java "forecast per department, 12 months (admin, 1 client)" 1 "$REQUESTS" 600 "$ADMIN" "GET $BASE/api/v1/forecast?months=12&groupBy=department"
[ -z "$MANAGER" ] || java bench/LoadDriver.java "forecast (sales manager, department scope, 1 client)" 1 "$REQUESTS" 600 "$MANAGER" "GET $BASE/api/v1/forecast"
java bench/LoadDriver.java "attainment of the company's yearly target (admin, 1 client)" 1 "$REQUESTS" 600 "$ADMIN" "GET $BASE/api/v1/targets/$TARGET/attainment"
