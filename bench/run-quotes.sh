#!/usr/bin/env bash
# Quotes: creates N quotes (default 5,000) of 5 lines each over the API, then measures the quote
# list (GET /api/v1/quotes?limit=50, first page and a status filter), one quote with its lines, and
# the PDF (rendered with the shipped CJK font) with 4 clients. Embedded H2 by default; PostgreSQL
# with DB=<name> (created fresh; PGHOST/PGUSER default 127.0.0.1/postgres). REQUESTS per scenario
# (default 500).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-5000}
REQUESTS=${REQUESTS:-500}
PORT=${PORT:-18083}
JAR=${JAR:-target/rapport.jar}
OUT=${OUT:-bench/out}
source bench/lib.sh
bench_setup quotes

bench_start quotes

TOKEN=$(bench_token "$RAPPORT_ADMIN_EMAIL" "$RAPPORT_ADMIN_PASSWORD")
post() { curl -sf -X POST "$BASE$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2"; }
CUSTOMER=$(post /api/v1/customers '{"type":"organization","name":"报价测试有限公司"}' | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2)
PRODUCT=$(post /api/v1/products '{"sku":"BENCH-1","name":"基准测试产品","unit":"件"}' | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2)
BOOK=$(post /api/v1/price-books "{\"name\":\"基准价目表\",\"currency\":\"CNY\",\"isDefault\":true,\"tiers\":[{\"productId\":$PRODUCT,\"minQuantity\":1,\"unitPrice\":99.5},{\"productId\":$PRODUCT,\"minQuantity\":100,\"unitPrice\":88}]}" \
  | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2)
LINE="{\"productId\":$PRODUCT,\"quantity\":1{i},\"taxRate\":13}"
BODY="{\"customerId\":$CUSTOMER,\"priceBookId\":$BOOK,\"discountPercent\":5,\"lines\":[$LINE,$LINE,$LINE,{\"description\":\"安装服务\",\"quantity\":1,\"unitPrice\":500,\"taxRate\":6},$LINE]}"

# the driver adds a 5% warm-up to the requests it times: ask for N/1.05 to create about N
java bench/LoadDriver.java "create quotes (5 lines)" 4 $(( N * 100 / 105 )) 1200 "$TOKEN" "POST $BASE/api/v1/quotes $BODY"
QUOTE=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/quotes?limit=1" | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2)
java bench/LoadDriver.java "quote list" 4 "$REQUESTS" 300 "$TOKEN" "GET $BASE/api/v1/quotes?limit=50"
java bench/LoadDriver.java "quote list, status filter" 4 "$REQUESTS" 300 "$TOKEN" "GET $BASE/api/v1/quotes?limit=50&status=draft"
java bench/LoadDriver.java "quote with lines" 4 "$REQUESTS" 300 "$TOKEN" "GET $BASE/api/v1/quotes/$QUOTE"
java bench/LoadDriver.java "quote PDF" 4 "$REQUESTS" 300 "$TOKEN" "GET $BASE/api/v1/quotes/$QUOTE/pdf"
