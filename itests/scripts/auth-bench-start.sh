#!/bin/bash
# Unpacks two distributions (before, after) under $AUTHBENCH (default /tmp/authbench), starts both in demo mode on
# loopback ports 19481 and 19581, then alternates wrk on an authenticated GET. auth-bench-cpu.sh measures the
# same with ab and the node's CPU time; stop the nodes with: kill $(pgrep -f "java.*$AUTHBENCH/")
# usage: auth-bench-start.sh <before.tar.gz> <after.tar.gz>
set -u
B=${AUTHBENCH:-/tmp/authbench}
BEFORE_TGZ=$1; AFTER_TGZ=$2
declare -A PORT=([before]=${3:-19481} [after]=${4:-19581})
for v in before after; do ss -ltn | grep -q ":${PORT[$v]} " && { echo "port ${PORT[$v]} busy"; exit 1; }; done
for v in before after; do
  rm -rf $B/$v && mkdir -p $B/$v
  tgz=$BEFORE_TGZ; [ $v = after ] && tgz=$AFTER_TGZ
  tar xzf $tgz -C $B/$v --strip-components=1
  (cd $B/$v && JAVA_HOME=${JAVA_HOME:-$(dirname $(dirname $(readlink -f $(command -v java))))} TONGPAO_DEMO=true \
     TONGPAO_HTTP_PORT=${PORT[$v]} TONGPAO_SSH_PORT=$((PORT[$v]-80)) setsid nohup bin/karaf server > $B/$v.out 2>&1 < /dev/null & echo $! > $B/$v.pid) > /dev/null 2>&1
done
for v in before after; do
  for i in $(seq 1 120); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -u auditor:demo http://127.0.0.1:${PORT[$v]}/api/v1/provinces)
    [ "$code" = 200 ] && break; sleep 1
  done
  echo "$v up: $code, listener: $(ss -ltnp | grep ":${PORT[$v]} " | grep -o 'pid=[0-9]*')"; pgrep -f "java.*$B/$v" 
done
AUTH="Authorization: Basic $(printf 'auditor:demo' | base64)"
for v in before after; do wrk -t2 -c8 -d5s -H "$AUTH" http://127.0.0.1:${PORT[$v]}/api/v1/provinces > /dev/null; done
for round in 1 2 3 4 5; do
  for v in before after; do
    r=$(wrk -t2 -c8 -d20s -H "$AUTH" http://127.0.0.1:${PORT[$v]}/api/v1/provinces | awk '/Requests\/sec/{print $2}')
    echo "round $round $v $r req/s"
  done
done
