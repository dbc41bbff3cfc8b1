#!/usr/bin/env bash
# Paired rounds of bench/report-reads.sh on one warm node, toggling a boolean setting between the halves of each pair
# (the order alternating), so a change is compared with its own baseline under the same load (issue 15):
#   TP_PID=<the node's JVM pid> bench/report-pairs.sh <base URL> <the node's etc/<pid>.cfg> <property> [pairs]
#   e.g. bench/report-pairs.sh http://127.0.0.1:8181/api/v1 instances/central/etc/org.tongpao.reporting.cfg coverInOneRead 6
# TP_PATHS as for report-reads.sh (default: stock, cover, balances?limit=50). Leaves the property true.
set -euo pipefail
base="${1:?base URL}"; cfg="${2:?configuration file}"; property="${3:?boolean property}"; pairs="${4:-6}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
header="Authorization: Basic $(printf %s "${TP_AUTH:-admin:demo}" | base64)"
paths="${TP_PATHS:-reports/stock reports/cover inventory/balances?limit=50}"
grep -q "^$property *=" "$cfg" || echo "$property = true" >>"$cfg"
set_to() { sed -i "s/^$property *=.*/$property = $1/" "$cfg"; sleep 3; } # fileinstall picks the change up
for p in $paths provinces/42; do wrk -t2 -c16 -d20s -H "$header" "$base/$p" >/dev/null; done # warm-up
for i in $(seq 1 "$pairs"); do
  if [ $((i % 2)) = 1 ]; then order="false true"; else order="true false"; fi
  for value in $order; do
    set_to "$value"
    echo "=== pair $i $property=$value $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
    TP_WARMUP=0 TP_PATHS="$paths" "$here/report-reads.sh" "$base" 5 1
  done
done
set_to true
