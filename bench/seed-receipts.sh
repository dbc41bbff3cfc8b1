#!/usr/bin/env bash
# Stock for the report benchmarks (issue 15): 3 lots of every catalogue item in each of 4 depots (204 receipts with
# the demo catalogue of 17 items), through POST /inventory/receipts with an Idempotency-Key each (a re-run of the
# same seed receives nothing twice).
#   bench/seed-receipts.sh [base URL] [seed name]; account TP_AUTH (admin:demo, demo mode).
set -euo pipefail
base="${1:-http://127.0.0.1:8181/api/v1}"; seed="${2:-bench}"
auth="${TP_AUTH:-admin:demo}"
id_of() { # <path> <code>: the id of the record with that code
  curl -fsS -u "$auth" "$base/$1?q=$2&limit=50" | python3 -c '
import json, sys
code = sys.argv[1]
print(next(i["id"] for i in json.load(sys.stdin)["items"] if i["code"] == code))' "$2"
}
items=$(curl -fsS -u "$auth" "$base/items?limit=500" | python3 -c 'import json,sys; print(" ".join(str(i["id"]) for i in json.load(sys.stdin)["items"]))')
expiry="$(date -d '+2 years' +%F)"
n=0
for depot in CENTRAL-RESERVE HB-PROV-01 HB-WH-01 JS-PROV-01; do
  d=$(id_of depots "$depot")
  for i in $items; do
    for lot in 1 2 3; do
      curl -fsS -o /dev/null -u "$auth" -H 'Content-Type: application/json' -H "Idempotency-Key: $seed-$d-$i-$lot" \
        -d "{\"depotId\":$d,\"itemId\":$i,\"quantity\":$((100 * lot)),\"origin\":\"OPENING_BALANCE\",\"sourceDocument\":\"$seed-$depot-$lot\",\"expiryDate\":\"$expiry\"}" \
        "$base/inventory/receipts"
      n=$((n + 1))
    done
  done
done
echo "$n receipts"
