#!/usr/bin/env bash
# call-load.sh: authenticated sipp calls through Kamailio 5.6 (stateful proxy) and through the switch (B2BUA
# driven by an event-socket controller that bridges every parked call), at the same rates.
#
# Usage: bench/load/call-load.sh [--rates "25 50 100 200"] [--seconds S] [--duration MS] [--only switch|kamailio] [--help]
#   --rates     calls per second to run, default "25 50 100 200"
#   --seconds   length of each step, default 8 (count = rate * seconds)
#   --duration  call length in ms before the caller's BYE (sipp -d), default 500
#   --only      run one server only
# Phones (identical for both servers): the callee 1001 registers once (tests/EndToEnd/Scenarios/register-auth.xml)
# from the port of one sipp UAS (scenarios/uas-answer-fast.xml: 100, 180, 200 at once), so it has exactly
# one binding; the caller is sipp with tests/EndToEnd/Scenarios/uac-auth-call.xml as 1000/1234: INVITE, 407,
# ACK, INVITE + Proxy-Authorization, 180, 200, ACK, pause, BYE, 200.
# Kamailio: kamailio/kamailio-bench.cfg (pv_proxy_authenticate, record_route, lookup, t_relay).
# Switch: the INVITE is challenged, then parked; esl_bridge_controller.py (raw ESL socket, python3) sends
# `sendmsg <uuid>` execute bridge user/1001 on every CHANNEL_PARK with Call-Direction inbound.
# Per step: calls ok/failed, retransmissions, CPS achieved (ok / wall time of the sipp run, which includes
# the call length and the last calls' tail), setup latency p50/p99 (ms from the first INVITE to the 200,
# including the 407 round trip; sipp -trace_rtt), CPU-seconds per 1,000 calls of the server process tree
# and, for the switch, of the controller, load average. After the switch run it prints the switch's RSS,
# socket count and `show channels count` (leftover channels = a leak). A warm-up step (not reported; WARMUP calls
# at 100 CPS, default 1,500, so that the .NET tiered JIT has finished) runs first, after 3 s of idle CPU
# are measured. Each figure includes the background work left by earlier steps (e.g. transaction timers).
set -euo pipefail
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && { awk 'NR>1 && !/^#/{exit} NR>1' "$0" | sed 's/^# \{0,1\}//'; exit 0; }
RATES="25 50 100 200"; STEP_S=8; DURATION=500; ONLY=""
while (( $# )); do
  case "$1" in
    --rates) RATES="$2"; shift 2 ;;
    --seconds) STEP_S="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
SCEN="$REPO_DIR/tests/EndToEnd/Scenarios"
new_workdir
MAX_RATE=0; for r in $RATES; do (( r > MAX_RATE )) && MAX_RATE=$r; done
export RTP_PORTS=$(( MAX_RATE * 4 * (DURATION / 1000 + 3) + 400 ))   # 2 legs x (RTP+RTCP) x live calls, spare

# phones SERVER_PORT: register 1001 from a free port, then start the UAS there; sets UAS_PID.
phones() {
  local target="$1"
  UAS_PORT="$(free_port)"
  (cd "$WORK" && timeout 20 sipp "127.0.0.1:$target" -sf "$SCEN/register-auth.xml" -i 127.0.0.1 -p "$UAS_PORT" \
    -s 1001 -au 1001 -ap 1234 -m 1 -nostdin -timeout 15 -timeout_error -trace_err -error_file reg-err.log \
    > reg.out 2>&1) || { echo "callee registration failed:" >&2; cat "$WORK/reg-err.log" >&2; exit 1; }
  sipp -sf "$LOAD_DIR/scenarios/uas-answer-fast.xml" -i 127.0.0.1 -p "$UAS_PORT" -nostdin -timeout 170 \
    -recv_timeout 10000 -default_behaviors none -buff_size 4194304 -trace_err -error_file "$WORK/uas-$target-err.log" \
    > "$WORK/uas-$target.out" 2>&1 &
  UAS_PID=$!; track "$UAS_PID"
  sleep 0.3
}

run_step() { # server target_port server_pid ctl_pid rate count tag
  local server="$1" target="$2" pid="$3" ctl="$4" rate="$5" count="$6" tag="$7" port b a cb ca t0 t1
  port="$(free_port)"; mkdir -p "$WORK/$tag"
  b="$(cpu_ticks "$pid")"; cb=0; [[ "$ctl" != 0 ]] && cb="$(cpu_ticks "$ctl")"; t0="$(now_s)"
  (cd "$WORK/$tag" && timeout $((STEP_S * 3 + 40)) sipp "127.0.0.1:$target" -sf "$SCEN/uac-auth-call.xml" \
    -i 127.0.0.1 -p "$port" -s 1001 -key caller 1000 -au 1000 -ap 1234 -auth_uri "1001@127.0.0.1:$target" \
    -d "$DURATION" -m "$count" -r "$rate" -l $((rate * 5 + 10)) -buff_size 4194304 \
    -nostdin -timeout $((STEP_S * 3 + 30)) -timeout_error -recv_timeout 10000 -default_behaviors none \
    -trace_stat -stf stats.csv -fd 60 -trace_rtt -rtt_freq 1 -trace_err -error_file err.log > sipp.out 2>&1) || true
  t1="$(now_s)"; a="$(cpu_ticks "$pid")"; ca=0; [[ "$ctl" != 0 ]] && ca="$(cpu_ticks "$ctl")"
  check_alive "$server" "$pid" "$WORK/$server.log"
  [[ "$tag" == warmup* ]] && return 0
  local csv="$WORK/$tag/stats.csv" ok failed retrans p50 p99
  ok="$(stat_field "$csv" "SuccessfulCall(C)")"; failed="$(stat_field "$csv" "FailedCall(C)")"
  retrans="$(stat_field "$csv" "Retransmissions(C)")"
  read -r p50 p99 _ _ <<< "$(python3 "$LOAD_DIR/rtt_pct.py" "$WORK/$tag"/*_rtt.csv)"
  per1k() { awk -v t="$1" -v h="$CLK_TCK" -v o="$ok" 'BEGIN{printf "%.3f", (o>0)?t/h/o*1000:0}'; }
  local ctlcol="-"; [[ "$ctl" != 0 ]] && ctlcol="$(per1k $((ca - cb)))"
  printf '%-9s %-5s %-6s %-6s %-7s %-6s %-6s %-6s %-6s %-9s %-9s %s\n' "$server" "$rate" "$ok" "$failed" "$retrans" \
    "$(awk -v o="$ok" -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", o/(b-a)}')" "$p50" "$p99" \
    "$(ticks_to_s $((a - b)))" "$(per1k $((a - b)))" "$ctlcol" "$(loadavg)"
  if [[ "$failed" != 0 && -s "$WORK/$tag/err.log" ]]; then
    echo "# $server $rate/s: first unexpected messages (sipp err.log):"; grep -m 3 -iE "Aborting|unexpected|SIP/2.0 [3-6]" "$WORK/$tag/err.log" | sed 's/^/#   /' || true
  fi
}

bench_server() { # name port pid ctl_pid
  echo "# $1 idle CPU before any load: $(idle_cpu "$3" 3) CPU-s/s"
  run_step "$1" "$2" "$3" "$4" 100 "${WARMUP:-1500}" "warmup-$1"
  local rate
  for rate in $RATES; do run_step "$1" "$2" "$3" "$4" "$rate" $((rate * STEP_S)) "$1-$rate"; done
}

printf '%-9s %-5s %-6s %-6s %-7s %-6s %-6s %-6s %-6s %-9s %-9s %s\n' server rate ok failed retrans cps p50ms p99ms \
  cpu_s "cpu_s/1k" "ctl_s/1k" "load avg (1/5/15 min)"
if [[ "$ONLY" != switch ]]; then
  start_kamailio "$LOAD_DIR/kamailio/kamailio-bench.cfg"
  phones "$KAM_PORT"
  bench_server kamailio "$KAM_PORT" "$KAM_PID" 0
  kill -TERM "$UAS_PID" "$KAM_PID" 2>/dev/null || true
  echo "# kamailio log error lines: $(count_lines "ERROR|CRITICAL" "$WORK/kamailio.log")"
fi
if [[ "$ONLY" != kamailio ]]; then
  start_switch
  python3 "$LOAD_DIR/esl_bridge_controller.py" --port "$ESL_PORT" --target user/1001 --seconds 170 \
    --stats "$WORK/controller.stats" 2> "$WORK/controller.log" &
  CTL_PID=$!; track "$CTL_PID"
  phones "$SIP_PORT"
  echo "# switch at start: RSS $(awk '/VmRSS/{print $2, $3}' "/proc/$SW_PID/status"), $(ls -l "/proc/$SW_PID/fd" | grep -c socket || true) socket fds"
  bench_server switch "$SIP_PORT" "$SW_PID" "$CTL_PID"
  kill -TERM "$CTL_PID"; wait "$CTL_PID" 2>/dev/null || true
  sleep 3   # let the last calls' transactions and the UAS's BYE answers settle
  echo "# switch after the run: RSS $(awk '/VmRSS/{print $2, $3}' "/proc/$SW_PID/status"), $(ls -l "/proc/$SW_PID/fd" 2>/dev/null | grep -c socket || true) socket fds,\
 'show channels count': $(python3 "$LOAD_DIR/esl_api.py" "$ESL_PORT" show channels count | tr '\n' ' ')"
  echo "# controller: $(cat "$WORK/controller.stats" 2>/dev/null) (sendmsg errors in its log: $(count_lines "reply" "$WORK/controller.log"))"
  echo "# switch log warning/error lines: $(count_lines "fail|error|exception|warn" "$WORK/switch.log")"
  [[ -s "$WORK/switch.log" ]] && { echo "# switch log, first lines:"; head -5 "$WORK/switch.log" | cut -c1-300 | sed 's/^/#   /'; }
fi
true
