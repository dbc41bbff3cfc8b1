#!/bin/bash
# Wrong passwords for one account as fast as curl can send them, ignoring Retry-After; counts answers.
# usage: guess.sh <port> <account> <seconds> <source address...>
port=$1; account=$2; secs=$3; shift 3
for src in "$@"; do
  ( end=$((SECONDS+secs)); n=0; c401=0; c429=0; other=0; t0=$(date +%s.%N); first429=""
    while [ $SECONDS -lt $end ]; do
      code=$(curl -s -o /dev/null -w '%{http_code}' --interface $src -u "$account:wrong-$src-$n" http://127.0.0.1:$port/api/v1/provinces)
      n=$((n+1))
      case $code in 401) c401=$((c401+1)); last401=$(echo "$(date +%s.%N) - $t0" | bc);; 429) c429=$((c429+1));; *) other=$((other+1));; esac
    done
    echo "$src: requests $n, checked guesses (401) $c401, refused (429) $c429, other $other, last 401 at ${last401:-none} s"
  ) &
done
wait
