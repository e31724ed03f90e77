#!/usr/bin/env bash
# The opportunity board (/opportunities/board) of a pipeline with about OPEN open opportunities
# (default 10,000) among TOTAL opportunities in the table (default 500,000; the rest won or lost over
# two years, as a pipeline looks after years of use), on CUSTOMERS demo customers (default 100,000).
# Loads a fresh database with `demo-data`, then times the board page with 1 client (server time on
# an idle server, so the latency is the server's) and with 4 clients: p50/p95/p99 from LoadDriver,
# plus the "more cards" fragment and the board filtered by owner. The administrator's board (no
# data scope) and a sales manager's board (department scope) are both measured.
# PostgreSQL with DB=<name> (created fresh; PGHOST/PGUSER default 127.0.0.1/postgres), else embedded H2.
# SKIP_LOAD=1 reuses the loaded database. REQUESTS=N per scenario (default 400).
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${CUSTOMERS:-100000}
TOTAL=${TOTAL:-500000}
OPEN=${OPEN:-10000}
REQUESTS=${REQUESTS:-400}
PORT=${PORT:-18084}
JAR=${JAR:-target/rapport.jar}
OUT=${OUT:-bench/out}
source bench/lib.sh
bench_setup kanban

if [ -z "${SKIP_LOAD:-}" ]; then
  echo "loading $CUSTOMERS customers and $TOTAL opportunities (about $OPEN open)"
  java -Xmx1g -jar "$JAR" demo-data --customers "$CUSTOMERS" --opportunities "$TOTAL" --open-opportunities "$OPEN" \
    | grep -E "^Loaded" || true
fi
# a bulk load leaves the visibility map unset and no statistics until autovacuum comes by: without
# them the board's totals cannot be answered from the index alone
[ -z "${DB:-}" ] || psql -q -d "$DB" -c "vacuum analyze opportunities"

bench_start kanban

token() { bench_token "$@"; }
ADMIN=$(token "$RAPPORT_ADMIN_EMAIL" "$RAPPORT_ADMIN_PASSWORD")
MANAGER=$(token wangjianguo@demo.rapport.local demo-password 2>/dev/null || true)

PIPELINE=$(curl -sf -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/pipelines" | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2)
OPEN_NOW=$(curl -sf -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/opportunities/count?status=open&pipeline=$PIPELINE")
echo "pipeline $PIPELINE: open opportunities $OPEN_NOW"
BOARD="$BASE/opportunities/board?pipeline=$PIPELINE"
PAGE=$(curl -sf -H "Authorization: Bearer $ADMIN" "$BOARD")
echo "board page: $(echo "$PAGE" | grep -c 'class="opp-card"') cards, $(echo "$PAGE" | grep -o 'board-column' | wc -l) columns"
MORE=$(echo "$PAGE" | grep -oE '/opportunities/board/column\?[^"]+' | head -1 | sed 's/&amp;/\&/g')
OWNER=$(curl -sf -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/opportunities?status=open&limit=1" | grep -oE '"ownerId":[0-9]+' | head -1 | cut -d: -f2)

java bench/LoadDriver.java "board (admin, 1 client)" 1 "$REQUESTS" 600 "$ADMIN" "GET $BOARD"
java bench/LoadDriver.java "board (admin, 4 clients)" 4 "$REQUESTS" 600 "$ADMIN" "GET $BOARD"
java bench/LoadDriver.java "board filtered by owner (1 client)" 1 "$REQUESTS" 600 "$ADMIN" "GET $BOARD&owner=$OWNER"
[ -z "$MORE" ] || java bench/LoadDriver.java "more cards of a column (1 client)" 1 "$REQUESTS" 600 "$ADMIN" "GET $BASE$MORE"
[ -z "$MANAGER" ] || java bench/LoadDriver.java "board (sales manager, department scope, 1 client)" 1 "$REQUESTS" 600 "$MANAGER" "GET $BOARD"
