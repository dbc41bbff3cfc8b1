#!/usr/bin/env bash
# List and report read figures against a running node (issue 15), with wrk outside the JVM:
#   bench/report-reads.sh [base URL] [seconds] [rounds]
#   defaults: http://127.0.0.1:8181/api/v1 10 3; account TP_AUTH (admin:demo, demo mode).
# Per round, each at wrk -t2 -c16: the authenticated in-memory GET /provinces/42 (the baseline of the same run),
# then each list and report; prints requests/s and the share of the baseline. Any non-2xx answer fails the run.
set -euo pipefail
base="${1:-http://127.0.0.1:8181/api/v1}"; secs="${2:-10}"; rounds="${3:-3}"
auth="${TP_AUTH:-admin:demo}"
command -v wrk >/dev/null || { echo "wrk is needed (Debian package wrk)" >&2; exit 1; }
header="Authorization: Basic $(printf %s "$auth" | base64)"
paths=(provinces/42 "inventory/national" "inventory/balances?limit=50" "needs?limit=50" reports/stock reports/cover
       reports/shortages reports/transit reports/batches reports/census)

rate() { # <path>: requests/s at wrk -t2 -c16, failing on any unexpected answer
  local out
  out=$(wrk -t2 -c16 -d"${secs}s" --timeout 30s -H "$header" "$base/$1")
  if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then echo "$1: $out" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}

for p in "${paths[@]}"; do rate "$p" >/dev/null; done # warm-up
for r in $(seq 1 "$rounds"); do
  echo "round $r, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "| GET | requests/s | of /provinces/42 |"
  echo "| --- | --- | --- |"
  base_rate=$(rate provinces/42)
  echo "| /provinces/42 (baseline) | $base_rate | 100 % |"
  for p in "${paths[@]:1}"; do
    x=$(rate "$p")
    echo "| /$p | $x | $(awk -v a="$x" -v b="$base_rate" 'BEGIN {printf "%.0f %%", 100 * a / b}') |"
  done
done
