#!/bin/bash
# CPU time the node spends per authenticated GET (less sensitive to other processes than requests/s), and requests/s.
AUTH="Authorization: Basic $(printf 'auditor:demo' | base64)"
HZ=$(getconf CLK_TCK)
ticks() { awk '{print $14+$15}' /proc/$1/stat; }
for round in 1 2 3; do
  for v in before after; do
    port=19481; [ $v = after ] && port=19581
    pid=$(pgrep -f "java.*${AUTHBENCH:-/tmp/authbench}/$v")
    t0=$(ticks $pid)
    out=$(ab -q -k -n 20000 -c 8 -H "$AUTH" http://127.0.0.1:$port/api/v1/provinces 2>&1)
    t1=$(ticks $pid)
    rps=$(echo "$out" | awk '/Requests per second/{print $4}')
    failed=$(echo "$out" | awk '/Failed requests/{print $3}'); non2xx=$(echo "$out" | awk '/Non-2xx/{print $3}')
    echo "round $round $v: $rps req/s, server CPU $(echo "scale=1; ($t1-$t0)*1000000/$HZ/20000" | bc) us/request, failed $failed, non-2xx ${non2xx:-0}"
  done
done
