#!/usr/bin/env bash
# A steady trickle of 1-unit receipts into HB-WH-01 (at most <rate> a second, one at a time) beside a read benchmark,
# so kept reports are measured with writes arriving (issue 15); stops when the file <stop> exists:
#   bench/receipt-trickle.sh <base URL> [rate] [stop file]; account TP_AUTH (admin:demo, demo mode).
set -uo pipefail
base="${1:?base URL}"; rate="${2:-5}"; stop="${3:-/tmp/receipt-trickle.stop}"; auth="${TP_AUTH:-admin:demo}"
d=$(curl -fsS -u "$auth" "$base/depots?q=HB-WH-01&limit=50" | python3 -c 'import json,sys; print(next(i["id"] for i in json.load(sys.stdin)["items"] if i["code"]=="HB-WH-01"))')
i=$(curl -fsS -u "$auth" "$base/items?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
n=0
while [ ! -f "$stop" ]; do
  n=$((n + 1))
  curl -fsS -o /dev/null -u "$auth" -H 'Content-Type: application/json' -H "Idempotency-Key: trickle-$$-$n" \
    -d "{\"depotId\":$d,\"itemId\":$i,\"quantity\":1,\"origin\":\"OPENING_BALANCE\",\"sourceDocument\":\"trickle-$n\",\"expiryDate\":\"2029-01-01\"}" \
    "$base/inventory/receipts" || echo "receipt $n failed"
  sleep "$(awk -v r="$rate" 'BEGIN {print 1 / r}')"
done
echo "$n receipts"
