#!/usr/bin/env bash
# Boot time and memory of the slim provincial install against a bare Karaf and the central install (issue 11):
#   bench/boot-rss.sh [runs]        (default 3; figures in docs/performance.md, "Federation: boot and memory")
# Builds nothing: starts the distribution in karaf-assembly/target/assembly (build it first, e.g. ./tongpao run
# once or mvn -DskipTests package -pl karaf-assembly -am) and Apache Karaf 4.4.10 as published
# (apache-karaf-4.4.10.zip, from the local Maven repository where karaf:verify left it), each from a fresh folder,
# one after the other, interleaved run by run, all with the same JVM options and on free 127.0.0.1 ports.
# Healthy: Tongpao's GET /api/v1/health answers 200 (UP: every boot feature installed, every component
# satisfied, every endpoint mounted); a bare Karaf has no HTTP, so its console's SSH port accepting a connection.
# RSS: VmRSS of the node's java process 10 s after it is healthy. Each node is stopped by its PID (SIGTERM).
# BENCH_NMT=1 adds -XX:NativeMemoryTracking=summary to every JVM and prints, on stderr, where each one's committed
# memory is (heap, classes, threads, code, GC...) at the same moment: why the RSS differ.
# BENCH_JVM_EXTRA adds options to every JVM alike (e.g. heap sizing: "-XX:MaxHeapFreeRatio=20").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
assembly="$here/karaf-assembly/target/assembly"
zip="${MAVEN_REPO:-$HOME/.m2/repository}/org/apache/karaf/apache-karaf/4.4.10/apache-karaf-4.4.10.zip"
[ -x "$assembly/bin/karaf" ] || { echo "No distribution in $assembly: build it first" >&2; exit 1; }
[ -f "$zip" ] || { echo "No $zip (mvn -B verify -pl features fetches it for karaf:verify)" >&2; exit 1; }
if [ -z "${JAVA_HOME:-}" ]; then JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"; fi
export JAVA_HOME
# the JVM options bin/setenv gives every Tongpao node; the bare Karaf gets the same
jvm="-Xms64m -Xmx512m -XX:+UseSerialGC"
if [ -n "${BENCH_NMT:-}" ]; then jvm="$jvm -XX:NativeMemoryTracking=summary"; fi
extra="${BENCH_JVM_EXTRA:-}${BENCH_NMT:+ -XX:NativeMemoryTracking=summary}"
jvm="$jvm${BENCH_JVM_EXTRA:+ $BENCH_JVM_EXTRA}"
work="$(mktemp -d "${TMPDIR:-/tmp}/boot-rss.XXXXXX")"; : >"$work/ports"
pid=""
cleanup() { [ -n "$pid" ] && stop_tree "$pid"; rm -rf "$work"; }
trap cleanup EXIT

# BENCH_PORTS=18200-18299 keeps the nodes to a range of their own (a machine shared with other people's runs); a
# port is handed out once per run of the script ($work/ports), as nodes bind theirs seconds after it is picked
free_port() {
  python3 -c 'import random, socket, sys
lo, hi = (int(p) for p in (sys.argv[1] or "0-0").split("-"))
used = set(open(sys.argv[2]).read().split()) if hi else set()
for _ in range(500):
    s = socket.socket()
    try:
        port = random.randint(lo, hi) if hi else 0
        if str(port) in used: continue
        s.bind(("127.0.0.1", port)); print(s.getsockname()[1]); break
    except OSError: pass
    finally: s.close()' "${BENCH_PORTS:-}" "$work/ports" | tee -a "$work/ports"
}

java_of() { # the java process under a launcher pid (bin/karaf runs java as its child)
  local p="$1" c
  for _ in $(seq 1 50); do
    if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = java ]; then echo "$p"; return; fi
    # ./tongpao's health poller is java's sibling until it has seen the node healthy: java first
    c="$(pgrep -P "$p" -x java | head -1 || true)"
    [ -n "$c" ] || c="$(pgrep -P "$p" | head -1 || true)"
    if [ -n "$c" ]; then p="$c"; else sleep 0.1; fi
  done
  echo "$p"
}

stop_tree() { # SIGTERM to the launcher and its java, then wait for both
  local j; j="$(java_of "$1")"
  kill -TERM "$j" "$1" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$j" 2>/dev/null || kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  for _ in $(seq 1 300); do kill -0 "$j" 2>/dev/null || break; sleep 0.1; done
  pid=""
}

bundles_of() { ls "$1"/data/cache 2>/dev/null | grep -c '^bundle' || true; }

cpu_ms() { # user + system CPU time of a process so far, in ms (a steadier figure than wall time on a shared machine)
  awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat"
}

# measure <name> <folder> <ready-check command...>: prints "<ms> <RSS MB> <bundles> <CPU ms to healthy>"
measure() {
  local name="$1" dir="$2"; shift 2
  local t0 t1 j rss cpu
  t0=$(date +%s%N)
  for _ in $(seq 1 3000); do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited; see $dir" >&2; exit 1; }
    if "$@" >/dev/null 2>&1; then break; fi
    sleep 0.1
  done
  t1=$(date +%s%N)
  cpu="$(cpu_ms "$(java_of "$pid")")"
  sleep 10
  j="$(java_of "$pid")"
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$j/status")
  if [ -n "${BENCH_NMT:-}" ]; then
    "$JAVA_HOME/bin/jcmd" "$j" VM.native_memory summary scale=MB |
      awk -v n="$name" '/^-/ { sub(/^- */, ""); sub(/ *\(reserved=[0-9]*MB, /, " "); sub(/\)$/, ""); printf "nmt %s: %s\n", n, $0 }' >&2
  fi
  echo "$(( (t1 - t0) / 1000000 )) $rss $(bundles_of "$dir") $cpu"
}

start_bare() {
  local dir="$work/bare-$1" ssh
  unzip -q "$zip" -d "$dir"; dir="$dir/apache-karaf-4.4.10"
  ssh=$(free_port)
  sed -i "s/^sshPort *=.*/sshPort = $ssh/; s/^sshHost *=.*/sshHost = 127.0.0.1/" "$dir/etc/org.apache.karaf.shell.cfg"
  sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $(free_port)/; s/^rmiServerPort *=.*/rmiServerPort = $(free_port)/;
          s/^rmiRegistryHost *=.*/rmiRegistryHost = 127.0.0.1/; s/^rmiServerHost *=.*/rmiServerHost = 127.0.0.1/" \
      "$dir/etc/org.apache.karaf.management.cfg"
  EXTRA_JAVA_OPTS="$jvm" "$dir/bin/karaf" server >"$work/bare-$1.out" 2>&1 &
  pid=$!
  measure "bare Karaf" "$dir" bash -c "exec 3<>/dev/tcp/127.0.0.1/$ssh"
  stop_tree "$pid"
}

start_node() { # <run folder> <node> [launcher options]: a fresh instance through ./tongpao run, not in demo mode
  local run="$1" node="$2" http; shift 2
  http=$(free_port)
  TONGPAO_INSTANCES="$work/nodes-$run" TONGPAO_HEAP=512m EXTRA_JAVA_OPTS="$extra" \
      "$here/tongpao" run --node "$node" --port "$http" \
      --ssh-port "$(free_port)" --no-demo "$@" </dev/null >"$work/${node/:/-}-$run.out" 2>&1 &
  pid=$!
  measure "$node" "$work/nodes-$run/${node/:/-}" curl -fsS "http://127.0.0.1:$http/api/v1/health"
  stop_tree "$pid"
}

echo "Boot to healthy and RSS 10 s later, fresh folders, JVM $jvm, $(nproc) cores, $(date -u +%FT%TZ)"
# BENCH_BEFORE=1 adds, in each run, the province as it was before the slim composite (2026-12-08): with import and
# donation (--with) and without the small node's JVM options (TONGPAO_SMALL_JVM empty): the baseline in the same run
cols=3; head="| run | load average | bare Karaf 4.4.10: boot s (CPU s to healthy), RSS MB, bundles | province:42 | central |"
if [ -n "${BENCH_BEFORE:-}" ]; then cols=4; head="$head province:42 before |"; fi
echo "$head"
echo "| --- | --- | --- | --- | --- |$([ "$cols" = 4 ] && echo " --- |")"
for r in $(seq 1 "$runs"); do
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  # in this shell (not a subshell), so that the EXIT trap stops a node the script leaves running
  start_bare "$r" >"$work/bare.txt"
  start_node "$r" province:42 --central "127.0.0.1:$(free_port)" >"$work/province.txt"
  start_node "$r" central --broker-port "$(free_port)" >"$work/central.txt"
  if [ -n "${BENCH_BEFORE:-}" ]; then
    TONGPAO_SMALL_JVM="" start_node "$r-before" province:42 --central "127.0.0.1:$(free_port)" \
        --with tongpao-import,tongpao-donation >"$work/before.txt"
  fi
  awk -v r="$r" -v load="$load" '{ ms[FILENAME] = $1; mb[FILENAME] = $2; n[FILENAME] = $3; cpu[FILENAME] = $4 }
    END { printf "| %d | %s", r, load
          for (i = 1; i < ARGC; i++) f[i] = ARGV[i]
          for (i = 1; i < ARGC; i++) printf " | %.1f s (%.1f), %d MB, %d", ms[f[i]] / 1000, cpu[f[i]] / 1000, mb[f[i]], n[f[i]]
          print " |" }' "$work/bare.txt" "$work/province.txt" "$work/central.txt" \
    $([ "$cols" = 4 ] && echo "$work/before.txt")
done
