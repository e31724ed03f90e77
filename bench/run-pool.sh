#!/usr/bin/env bash
# The public pool's recapture job over CUSTOMERS (default 1,000,000) customers on PostgreSQL, in a
# fresh database DB (default rapport_pool_bench; PGHOST/PGUSER default 127.0.0.1/postgres).
# SOURCE=demo (default): `demo-data --customers N` (its default pool 公海客户池 of the sales regions:
#   follow-up 90 days, warning 7 days; owners have had each customer since it was created, and the
#   demo's activities are spread from then to now, so about a fifth of the customers are due at once:
#   the backlog of a pool whose rules are switched on over years of unattended customers).
# SOURCE=sql: schema and demo staff from `demo-data --customers 1000`, then the rest of the customers
#   straight from SQL (generate_series), spread over four pools and 20% pool-less customers under a
#   default pool: 10% wait unowned in their pool, the owned ones got their customer 0-400 days ago
#   and last logged an activity 0-47 days ago, so about 5% are past the 45-day follow-up rule, a few
#   past the 365-day purchase rule of one pool, and about 8% fall in the 5-day warning window.
# After the load the database is kept as the template ${DB}_base; with SKIP_LOAD=1 the run starts
# from a fresh copy of it (so the first run meets the whole backlog again). Then it times one run of
# the job (`java -jar rapport.jar pool-recapture`) and a second run (which must find almost nothing).
# THREADS sets rapport.pools.recapture-threads (default: one per core).
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${CUSTOMERS:-1000000}
DB=${DB:-rapport_pool_bench}
JAR=${JAR:-target/rapport.jar}
OUT=${OUT:-bench/out}
mkdir -p "$OUT"
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
export RAPPORT_DB_URL="jdbc:postgresql://$PGHOST:5432/$DB" RAPPORT_DB_USER=$PGUSER RAPPORT_DEMO_DATA=false
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
bash bench/machine.sh

SOURCE=${SOURCE:-demo}
if [ -n "${SKIP_LOAD:-}" ]; then
  dropdb --if-exists "$DB" && createdb -T "${DB}_base" "$DB"
elif [ "$SOURCE" = demo ]; then
  dropdb --if-exists "$DB" && createdb "$DB"
  START=$(date +%s)
  java -Xmx2g -jar "$JAR" demo-data --customers "$CUSTOMERS" > "$OUT/pool-load.log" 2>&1
  psql -q "$DB" -c "vacuum analyze"
  echo "demo-data: $CUSTOMERS customers in $(( $(date +%s) - START )) s"
else
  dropdb --if-exists "$DB" && createdb "$DB"
  java -Xmx1g -jar "$JAR" demo-data --customers 1000 > "$OUT/pool-load.log" 2>&1
  START=$(date +%s)
  psql -q -v ON_ERROR_STOP=1 -v n="$CUSTOMERS" "$DB" <<'SQL'
-- the demo's own pool would be the default pool of the demo reps: switched off, the four below rule
update pools set default_pool = false, enabled = false;
insert into pools (name, claim_cap, followup_days, purchase_days, warning_days, default_pool, enabled, version, created_at, updated_at)
values ('公海 A', 50, 45, null, 5, true, true, 0, now(), now()),
       ('公海 B', 50, 45, 365, 5, false, true, 0, now(), now()),
       ('公海 C', 50, 45, null, 5, false, true, 0, now(), now()),
       ('公海 D', null, 45, null, 5, false, true, 0, now(), now());
with r as (select array_agg(id order by id) a from users where active),
     p as (select array_agg(id order by id) a from pools)
insert into customers (type, name, status, tier, owner_id, search_text, name_key, version, created_at, updated_at,
                       pool_id, owned_since, last_activity_at, last_purchase_on)
select 'organization', '压测客户' || g, 'potential', 'unrated',
       case when g % 10 = 0 then null else r.a[1 + g % cardinality(r.a)] end,
       'yacekehu' || g, 'yacekehu' || g, 0, now() - interval '500 days', now(),
       case when g % 5 = 1 and g % 10 <> 0 then null else p.a[1 + g % 4] end,
       case when g % 10 = 0 then null else now() - ((g * 7919) % 400) * interval '1 day' end,
       now() - ((g * 104729) % 48) * interval '1 day',
       case when g % 2 = 0 then (now() - ((g * 31) % 400) * interval '1 day')::date end
from generate_series(1::bigint, :n - 1000) g, r, p;
update customers set owned_since = created_at where owned_since is null and owner_id is not null;
analyze customers;
SQL
  echo "generated $((CUSTOMERS - 1000)) customers in $(( $(date +%s) - START )) s"
fi
if [ -z "${SKIP_LOAD:-}" ]; then
  dropdb --if-exists "${DB}_base" && createdb -T "$DB" "${DB}_base"
fi

psql -qtA "$DB" -c "select 'customers: ' || count(*) || ', owned: ' || count(owner_id) || ', in a pool unowned: ' || count(*) filter (where owner_id is null) from customers"
for run in 1 2; do
  START=$(date +%s%N)
  java -Xmx512m ${THREADS:+-Drapport.pools.recapture-threads=$THREADS} -jar "$JAR" pool-recapture 2>&1 | tee "$OUT/pool-run$run.log" | grep -E "^pool-recapture" || { tail -20 "$OUT/pool-run$run.log"; exit 1; }
  echo "run $run: $(( ($(date +%s%N) - START) / 1000000 )) ms wall, JVM start included (target: the job itself <= 60 s)"
done
psql -qtA "$DB" -c "select 'audit rows of the recapture: ' || count(*) from audit_log where action = 'pool.recapture'"
