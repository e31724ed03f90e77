#!/usr/bin/env bash
# A backlog of about N task reminders (default 10,000) that all come due at once, spread over 20
# owners: how long the reminder job takes to turn them into notifications (its own log line) and the
# server's heap high-water mark meanwhile. Embedded H2 by default; on PostgreSQL with DB=<name>
# (created fresh; PGHOST/PGUSER default 127.0.0.1/postgres). The tasks are created over the API
# with their reminder LEAD seconds ahead (default 300), so they are all in before the first is due.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
LEAD=${LEAD:-300}
PORT=${PORT:-18083}
JAR=${JAR:-target/rapport.jar}
OUT=${OUT:-bench/out}
source bench/lib.sh
bench_setup reminders

bench_start reminders

TOKEN=$(bench_token "$RAPPORT_ADMIN_EMAIL" "$RAPPORT_ADMIN_PASSWORD")
post() { curl -sf -X POST "$BASE$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2"; }
CUSTOMER=$(post /api/v1/customers '{"type":"organization","name":"提醒测试有限公司"}' | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2)
TARGETS=()
REMIND=$(date -u -d "+$LEAD seconds" +%Y-%m-%dT%H:%M:%SZ)
for u in $(seq 1 20); do
  OWNER=$(post /api/v1/users "{\"email\":\"owner$u@bench.local\",\"name\":\"Owner $u\",\"password\":\"bench-password\",\"role\":\"sales-rep\"}" \
    | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2)
  TARGETS+=("POST $BASE/api/v1/activities {\"customerId\":$CUSTOMER,\"type\":\"task\",\"subject\":\"follow-up {i}\",\"dueAt\":\"2099-01-01T00:00:00Z\",\"remindAt\":\"$REMIND\",\"ownerId\":$OWNER}")
done

( while kill -0 $SERVER 2>/dev/null; do
    curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/actuator/metrics/jvm.memory.used?tag=area:heap" \
      | grep -oE '"statistic":"VALUE","value":[0-9.E+]+' | sed -E 's/.*"value":([0-9.E+]+)/\1/' >> "$OUT/reminders-heap.txt" || true
    sleep 1
  done ) &
rm -f "$OUT/reminders-heap.txt"

# the driver adds a 5% warm-up to the requests it times: ask for N/1.05 to create about N
java bench/LoadDriver.java "create tasks" 4 $(( N * 100 / 105 )) "$LEAD" "$TOKEN" "${TARGETS[@]}"
[ "$(date -u +%s)" -lt "$(date -u -d "$REMIND" +%s)" ] || echo "warning: tasks were still being created when the reminders came due; raise LEAD"

echo "reminders due at $REMIND; waiting for the job (runs every minute)"
for _ in $(seq 1 $(( LEAD + 600 ))); do
  grep -q "Delivered .* task reminders" "$OUT/reminders-server.log" && break
  sleep 1
done
sleep 2
grep -oE "Delivered [0-9]+ task reminders in [0-9]+ ms" "$OUT/reminders-server.log" || echo "no reminders delivered"
sort -g "$OUT/reminders-heap.txt" | tail -1 | awk '{printf "heap high-water mark: %.0f MiB\n", $1 / 1048576}'
