#!/usr/bin/env bash
# Leads at a small scale: creates N leads over the API (default 5,000; half of them routed by a
# round-robin assignment rule across 10 reps), then measures the lead list, a filtered list and
# search (pinyin initials, a latin word). Embedded H2 by default; PostgreSQL with DB=<name> (created fresh).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-5000}
REQUESTS=${REQUESTS:-1000}
PORT=${PORT:-18084}
JAR=${JAR:-target/rapport.jar}
OUT=${OUT:-bench/out}
BASE="http://127.0.0.1:$PORT"
mkdir -p "$OUT"
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
export RAPPORT_DEMO_DATA=false RAPPORT_ADMIN_EMAIL=admin@bench.local RAPPORT_ADMIN_PASSWORD=bench-admin-password
if [ -n "${DB:-}" ]; then
  export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
  dropdb --if-exists "$DB" && createdb "$DB"
  export RAPPORT_DB_URL="jdbc:postgresql://$PGHOST:5432/$DB" RAPPORT_DB_USER=$PGUSER
else
  unset PGHOST || true
  rm -rf "$OUT/leads-h2" && export RAPPORT_DATA_DIR=$PWD/$OUT/leads-h2
fi
bash bench/machine.sh

SERVER_PORT=$PORT java -Xmx512m -jar "$JAR" > "$OUT/leads-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "$BASE/actuator/health" > /dev/null && break; sleep 1; done

TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/tokens" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$RAPPORT_ADMIN_EMAIL\",\"password\":\"$RAPPORT_ADMIN_PASSWORD\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
post() { curl -sf -X POST "$BASE$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2"; }
REPS=()
for u in $(seq 1 10); do
  REPS+=("$(post /api/v1/users "{\"email\":\"rep$u@bench.local\",\"name\":\"Rep $u\",\"password\":\"bench-password\",\"role\":\"sales-rep\",\"departmentId\":1}" \
    | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2)")
done
post /api/v1/assignment-rules "{\"name\":\"expo\",\"matchSource\":\"expo\",\"strategy\":\"round_robin\",\"userIds\":[$(IFS=,; echo "${REPS[*]}")]}" > /dev/null

java bench/LoadDriver.java "create leads (rule-routed)" 4 $(( N / 2 * 100 / 105 )) 600 "$TOKEN" \
  "POST $BASE/api/v1/leads {\"name\":\"张伟{i}\",\"company\":\"星河科技{i}\",\"email\":\"zw{i}@xinghe.cn\",\"source\":\"expo\",\"province\":\"广东\"}"
java bench/LoadDriver.java "create leads (owned)" 4 $(( N / 2 * 100 / 105 )) 600 "$TOKEN" \
  "POST $BASE/api/v1/leads {\"name\":\"Li Na {i}\",\"company\":\"Acme {i}\",\"email\":\"li{i}@acme.cn\",\"source\":\"web\"}"
java bench/LoadDriver.java "lead list" 4 "$REQUESTS" 300 "$TOKEN" "GET $BASE/api/v1/leads?limit=50"
java bench/LoadDriver.java "lead list, status+source" 4 "$REQUESTS" 300 "$TOKEN" "GET $BASE/api/v1/leads?limit=50&status=new&source=expo"
java bench/LoadDriver.java "lead search" 4 "$REQUESTS" 300 "$TOKEN" "GET $BASE/api/v1/leads?q=zw&limit=20" "GET $BASE/api/v1/leads?q=acme&limit=20"
