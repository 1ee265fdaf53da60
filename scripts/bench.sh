#!/usr/bin/env bash
# Roundtable load benchmark: builds, starts what a scenario needs (server processes, a throw-away
# redis-server), runs the load generator against 127.0.0.1 only, stops everything, prints a table.
#
#   scripts/bench.sh [scenario] [options]
#
# scenarios (default: memory):
#   memory      one node, in-memory store: N sessions x 7 clients at R changes/session/s
#   sqlite      one node, SQLite store (the default) in a fresh directory under target/bench: as memory, plus
#               database commits/s and changes per commit (SQLITE_SYNC=full to sync every commit)
#   redis       one node, Redis store (needs a build with the Redis store)
#   redis2      two nodes on one Redis, each session's clients alternating between them
#   cluster     two nodes (REDIS_MODE=cluster) on a three-master Redis Cluster (sharded pub/sub); also
#               script calls, publishes, CPU and memory per shard (median of the steady seconds)
#   contention  one session, 30 members raise their hands within the same 100 ms (10 rounds)
#   capacity    as many joined connections as the open-file limit allows, then nominal load on 1000 sessions
#   sweep       one node, memory: rates rising until p99 > 50 ms (the knee)
#   flood       one session, the review's flood (issue 21): 10 names from one address add 5 maximum-length
#               commitments and notes each, then rename as fast as a socket may; one member reads at 1 MB/s;
#               the facilitator's command every 200 ms: its latency, quiet and flooded (--store memory|sqlite|redis|all)
#   all         every one of the above in turn
# options:
#   --sessions N (1000)  --rate R (1)  --duration S (20; flood 10)  --warmup S (5)  --sweep R1,R2,.. (1,2,4,6,8,10,12,14,16)
#   --connections N      capacity: total joined connections (default: open-file limit - 1000)
#   --store memory|redis contention scenario's store (memory); flood: memory|sqlite|redis|all (memory)
#   --nodes 1|2          cluster scenario: server nodes (2)
#   --command-ms MS      flood: the facilitator's pace, a change every MS ms (200)
#   --profile            record the first server with JFR during the (first) measured window; print its hot methods
#   --pin                server on CPU 1, generator on CPU 0 (taskset), one event loop each: the server's own
#                        capacity, not the machine's (sweep, memory); the default shares both cores
#   --perf               split CPU into user/kernel by perf sampling (needs perf) instead of /proc's ticks, which
#                        are biased on this VM; perf's own work disturbs the Redis scenarios' latency, so it is opt-in
#   --no-heap            memory, redis, capacity: no forced GCs (jcmd) for heap per connection; a full GC lets G1
#                        give back heap the server had committed (and pre-touched), which the resident figure then
#                        counts again as it regrows; without them resident per connection is the shipped process's
#   --no-build           use target/roundtable.jar as it is
#   --shipped            server JVM flags as the Dockerfile's ENTRYPOINT has them, in a 768 MiB container
#                        (k8s/server-deployment.yaml's limit; -XX:MaxRAM stands for it), instead of the
#                        benchmark's fixed 3 GB heap
#   --readme             server JVM flags as the README's run command has them
#   --quick              short runs for checking the harness (100 sessions, 3 s windows)
# environment: SERVER_JVM_OPTS and GEN_JVM_OPTS (default -Xms3g -Xmx3g -Xmn2g -XX:+AlwaysPreTouch -XX:+UseParallelGC; see docs/benchmarks.md), VERTICLES (default: unset, the server's own default)
set -euo pipefail
cd "$(dirname "$0")/.."

scenario=memory
case "${1:-}" in memory|sqlite|redis|redis2|cluster|contention|capacity|sweep|flood|all) scenario=$1; shift ;; esac
sessions=1000 rate=1 duration= warmup=5 sweep=1,2,4,6,8,10,12,14,16 connections= store=memory
profile=0 build=1 perf=0 pin=0 nodes=2 command_ms=200 heap=--heap jvm_from=
while [ $# -gt 0 ]; do
  case "$1" in
    --sessions) sessions=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --sweep) sweep=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --store) store=$2; shift 2 ;;
    --nodes) nodes=$2; shift 2 ;;
    --command-ms) command_ms=$2; shift 2 ;;
    --profile) profile=1; shift ;;
    --perf) perf=1; shift ;;
    --no-perf) perf=0; shift ;;
    --pin) pin=1; shift ;;
    --no-build) build=0; shift ;;
    --no-heap) heap=; shift ;;
    --shipped) jvm_from=dockerfile; shift ;;
    --readme) jvm_from=readme; shift ;;
    --quick) sessions=100 duration=3 warmup=1 sweep=1,4,8; shift ;;
    -h|--help) sed -n '2,42p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# The flood's windows are short (three of them, plus building its state: about a minute in all).
[ -z "$duration" ] && { [ "$scenario" = flood ] && duration=10 || duration=20; }

# As many open files as we may: every connection is a descriptor on both sides.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fdlimit=$(ulimit -n)
# A fixed heap, touched at start: heap growth and first-touch page faults stalled both JVMs for
# 100-300 ms at a time. A large young generation: the live set is ~130 MB, and with young
# collections every 6 s the Redis runs had 100 ms stalls that every 25 s did not (docs/benchmarks.md).
# The generator's own pauses count as latency, so it gets the same.
# As shipped: the flags are read from the Dockerfile's ENTRYPOINT or the README's run command, so
# the benchmark measures what they say and cannot drift from them.
case "$jvm_from" in
  dockerfile) SERVER_JVM_OPTS="-XX:MaxRAM=${SHIPPED_MEMORY:-768m} $(sed -n '/^ENTRYPOINT/,/-jar/p' Dockerfile | grep -o '"-[XD][^"]*"' | tr -d '"' | tr '\n' ' ')" ;;
  readme) SERVER_JVM_OPTS="$(grep -m1 -o 'java .* -jar target/roundtable.jar' README.md | sed 's/^java //; s/ -jar target\/roundtable.jar$//')"; SERVER_JVM_OPTS=${SERVER_JVM_OPTS:- } ;;
esac
[ -n "$jvm_from" ] && echo "server JVM flags ($jvm_from): $SERVER_JVM_OPTS" >&2
SERVER_JVM_OPTS=${SERVER_JVM_OPTS:--Xms3g -Xmx3g -Xmn2g -XX:+AlwaysPreTouch -XX:+UseParallelGC}
GEN_JVM_OPTS=${GEN_JVM_OPTS:--Xms3g -Xmx3g -Xmn2g -XX:+AlwaysPreTouch -XX:+UseParallelGC}
server_cpu=() gen_cpu=()
if [ "$pin" = 1 ]; then
  command -v taskset >/dev/null || { echo "--pin needs taskset (util-linux)" >&2; exit 2; }
  server_cpu=(taskset -c 1) gen_cpu=(taskset -c 0)
  VERTICLES=${VERTICLES:-1}
fi
# Unset: the server picks its event loops as shipped (half the cores); set it to compare.
VERTICLES=${VERTICLES:-}
out=target/bench
mkdir -p "$out"
stamp=$(date +%Y%m%d-%H%M%S)

if [ "$build" = 1 ]; then
  echo "building…" >&2
  mvn -B -q -Pbench package -DskipTests
fi
jar=${JAR:-target/roundtable.jar}   # JAR=... runs another build (A/B comparisons)
# The generator is not in the server jar: its own jar and library, with the server jar for Vert.x.
[ -f target/roundtable-bench.jar ] || { echo "no target/roundtable-bench.jar: run without --no-build once" >&2; exit 2; }
bench_cp="target/roundtable-bench.jar:$(ls target/bench-lib/*.jar | tr '\n' ':')$jar"

pids=()
cleanup() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]:-}"; do
    [ -n "$p" ] || continue
    for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
  done
  pids=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 12000))  # below the ephemeral range (32768+)
    ss -Hltn "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
}

# start_server NAME PORT [REDIS_URL] [extra KEY=VALUE...] → sets $server_pid
start_server() {
  local name=$1 port=$2 redis=${3:-}; shift 3 || shift $#
  # The load comes from loopback only: the edge's per-client limits (creation, unjoined sockets) and
  # the in-memory session bound are lifted so they measure the server, not the guards. Several
  # servers run side by side, so /metrics is on each one's own port (METRICS_PUBLIC), not on 9090.
  env PORT="$port" HOST=127.0.0.1 NODE_ID="$name" VERTICLES="$VERTICLES" DRAIN_SECONDS=0 METRICS_PUBLIC=true ${redis:+REDIS_URL=$redis} \
    CREATES_PER_MINUTE=10000000 CREATES_PER_MINUTE_TOTAL=10000000 MAX_SESSIONS=10000000 MAX_UNJOINED_SOCKETS=10000000 MAX_JOINED_SOCKETS_PER_ADDRESS=10000000 "$@" \
    "${server_cpu[@]}" java $SERVER_JVM_OPTS -jar "$jar" >"$out/$cur-$name.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 1 300); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      wait "$server_pid"; echo "server $name did not start (exit $?); its log:" >&2; tail -20 "$out/$cur-$name.log" >&2; return 1
    fi
    if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
      echo "server $name: $(grep -o '([^()]* store, [^()]* transport)' "$out/$cur-$name.log" | head -1)" >&2
      return 0
    fi
    sleep 0.1
  done
  echo "server $name not ready after 30 s" >&2; return 1
}

start_redis() {
  redis_port=$(free_port)
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --protected-mode yes \
    >"$out/$cur-redis.log" 2>&1 &
  redis_pid=$!
  pids+=("$redis_pid")
  for _ in $(seq 1 50); do
    redis-cli -p "$redis_port" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "redis-server did not start" >&2; return 1
}

# start_redis_cluster → three cluster-enabled redis-servers joined by redis-cli --cluster create;
# sets $cluster_urls (comma list for REDIS_URL), $cluster_ports and $cluster_pids (comma lists).
start_redis_cluster() {
  local port urls=() ports=() cpids=()
  for i in 1 2 3; do
    port=$(free_port)
    mkdir -p "$out/$cur-shard$i"
    rm -f "$out/$cur-shard$i/nodes.conf"
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --protected-mode yes \
      --cluster-enabled yes --cluster-config-file nodes.conf --dir "$out/$cur-shard$i" \
      --cluster-require-full-coverage no >"$out/$cur-shard$i.log" 2>&1 &
    cpids+=("$!"); pids+=("$!"); ports+=("$port"); urls+=("redis://127.0.0.1:$port")
    for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  done
  redis-cli --cluster create $(printf '127.0.0.1:%s ' "${ports[@]}") --cluster-yes >"$out/$cur-create.log" 2>&1 \
    || { echo "redis-cli --cluster create failed:" >&2; tail -5 "$out/$cur-create.log" >&2; return 1; }
  for _ in $(seq 1 100); do
    redis-cli -p "${ports[0]}" cluster info | grep -q 'cluster_state:ok' && break; sleep 0.1
  done
  cluster_urls=$(IFS=,; echo "${urls[*]}")
  cluster_ports=$(IFS=,; echo "${ports[*]}")
  cluster_pids=$(IFS=,; echo "${cpids[*]}")
}

# shard_sampler PORTS FILE: every second, per shard: time, script calls, shard publishes, CPU seconds, memory.
shard_sampler() {
  local ports=$1 file=$2
  while :; do
    for p in ${ports//,/ }; do
      redis-cli -p "$p" info all 2>/dev/null | tr -d '\r' | awk -v port="$p" -v t="$(date +%s.%N)" -F'[:=,]' '
        /^cmdstat_evalsha:/ { ev = $3 } /^cmdstat_eval:/ { e = $3 } /^cmdstat_spublish:/ { sp = $3 }
        /^used_cpu_sys:/ { cs = $2 } /^used_cpu_user:/ { cu = $2 } /^used_memory:/ { mem = $2 } /^db0:keys/ { keys = $3 }
        END { printf "%s %s %d %d %.3f %d %d\n", port, t, ev + e, sp, cs + cu, mem, keys }'
    done >>"$file"
    sleep 1
  done
}

# shard_table FILE: per shard, the median of its per-second rates over the seconds with script calls.
shard_table() {
  echo "| shard (port) | script calls/s | publishes/s | Redis CPU % | used memory MB | keys |"
  echo "|---|---|---|---|---|---|"
  sort -k1,1 -k2,2n "$1" | awk '
    function flush(   n, i, j, tmp) {
      if (port == "") return
      n = c
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (ev[j] < ev[i]) { tmp = ev[i]; ev[i] = ev[j]; ev[j] = tmp; tmp = sp[i]; sp[i] = sp[j]; sp[j] = tmp; tmp = cpu[i]; cpu[i] = cpu[j]; cpu[j] = tmp }
      m = int((n + 1) / 2)
      if (n > 0) printf "| %s | %.0f | %.0f | %.1f | %.1f | %d |\n", port, ev[m], sp[m], cpu[m], mem / 1048576, keys
      c = 0
    }
    $1 != port { flush(); port = $1; pt = ""; c = 0 }
    { if (pt != "" && $3 > pev) { dt = $2 - pt; c++; ev[c] = ($3 - pev) / dt; sp[c] = ($4 - psp) / dt; cpu[c] = 100 * ($5 - pcpu) / dt }
      pt = $2; pev = $3; psp = $4; pcpu = $5; mem = $6; keys = $7 }
    END { flush() }'
}

# commit_counts PORT → "commits changes" from the SQLite store's metrics
commit_counts() {
  curl -fs "http://127.0.0.1:$1/metrics" | awk '/^roundtable_store_commit_changes_count/ { c = $2 }
    /^roundtable_store_commit_changes_sum/ { n = $2 } /^roundtable_store_commit_seconds_sum/ { t = $2 }
    /^roundtable_store_commit_seconds_max/ { m = $2 } END { printf "%d %d %.6f %.6f", c, n, t, m }'
}

generate() {
  local jfr=()
  [ "$profile" = 1 ] && jfr=(--jfr "$out/$cur-$stamp.jfr")
  # perf's samples split CPU time into user and kernel; /proc's tick-based split is unreliable on VMs.
  if [ "$perf" = 1 ]; then
    command -v perf >/dev/null || { echo "--perf needs perf (Debian: linux-perf)" >&2; return 1; }
    jfr+=(--perf)
  fi
  "${gen_cpu[@]}" java $GEN_JVM_OPTS -cp "$bench_cp" app.roundtable.bench.LoadGenerator --label "$cur$([ "$pin" = 1 ] && echo ", pinned")" \
    --warmup "$warmup" --duration "$duration" "${jfr[@]}" "$@" | tee -a "$out/$cur-$stamp.md"
}

run_one() {
  cur=$1
  echo >&2; echo "=== $cur ($(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)) ===" >&2
  local p1 p2
  case "$cur" in
    memory)
      p1=$(free_port); start_server node1 "$p1" "" STORE=memory || return 1
      generate --targets "127.0.0.1:$p1" --server-pids "$server_pid" --sessions "$sessions" --rate "$rate" $heap --floor ;;
    sqlite)
      local data="$out/sqlite-data-$stamp"; rm -rf "$data"
      p1=$(free_port); start_server node1 "$p1" "" STORE=sqlite DATA_DIR="$data" SQLITE_SYNC="${SQLITE_SYNC:-normal}" || return 1
      local before after t0 t1
      before=$(commit_counts "$p1"); t0=$(date +%s.%N)
      generate --targets "127.0.0.1:$p1" --server-pids "$server_pid" --sessions "$sessions" --rate "$rate" --heap
      after=$(commit_counts "$p1"); t1=$(date +%s.%N)
      # Over the whole run (joins, warm-up and window), from the server's own counters.
      echo "$before $after $t0 $t1" | awk -v sync="${SQLITE_SYNC:-normal}" '{ c = $5 - $1; n = $6 - $2; s = $10 - $9;
        printf "database (SQLITE_SYNC=%s, whole run %.0f s): %d commits = %.0f commits/s, %d changes, %.1f changes per commit, commit mean %.2f ms, max (last minute) %.1f ms\n",
          sync, s, c, c / s, n, (c > 0 ? n / c : 0), (c > 0 ? ($7 - $3) / c * 1000 : 0), $8 * 1000 }' | tee -a "$out/$cur-$stamp.md" ;;
    redis)
      command -v redis-server >/dev/null || { echo "redis-server not installed" >&2; return 1; }
      start_redis; p1=$(free_port)
      start_server node1 "$p1" "redis://127.0.0.1:$redis_port" || { echo "(this build has no Redis store yet?)" >&2; return 1; }
      generate --targets "127.0.0.1:$p1" --server-pids "$server_pid" --redis-pid "$redis_pid" \
        --sessions "$sessions" --rate "$rate" $heap --floor ;;
    redis2)
      command -v redis-server >/dev/null || { echo "redis-server not installed" >&2; return 1; }
      start_redis; p1=$(free_port); p2=$(free_port)
      start_server node1 "$p1" "redis://127.0.0.1:$redis_port" || { echo "(this build has no Redis store yet?)" >&2; return 1; }
      local s1=$server_pid
      start_server node2 "$p2" "redis://127.0.0.1:$redis_port" || return 1
      generate --targets "127.0.0.1:$p1,127.0.0.1:$p2" --server-pids "$s1,$server_pid" --redis-pid "$redis_pid" \
        --sessions "$sessions" --rate "$rate" --floor ;;
    cluster)
      command -v redis-cli >/dev/null || { echo "redis-cli not installed (redis-tools)" >&2; return 1; }
      start_redis_cluster || return 1
      p1=$(free_port); p2=$(free_port)
      start_server node1 "$p1" "$cluster_urls" REDIS_MODE=cluster || return 1
      local targets="127.0.0.1:$p1" spids=$server_pid
      if [ "$nodes" = 2 ]; then
        start_server node2 "$p2" "$cluster_urls" REDIS_MODE=cluster || return 1
        targets+=",127.0.0.1:$p2" spids+=",$server_pid"
      fi
      shard_sampler "$cluster_ports" "$out/$cur-$stamp-shards.txt" &
      local sampler=$!
      pids+=("$sampler")
      generate --targets "$targets" --server-pids "$spids" --redis-pids "$cluster_pids" \
        --sessions "$sessions" --rate "$rate" --floor
      kill "$sampler" 2>/dev/null || true
      shard_table "$out/$cur-$stamp-shards.txt" | tee -a "$out/$cur-$stamp.md" ;;
    contention)
      local redis_url=""
      if [ "$store" = redis ]; then start_redis; redis_url="redis://127.0.0.1:$redis_port"; fi
      p1=$(free_port); start_server node1 "$p1" "$redis_url" MAX_MEMBERS=40 $([ -z "$redis_url" ] && echo STORE=memory) || return 1
      generate --targets "127.0.0.1:$p1" --server-pids "$server_pid" --contention 30 --rounds 10 \
        ${redis_url:+--redis-pid $redis_pid} ;;
    capacity)
      local total=${connections:-$((fdlimit - 1000))}
      local active=$sessions
      local idle_s=$(( total / 7 - active )); [ "$idle_s" -lt 0 ] && idle_s=0
      p1=$(free_port); start_server node1 "$p1" "" STORE=memory || return 1
      generate --targets "127.0.0.1:$p1" --server-pids "$server_pid" --sessions "$active" --idle-sessions "$idle_s" \
        --rate "$rate" $heap ;;
    flood)
      local stores=$store redis_url= fstore
      [ "$store" = all ] && stores="memory sqlite redis"
      for fstore in $stores; do
        local extra=()
        redis_url=
        case "$fstore" in
          memory) extra=(STORE=memory) ;;
          sqlite) rm -rf "$out/flood-data-$stamp"; extra=(STORE=sqlite DATA_DIR="$out/flood-data-$stamp") ;;
          redis) command -v redis-server >/dev/null || { echo "redis-server not installed" >&2; return 1; }
                 start_redis; redis_url="redis://127.0.0.1:$redis_port" ;;
          *) echo "flood: --store memory|sqlite|redis|all" >&2; return 2 ;;
        esac
        echo "--- flood, $fstore store ($(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)) ---" >&2
        # 16 members: the facilitator, 4 members, the slow one and the 10 names (the default is 12).
        # The per-address socket bounds as shipped: the attacker is one address.
        p1=$(free_port); start_server node1 "$p1" "$redis_url" MAX_MEMBERS=16 MAX_JOINED_SOCKETS_PER_ADDRESS=100 \
          MAX_UNJOINED_SOCKETS=50 "${extra[@]}" || return 1
        "${gen_cpu[@]}" java $GEN_JVM_OPTS -cp "$bench_cp" app.roundtable.bench.Flood --label "flood, $fstore, facilitator every $command_ms ms" \
          --target "127.0.0.1:$p1" --server-pids "$server_pid" --duration "$duration" --command-ms "$command_ms" | tee -a "$out/$cur-$stamp.md"
        cleanup
      done ;;
    sweep)
      p1=$(free_port); start_server node1 "$p1" "" STORE=memory || return 1
      generate --targets "127.0.0.1:$p1" --server-pids "$server_pid" --sessions "$sessions" --sweep "$sweep" \
        --warmup 2 --duration "$(( duration < 6 ? duration : 6 ))" ;;
  esac
  local status=$?
  cleanup
  if [ "$profile" = 1 ] && [ -f "$out/$cur-$stamp.jfr" ]; then
    echo "--- JFR hot methods of node1 ($out/$cur-$stamp.jfr) ---"
    java -cp "$bench_cp" app.roundtable.bench.JfrSummary "$out/$cur-$stamp.jfr" 30 | tee "$out/$cur-$stamp-jfr.txt"
  fi
  return $status
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), kernel $(uname -r)," \
  "$(java -version 2>&1 | head -1), open files $fdlimit, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/machine-$stamp.txt" >&2

if [ "$scenario" = all ]; then
  failed=0
  for s in memory sqlite redis redis2 cluster contention capacity sweep flood; do run_one "$s" || { echo "$s: not run / failed" >&2; failed=1; }; done
  exit $failed
else
  run_one "$scenario"
fi
