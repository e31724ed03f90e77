#!/usr/bin/env bash
# 100,000 customers on embedded H2, then list/search/page/create over HTTP.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${DIR:-$PWD/bench/out/h2-data}
CUSTOMERS=${CUSTOMERS:-100000}
export RAPPORT_DATA_DIR=$DIR RAPPORT_ADMIN_EMAIL=admin@bench.local RAPPORT_ADMIN_PASSWORD=bench-admin-password
unset PGHOST || true
export JAR=${JAR:-target/rapport.jar}
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
bash bench/machine.sh
if [ "${SKIP_LOAD:-}" != 1 ]; then
  rm -rf "$DIR"
  start=$(date +%s)
  java -jar "$JAR" demo-data --customers "$CUSTOMERS" | grep -v ' INFO '
  echo "demo-data --customers $CUSTOMERS on H2: $(( $(date +%s) - start ))s including startup"
fi
PORT=18081 bash bench/measure.sh
