# Shared by the bench/run-*.sh scripts: source it after setting PORT, JAR and OUT.
# bench_setup NAME      the jar (built if missing), the bench administrator, and the database:
#                       PostgreSQL DB=<name> (created fresh unless SKIP_LOAD=1; PGHOST/PGUSER default
#                       127.0.0.1/postgres), else embedded H2 in $OUT/NAME-h2 (emptied unless SKIP_LOAD=1)
# bench_start NAME      starts the server (-Xmx512m) on $PORT, logs to $OUT/NAME-server.log, waits for health
# bench_token EMAIL PW  an API token, or nothing
BASE="http://127.0.0.1:$PORT"

bench_setup() {
  mkdir -p "$OUT"
  [ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
  export RAPPORT_DEMO_DATA=false RAPPORT_ADMIN_EMAIL=admin@bench.local RAPPORT_ADMIN_PASSWORD=bench-admin-password
  if [ -n "${DB:-}" ]; then
    export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
    [ -n "${SKIP_LOAD:-}" ] || { dropdb --if-exists "$DB" && createdb "$DB"; }
    export RAPPORT_DB_URL="jdbc:postgresql://$PGHOST:5432/$DB" RAPPORT_DB_USER=$PGUSER
  else
    unset PGHOST || true
    [ -n "${SKIP_LOAD:-}" ] || rm -rf "$OUT/$1-h2"
    export RAPPORT_DATA_DIR=$PWD/$OUT/$1-h2
  fi
  bash bench/machine.sh
}

bench_start() {
  SERVER_PORT=$PORT java -Xmx512m -jar "$JAR" > "$OUT/$1-server.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do curl -sf "$BASE/actuator/health" > /dev/null && break; sleep 1; done
}

bench_token() {
  curl -sf -X POST "$BASE/api/v1/auth/tokens" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
