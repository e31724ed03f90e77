#!/usr/bin/env bash
# The opportunity list's name search (q) on PostgreSQL: the list page's query (newest 51 matches) and
# its capped count, timed with EXPLAIN ANALYZE for a few terms, with the condition before the
# search_text column ("old": lower(name) like '%term%', a scan of every opportunity) and after it
# ("new": search_text like, served by opportunities_search_trgm_idx). Needs a database loaded with
#   java -jar target/rapport.jar demo-data --customers 20000 --opportunities 200000 --open-opportunities 5000
# (RAPPORT_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB). MODE=old measures only the old condition
# (a database from before the migration). Each query runs 5 times; the median execution time is shown.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-opp_bench}
MODE=${MODE:-both}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
bash bench/machine.sh
echo "opportunities: $(psql -qtA -d "$DB" -c 'select count(*) from opportunities')"
psql -q -d "$DB" -c "analyze opportunities" > /dev/null

SELECT="select o.id, o.name, o.amount from opportunities o join pipeline_stages s on s.id = o.stage_id"
median() {  # median execution time (ms) of a query over 5 runs
  local sql=$1 times=()
  for _ in 1 2 3 4 5; do
    times+=("$(psql -qtA -d "$DB" -c "explain (analyze, format json) $sql" | grep -oE '"Execution Time": [0-9.]+' | grep -oE '[0-9.]+$')")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}
rows() {
  psql -qtA -d "$DB" -c "select count(*) from (select 1 from opportunities o where $1 limit 10001) x"
}
plan() {
  psql -qtA -d "$DB" -c "explain $1" | grep -oE '(Index|Bitmap Index|Seq|Bitmap Heap) Scan( Backward)? (using [a-z_]+ )?on [a-z_]+' | head -2 | paste -sd';'
}
measure() {  # label, condition
  local label=$1 cond=$2
  local list="$SELECT where $cond order by o.id desc limit 51"
  local count="select count(*) from (select 1 from opportunities o where $cond limit 10001) x"
  printf '%-34s matches %6s  list %9s ms  count %9s ms  (%s)\n' "$label" "$(rows "$cond")" "$(median "$list")" \
    "$(median "$count")" "$(plan "$list")"
}
for term in "19458" "安全审计 #18273" "erp" "物流" "no such deal"; do
  lower=$(printf '%s' "$term" | tr 'A-Z' 'a-z')
  measure "old: '$term'" "lower(o.name) like '%$lower%'"
  if [ "$MODE" != old ]; then
    if printf '%s' "$term" | grep -qP '\p{Han}' 2>/dev/null && [ "$term" = "物流" ]; then
      cond="o.search_text like '%wuliu%' and o.search_text like '%$lower%'"
    else
      cond="o.search_text like '%$lower%'"
    fi
    measure "new: '$term'" "$cond"
  fi
done
