#!/usr/bin/env bash
# register-load.sh: REGISTER/401/REGISTER/200 cycles per second, the switch side by side with Kamailio 5.6.
#
# Usage: bench/load/register-load.sh [--rates "250 500 1000 2000"] [--seconds S] [--only switch|kamailio] [--help]
#   --rates    registrations per second to run, default "250 500 1000 2000"
#   --seconds  length of each step, default 5 (count = rate * seconds)
#   --only     run one server only
# Each registration is one sipp "call" of scenarios/register-auth-inf.xml: REGISTER, 401 with a
# digest challenge, REGISTER + Authorization (MD5, qop=auth), 200. The user comes from
# scenarios/users.csv (-inf, SEQUENTIAL), so consecutive registrations cycle through 1000-1019.
# Servers: the switch (Release build) and Kamailio with kamailio/kamailio-bench.cfg (pv_www_authenticate,
# usrloc in memory, 2 UDP workers), each on a free loopback port, Kamailio in the foreground with its pid
# file and runtime dir in a temp folder. Per step: registrations ok/failed, retransmissions, achieved
# rate (ok / wall time of the sipp run), REGISTER->200 time p50/p99 (ms, sipp -trace_rtt, measured from the
# first REGISTER), CPU-seconds of the server process tree (utime+stime from /proc) per 1,000
# registrations, load average. A warm-up step (not reported; WARMUP registrations at 1,000/s, default 15,000, so
# that the .NET tiered JIT has finished) runs first, after 3 s of idle CPU
# are measured. Each figure includes the background work left by earlier steps (e.g. transaction timers) on each server.
set -euo pipefail
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && { awk 'NR>1 && !/^#/{exit} NR>1' "$0" | sed 's/^# \{0,1\}//'; exit 0; }
RATES="250 500 1000 2000"; STEP_S=5; ONLY=""
while (( $# )); do
  case "$1" in
    --rates) RATES="$2"; shift 2 ;;
    --seconds) STEP_S="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
new_workdir

run_step() { # server port pid rate count tag -> prints a row
  local server="$1" target="$2" pid="$3" rate="$4" count="$5" tag="$6" port before after t0 t1
  port="$(free_port)"; mkdir -p "$WORK/$tag"
  before="$(cpu_ticks "$pid")"; t0="$(now_s)"
  (cd "$WORK/$tag" && timeout $((STEP_S * 3 + 30)) sipp "127.0.0.1:$target" -sf "$LOAD_DIR/scenarios/register-auth-inf.xml" \
    -inf "$LOAD_DIR/scenarios/users.csv" -i 127.0.0.1 -p "$port" -m "$count" -r "$rate" -l $((rate * 2 + 10)) \
    -nostdin -timeout $((STEP_S * 3 + 20)) -timeout_error -recv_timeout 5000 -default_behaviors none \
    -trace_stat -stf stats.csv -fd 60 -trace_rtt -rtt_freq 1 -trace_err -error_file err.log > sipp.out 2>&1) || true
  t1="$(now_s)"; after="$(cpu_ticks "$pid")"
  check_alive "$server" "$pid" "$WORK/$server.log"
  [[ "$tag" == warmup* ]] && return 0
  local csv="$WORK/$tag/stats.csv" ok failed retrans
  ok="$(stat_field "$csv" "SuccessfulCall(C)")"; failed="$(stat_field "$csv" "FailedCall(C)")"
  retrans="$(stat_field "$csv" "Retransmissions(C)")"
  read -r p50 p99 _ _ <<< "$(python3 "$LOAD_DIR/rtt_pct.py" "$WORK/$tag"/*_rtt.csv)"
  printf '%-9s %-6s %-7s %-6s %-7s %-8s %-6s %-6s %-7s %-9s %s\n' "$server" "$rate" "$ok" "$failed" "$retrans" \
    "$(awk -v o="$ok" -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", o/(b-a)}')" "$p50" "$p99" \
    "$(ticks_to_s $((after - before)))" \
    "$(awk -v t=$((after - before)) -v h="$CLK_TCK" -v o="$ok" 'BEGIN{printf "%.3f", (o>0)?t/h/o*1000:0}')" "$(loadavg)"
}

header() {
  printf '%-9s %-6s %-7s %-6s %-7s %-8s %-6s %-6s %-7s %-9s %s\n' server rate ok failed retrans "ok/s" p50ms p99ms cpu_s \
    "cpu_s/1k" "load avg (1/5/15 min)"
}

bench_server() { # name port pid
  echo "# $1 idle CPU before any load: $(idle_cpu "$3" 3) CPU-s/s"
  run_step "$1" "$2" "$3" 1000 "${WARMUP:-15000}" "warmup-$1"
  local rate
  for rate in $RATES; do run_step "$1" "$2" "$3" "$rate" $((rate * STEP_S)) "$1-$rate"; done
}

header
if [[ "$ONLY" != kamailio ]]; then
  start_switch
  bench_server switch "$SIP_PORT" "$SW_PID"
  kill -TERM "$SW_PID"; wait "$SW_PID" 2>/dev/null || true
  echo "# switch log error/failure lines: $(count_lines "fail|error|exception" "$WORK/switch.log")"
fi
if [[ "$ONLY" != switch ]]; then
  start_kamailio "$LOAD_DIR/kamailio/kamailio-bench.cfg"
  bench_server kamailio "$KAM_PORT" "$KAM_PID"
  echo "# kamailio log error lines: $(count_lines "ERROR|CRITICAL" "$WORK/kamailio.log")"
fi
