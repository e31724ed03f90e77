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
source bench/lib.sh
bench_setup leads

bench_start leads

TOKEN=$(bench_token "$RAPPORT_ADMIN_EMAIL" "$RAPPORT_ADMIN_PASSWORD")
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
