#!/usr/bin/env bash
# options-load.sh: stateless OPTIONS load against the switch with sipp, stepping the rate up.
#
# Usage: bench/load/options-load.sh [--rates "5000 10000 ..."] [--seconds S] [--help]
#   --rates    rates (requests/s) to try in order, default "2000 5000 10000 15000 20000 25000 30000 40000"
#   --seconds  length of each step in seconds (count = rate * seconds), default 3
#   --no-stop  keep stepping after the first step with failed requests
# Starts the switch (Release build, src/Switch/bin/Release/net10.0/Switch.dll) on free loopback
# ports, sends OPTIONS sip:127.0.0.1:PORT (scenarios/options-stateless.xml, 500 ms retransmit) and
# expects 200. Each step prints: target rate, achieved answered/s (successes / sipp elapsed time),
# failures, retransmissions (each one is a lost request or answer), kernel UDP receive-buffer drops
# during the step (udpdrop: namespace-wide counter; swdrop: the switch's own socket), switch CPU-seconds, load average. ok/s = answered requests
# divided by the wall time of the sipp run (so lost-and-retransmitted requests stretch it).
# Stops after the first step with failed requests (unless --no-stop) and reports the highest rate with
# zero failed requests, and the highest with zero failures and zero retransmissions (no loss). Bounded: every sipp gets
# -timeout and an outer `timeout`; all processes are stopped by PID on exit. Loopback only.
set -euo pipefail
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && { awk 'NR>1 && !/^#/{exit} NR>1' "$0" | sed 's/^# \{0,1\}//'; exit 0; }
RATES="2000 5000 10000 15000 20000 25000 30000 40000"; SECONDS_PER_STEP=3; STOP_ON_FAIL=1
while (( $# )); do
  case "$1" in
    --rates) RATES="$2"; shift 2 ;;
    --seconds) SECONDS_PER_STEP="$2"; shift 2 ;;
    --no-stop) STOP_ON_FAIL=0; shift ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
new_workdir
start_switch
echo "switch pid $SW_PID on udp 127.0.0.1:$SIP_PORT"

run_step() { # rate count tag
  local rate="$1" count="$2" tag="$3" port; port="$(free_port)"
  timeout $((SECONDS_PER_STEP * 4 + 20)) sipp "127.0.0.1:$SIP_PORT" -sf "$LOAD_DIR/scenarios/options-stateless.xml" \
    -i 127.0.0.1 -p "$port" -m "$count" -r "$rate" -rp 1000 -l $((rate * 2)) -buff_size 8388608 \
    -nostdin -timeout $((SECONDS_PER_STEP * 4 + 10)) -timeout_error -recv_timeout 5000 \
    -trace_stat -stf "$WORK/$tag.csv" -fd 60 -trace_err -error_file "$WORK/$tag.err" \
    > "$WORK/$tag.out" 2>&1 || true
}

run_step 2000 4000 warmup   # JIT warm-up, not reported
echo "warm-up: $(stat_field "$WORK/warmup.csv" "SuccessfulCall(C)") ok / $(stat_field "$WORK/warmup.csv" "FailedCall(C)") failed"
printf '%-8s %-8s %-8s %-8s %-8s %-8s %-8s %-8s %-7s %s\n' target sent ok ok/s failed retrans udpdrop swdrop cpu_s "load avg (1/5/15 min)"
best=0; best_nofail=0
for rate in $RATES; do
  count=$((rate * SECONDS_PER_STEP))
  before="$(cpu_ticks "$SW_PID")"; drops0="$(udp_drops)"; sd0="$(sock_drops "$SIP_PORT")"; t0="$(now_s)"
  run_step "$rate" "$count" "step-$rate"
  t1="$(now_s)"; after="$(cpu_ticks "$SW_PID")"; drops1="$(udp_drops)"; sd1="$(sock_drops "$SIP_PORT")"
  check_alive switch "$SW_PID" "$WORK/switch.log"
  csv="$WORK/step-$rate.csv"
  ok="$(stat_field "$csv" "SuccessfulCall(C)")"; failed="$(stat_field "$csv" "FailedCall(C)")"
  retrans="$(stat_field "$csv" "Retransmissions(C)")"; created="$(stat_field "$csv" "TotalCallCreated")"
  elapsed="$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')"
  okps="$(awk -v o="$ok" -v e="$elapsed" 'BEGIN{printf "%.0f", (e>0)?o/e:0}')"
  printf '%-8s %-8s %-8s %-8s %-8s %-8s %-8s %-8s %-7s %s\n' "$rate" "$created" "$ok" "$okps" "$failed" "$retrans" \
    "$((drops1 - drops0))" "$((sd1 - sd0))" "$(ticks_to_s $((after - before)))" "$(loadavg)"
  if [[ "$failed" == 0 && "$ok" == "$count" ]]; then
    (( rate > best_nofail )) && best_nofail="$rate"
    [[ "$retrans" == 0 ]] && (( rate > best )) && best="$rate"
  elif (( STOP_ON_FAIL )); then break; fi
done
echo "highest rate with zero failed requests: $best_nofail/s"
echo "highest rate with zero failed requests and zero retransmissions (no loss): $best/s"
echo "switch log error/failure lines: $(count_lines "fail|error|exception" "$WORK/switch.log")"
