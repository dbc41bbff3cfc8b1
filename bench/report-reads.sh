#!/usr/bin/env bash
# List and report read figures against a running node (issue 15), with wrk outside the JVM:
#   bench/report-reads.sh [base URL] [seconds] [rounds]
#   defaults: http://127.0.0.1:8181/api/v1 10 3; account TP_AUTH (admin:demo, demo mode).
# Per round, each at wrk -t2 -c16: the authenticated in-memory GET /provinces/42 (the baseline of the same run),
# then each list and report; prints requests/s and the share of the baseline. Any non-2xx answer fails the run.
# TP_PATHS and TP_WARMUP: see below.
# TP_PID=<the node's JVM pid> adds the JVM's CPU time per request (user + system, from /proc), which a machine busy
# with other work disturbs far less than requests/s: on a shared machine compare those.
set -euo pipefail
base="${1:-http://127.0.0.1:8181/api/v1}"; secs="${2:-10}"; rounds="${3:-3}"
auth="${TP_AUTH:-admin:demo}"
pid="${TP_PID:-}"
command -v wrk >/dev/null || { echo "wrk is needed (Debian package wrk)" >&2; exit 1; }
header="Authorization: Basic $(printf %s "$auth" | base64)"
paths=(provinces/42 "inventory/national" "inventory/balances?limit=50" "needs?limit=50" reports/stock reports/cover
       reports/shortages reports/transit reports/batches reports/census)
# TP_PATHS="reports/stock reports/cover" measures only those (after the baseline); TP_WARMUP=0 skips the warm-up (a
# paired run that calls this once per round on a warm node)
if [ -n "${TP_PATHS:-}" ]; then read -r -a picked <<<"$TP_PATHS"; paths=(provinces/42 "${picked[@]}"); fi

cpu_ticks() { [ -n "$pid" ] && awk '{print $14 + $15}' "/proc/$pid/stat" || echo 0; }

rate() { # <path>: "requests/s CPU-ms-per-request" at wrk -t2 -c16, failing on any unexpected answer
  local out before after
  before=$(cpu_ticks)
  out=$(wrk -t2 -c16 -d"${secs}s" --timeout 30s -H "$header" "$base/$1")
  after=$(cpu_ticks)
  if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then echo "$1: $out" >&2; exit 1; fi
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" '/requests in/ {n = $1} /Requests\/sec/ {r = $2}
    END {printf "%s %.2f\n", r, (n > 0 ? 1000 * t / hz / n : 0)}' <<<"$out"
}

[ "${TP_WARMUP:-1}" = 0 ] || for p in "${paths[@]}"; do rate "$p" >/dev/null; done # warm-up
for r in $(seq 1 "$rounds"); do
  echo "round $r, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "| GET | requests/s | of /provinces/42 | JVM CPU ms/request | baseline's CPU/request ÷ this |"
  echo "| --- | --- | --- | --- | --- |"
  line=$(rate provinces/42); read -r base_rate base_cpu <<<"$line"
  echo "| /provinces/42 (baseline) | $base_rate | 100 % | ${pid:+$base_cpu} | ${pid:+100 %} |"
  for p in "${paths[@]:1}"; do
    line=$(rate "$p"); read -r x cpu <<<"$line"
    echo "| /$p | $x | $(awk -v a="$x" -v b="$base_rate" 'BEGIN {printf "%.0f %%", 100 * a / b}') | ${pid:+$cpu} |" \
      "${pid:+$(awk -v a="$cpu" -v b="$base_cpu" 'BEGIN {printf "%.0f %%", (a > 0 ? 100 * b / a : 0)}')} |"
  done
done
