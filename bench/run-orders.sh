#!/usr/bin/env bash
# Order history at scale: loads CUSTOMERS customers (default 100,000) and ORDERS orders of 1-5
# lines (default 1,670,000, about 5,000,000 lines) into a fresh PostgreSQL database (DB, default
# rapport_orders_bench; PGHOST/PGUSER default 127.0.0.1/postgres) with `demo-data --orders`, then
# measures the customer page's purchases section (GET /customers/{id}/orders, the htmx fragment:
# order history, receivables, buyer label, credit terms, risk) and its two API calls
# (/api/v1/customers/{id}/receivables, /api/v1/orders?customerId=) for customers with the most
# orders, and the receivables list. SKIP_LOAD=1 reuses the database. REQUESTS per scenario (1000).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-rapport_orders_bench}
CUSTOMERS=${CUSTOMERS:-100000}
ORDERS=${ORDERS:-1670000}
REQUESTS=${REQUESTS:-1000}
PORT=${PORT:-18085}
JAR=${JAR:-target/rapport.jar}
OUT=${OUT:-bench/out}
BASE="http://127.0.0.1:$PORT"
mkdir -p "$OUT"
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
export RAPPORT_DB_URL="jdbc:postgresql://$PGHOST:5432/$DB" RAPPORT_DB_USER=$PGUSER
export RAPPORT_DEMO_DATA=false RAPPORT_ADMIN_EMAIL=admin@bench.local RAPPORT_ADMIN_PASSWORD=bench-admin-password
bash bench/machine.sh
if [ -z "${SKIP_LOAD:-}" ]; then
  dropdb --if-exists "$DB" && createdb "$DB"
  start=$(date +%s)
  java -jar "$JAR" demo-data --customers "$CUSTOMERS" --orders "$ORDERS" | tail -3
  echo "load: $(( $(date +%s) - start )) s"
fi
psql -d "$DB" -Atc "select 'orders=' || count(*) from sales_orders" -c "select 'lines=' || count(*) from sales_order_lines"

SERVER_PORT=$PORT java -Xmx512m -jar "$JAR" > "$OUT/orders-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for i in $(seq 1 120); do curl -sf "$BASE/actuator/health" > /dev/null && break; sleep 1; done
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/tokens" -H 'Content-Type: application/json' \
  -d '{"email":"admin@bench.local","password":"bench-admin-password"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
IDS=$(psql -d "$DB" -Atc "select customer_id from sales_orders group by customer_id order by count(*) desc limit 20")
PAGE=(); API=()
for id in $IDS; do
  PAGE+=("GET $BASE/customers/$id/orders")
  API+=("GET $BASE/api/v1/customers/$id/receivables" "GET $BASE/api/v1/orders?customerId=$id&limit=20")
done
DRIVER="java bench/LoadDriver.java"
scenario() {
  local name=$1 clients=$2 requests=$3; shift 3
  $DRIVER "warmup" "$clients" "$(( requests / 4 + 50 ))" 60 "$@" > /dev/null
  $DRIVER "$name" "$clients" "$requests" 180 "$@"
}
scenario "purchases-section-html" 1 "$REQUESTS" "$TOKEN" "${PAGE[@]}"
scenario "purchases-api-calls" 1 "$REQUESTS" "$TOKEN" "${API[@]}"
scenario "orders-list" 1 "$REQUESTS" "$TOKEN" "GET $BASE/api/v1/orders?limit=50" "GET $BASE/api/v1/orders?limit=50&status=fulfilled"
scenario "receivables-list" 1 "$REQUESTS" "$TOKEN" "GET $BASE/api/v1/receivables?limit=50"
