#!/usr/bin/env bash
# REST write figures against a running node (issue 10), with wrk outside the JVM:
#   bench/rest-writes.sh [base URL] [connections] [seconds] [rounds]
#   defaults: http://127.0.0.1:8181/api/v1 4 10 3; account TP_AUTH (admin:demo, demo mode).
# Per round: POST /inventory/issues with distinct bodies, the same with a distinct Idempotency-Key per issue,
# and the in-memory authenticated GET /provinces/42 at the same concurrency and at wrk -t2 -c16.
# The service's own rate needs the container: RestWritesBench (docs/performance.md) runs both in one run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
base="${1:-http://127.0.0.1:8181/api/v1}"; conns="${2:-4}"; secs="${3:-10}"; rounds="${4:-3}"
auth="${TP_AUTH:-admin:demo}"
command -v wrk >/dev/null || { echo "wrk is needed" >&2; exit 1; }

id_of() { # first id found by ?q=<code> under <path>
  curl -fsS -u "$auth" "$base/$1?q=$2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])'
}
export TP_AUTH="$auth" TP_DEPOT="$(id_of depots HB-PROV-01)" TP_ITEM="$(id_of items MASK-KN95)" \
       TP_UNIT="$(id_of units P42-WUHAN)"
# enough stock for every issue of the run
curl -fsS -o /dev/null -u "$auth" -H 'Content-Type: application/json' \
  -d "{\"depotId\":$TP_DEPOT,\"itemId\":$TP_ITEM,\"quantity\":100000000,\"origin\":\"OPENING_BALANCE\",\"sourceDocument\":\"BENCH-OPENING\",\"expiryDate\":\"$(date -d '+2 years' +%F)\"}" \
  "$base/inventory/receipts"

run_wrk() { # <connections> <url> [script]: prints "<requests/s> <slowest>", fails on any unexpected answer
  local c="$1" url="$2" out t
  t=$(( c < 2 ? c : 2 ))
  if [ $# -gt 2 ]; then
    out=$(TP_RUN="$(date +%s%N)" wrk -t"$t" -c"$c" -d"${secs}s" --timeout 30s -s "$3" "$url")
    if grep -q '^status' <<<"$out" && grep '^status' <<<"$out" | grep -vq '^status 201:'; then echo "$out" >&2; exit 1; fi
  else
    out=$(wrk -t"$t" -c"$c" -d"${secs}s" --timeout 30s -H "Authorization: Basic $(printf %s "$auth" | base64)" "$url")
  fi
  if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then echo "$out" >&2; exit 1; fi
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '/Latency/ {print $4}' <<<"$out")"
}

echo "warm-up..."
TP_KEYS=0 run_wrk "$conns" "$base/inventory/issues" "$here/issues.lua" >/dev/null
TP_KEYS=1 run_wrk "$conns" "$base/inventory/issues" "$here/issues.lua" >/dev/null
echo "| round | load average | issues/s (slowest) | keyed issues/s (slowest) | GET /provinces/42, $conns conn. | GET, wrk -t2 -c16 |"
echo "| --- | --- | --- | --- | --- | --- |"
for r in $(seq 1 "$rounds"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  read -r plain pmax < <(TP_KEYS=0 run_wrk "$conns" "$base/inventory/issues" "$here/issues.lua")
  read -r keyed kmax < <(TP_KEYS=1 run_wrk "$conns" "$base/inventory/issues" "$here/issues.lua")
  read -r get _ < <(run_wrk "$conns" "$base/provinces/42")
  read -r get16 _ < <(run_wrk 16 "$base/provinces/42")
  echo "| $r | $load | $plain ($pmax) | $keyed ($kmax) | $get | $get16 |"
done
