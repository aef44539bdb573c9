# shellcheck shell=bash
# Shared helpers for the bench/load scripts (sourced, not run).
# Every process started through `track` is stopped by PID in `cleanup` (installed as an EXIT trap).

LOAD_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$LOAD_DIR/../.." && pwd)"
SWITCH_DLL="${SWITCH_DLL:-$REPO_DIR/src/Switch/bin/Release/net10.0/Switch.dll}"
CLK_TCK="$(getconf CLK_TCK)"
PIDS=()

track() { PIDS+=("$1"); }

cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
  done
  PIDS=()
  if [[ -n "${KEEP_TMP:-}" ]]; then echo "kept $WORK" >&2; else rm -rf "${WORK:?}"; fi
}

new_workdir() {
  WORK="$(mktemp -d /tmp/switch-load.XXXXXX)"
  trap cleanup EXIT
  trap 'exit 130' INT TERM
}

# free_port: a port free for both UDP and TCP on 127.0.0.1 (asked of the kernel, bind port 0).
free_port() {
  python3 - <<'PY'
import socket
for _ in range(50):
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0)); p = u.getsockname()[1]
    t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        t.bind(("127.0.0.1", p)); print(p); break
    except OSError:
        pass
    finally:
        t.close(); u.close()
PY
}

# free_range N: start of N consecutive ports on 127.0.0.1 that are free for UDP right now (each is bound
# and closed in turn, so no file-descriptor limit applies).
free_range() {
  python3 - "$1" <<'PY'
import random, socket, sys
n = int(sys.argv[1])
for _ in range(200):
    start = random.randrange(20000, 60000 - n, 2)
    ok = True
    for p in range(start, start + n):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            s.bind(("127.0.0.1", p))
        except OSError:
            ok = False
            break
        finally:
            s.close()
    if ok:
        print(start)
        break
PY
}

# wait_tcp PORT SECONDS: wait until something accepts TCP on 127.0.0.1:PORT.
wait_tcp() {
  python3 - "$1" "$2" <<'PY'
import socket, sys, time
port, limit = int(sys.argv[1]), float(sys.argv[2])
end = time.time() + limit
while time.time() < end:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close(); sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(1)
PY
}

# cpu_ticks PID: utime+stime (clock ticks) of PID and all its descendants (Kamailio forks workers).
cpu_ticks() {
  python3 - "$1" <<'PY'
import os, sys
root = int(sys.argv[1])
stats = {}
for d in os.listdir("/proc"):
    if not d.isdigit(): continue
    try:
        s = open(f"/proc/{d}/stat").read()
    except OSError:
        continue
    rest = s[s.rindex(")") + 2:].split()
    stats[int(d)] = (int(rest[1]), int(rest[11]) + int(rest[12]))  # ppid, utime+stime
total, todo = 0, [root]
while todo:
    p = todo.pop()
    if p in stats:
        total += stats[p][1]
        todo.extend(c for c, (pp, _) in stats.items() if pp == p)
print(total)
PY
}

# ticks_to_s TICKS: clock ticks to seconds.
ticks_to_s() { awk -v t="$1" -v h="$CLK_TCK" 'BEGIN{printf "%.2f", t/h}'; }

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# start_switch: runs the switch on free ports; sets SW_PID SIP_PORT ESL_PORT.
start_switch() {
  [[ -f "$SWITCH_DLL" ]] || { echo "build first: dotnet build -c Release src/Switch" >&2; exit 2; }
  SIP_PORT="$(free_port)"; ESL_PORT="$(free_port)"
  local n="${RTP_PORTS:-400}" rtp; rtp="$(free_range "$n")"
  mkdir -p "$WORK/switch-data"
  # The young-generation budget the switch's launch profile sets (docs/OPERATIONS.md, "Garbage collection").
  DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x400000}" dotnet "$SWITCH_DLL" --sip-listen "127.0.0.1:$SIP_PORT" --esl-listen "127.0.0.1:$ESL_PORT" \
    --data-dir "$WORK/switch-data" --rtp-ports "$rtp-$((rtp + n - 1))" --log-level "${SWITCH_LOG_LEVEL:-Warning}" ${SWITCH_ARGS:-} \
    > "$WORK/switch.log" 2>&1 &
  SW_PID=$!; track "$SW_PID"
  wait_tcp "$ESL_PORT" 30 || { echo "switch did not start; log:" >&2; cat "$WORK/switch.log" >&2; exit 1; }
}

# start_kamailio CFG: runs Kamailio in the foreground on a free port; sets KAM_PID KAM_PORT.
start_kamailio() {
  KAM_PORT="$(free_port)"
  mkdir -p "$WORK/kam-run"
  sed "s/@PORT@/$KAM_PORT/g" "$1" > "$WORK/kamailio.cfg"
  kamailio -c -f "$WORK/kamailio.cfg" > "$WORK/kamailio-check.log" 2>&1 \
    || { cat "$WORK/kamailio-check.log" >&2; exit 1; }
  kamailio -f "$WORK/kamailio.cfg" -DD -E -P "$WORK/kam-run/kamailio.pid" -Y "$WORK/kam-run" -w "$WORK/kam-run" \
    -m 256 > "$WORK/kamailio.log" 2>&1 &
  KAM_PID=$!; track "$KAM_PID"
  for _ in $(seq 1 50); do
    [[ -s "$WORK/kam-run/kamailio.pid" ]] && ss -uln | grep -q "127.0.0.1:$KAM_PORT " && return 0
    sleep 0.1
  done
  echo "kamailio did not start; log:" >&2; cat "$WORK/kamailio.log" >&2; exit 1
}

# stat_field CSV COLUMN: the value of COLUMN in the last row of a sipp -trace_stat file.
stat_field() {
  awk -F';' -v c="$2" 'NR==1{for(i=1;i<=NF;i++)h[$i]=i} END{print $h[c]}' "$1"
}

# sipp_elapsed CSV: seconds of the run from a -trace_stat file (ElapsedTime(C), hh:mm:ss:ms(us)).
sipp_elapsed() {
  stat_field "$1" "ElapsedTime(C)" | awk -F: '{printf "%.3f", $1*3600+$2*60+$3+$4/1000}'
}

# quietest_moment MAX_WAIT_S: wait (bounded) for the 1-min load to be under 2, report what we got.
quietest_moment() {
  local limit="$1" waited=0
  while (( waited < limit )); do
    awk '{exit !($1 < 2.0)}' /proc/loadavg && break
    sleep 5; waited=$((waited + 5))
  done
  echo "load average before run: $(loadavg) (waited ${waited}s)"
}

# udp_drops: the kernel's UDP RcvbufErrors counter (receive-buffer overflows, whole network namespace).
udp_drops() { awk '/^Udp:/{n++} /^Udp:/&&n==2{print $6}' /proc/net/snmp; }

now_s() { date +%s.%N; }

# sock_drops PORT: the kernel drop counter of the UDP socket bound to 127.0.0.1:PORT (/proc/net/udp).
sock_drops() {
  local hex; hex="$(printf '%04X' "$1")"
  awk -v a="0100007F:$hex" '$2==a{print $NF; f=1} END{if(!f)print 0}' /proc/net/udp
}

# count_lines PATTERN FILE: lines matching (case-insensitive ERE), 0 when none (never fails).
count_lines() { grep -ciE "$1" "$2" 2>/dev/null || true; }

# idle_cpu PID SECONDS: CPU-seconds per second the process tree uses while no load is offered.
idle_cpu() {
  local b a; b="$(cpu_ticks "$1")"; sleep "$2"; a="$(cpu_ticks "$1")"
  awk -v t=$((a - b)) -v h="$CLK_TCK" -v s="$2" 'BEGIN{printf "%.3f", t/h/s}'
}

# check_alive NAME PID LOG: if the server has exited, say so with its exit status and log tail, and stop.
check_alive() {
  kill -0 "$2" 2>/dev/null && return 0
  local rc=0; wait "$2" 2>/dev/null || rc=$?
  echo "!! $1 (pid $2) is gone, exit status $rc (>128 = killed by signal $((rc > 128 ? rc - 128 : 0))); last log lines:"
  tail -20 "$3" | cut -c1-400 | sed 's/^/!!   /'
  exit 1
}
