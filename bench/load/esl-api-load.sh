#!/usr/bin/env bash
# esl-api-load.sh: event-socket `api` round-trip times while the switch carries calls.
#
# Usage: bench/load/esl-api-load.sh [--rate CPS] [--seconds S] [--duration MS] [--commands LIST] [--help]
#   --rate      calls per second during the loaded steps, default 100
#   --seconds   length of each step, default 10
#   --duration  call length in ms before the caller's BYE (sipp -d), default 2000
#   --commands  '|'-separated api commands for the probe, default "status|show channels count|uuid_exists UUID"
#               (UUID = the newest parked channel the probe saw, when it listens to events, else a random uuid)
# Runs the built switch (dotnet build -c Release src/Switch), the controller esl_bridge_controller.py (bridges
# every parked call to user/1001), the callee 1001 (one registered sipp UAS, scenarios/uas-answer-fast.xml) and
# the caller (sipp tests/EndToEnd/Scenarios/uac-auth-call.xml as 1000/1234, 407-challenged) exactly as
# call-load.sh does. The probe, esl_api_probe.py, is a second event-socket client that sends `api <command>`
# back to back, one at a time, and times each round trip (send to complete api/response). Steps:
#   idle          no calls; the probe's connection listens to no events
#   load          calls at --rate; the probe listens to no events
#   load+events   calls at --rate; the probe's own connection also gets `event plain ALL`, so its replies
#                 queue behind the events written before them on the same socket
# A warm-up (5 s of calls and probing, not reported) comes first. Per step: probe count and p50/p90/p99/p99.9/max in µs (per command and all), calls ok/failed, the switch's
# CPU-seconds during the step, load average before and after.
set -euo pipefail
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && { awk 'NR>1 && !/^#/{exit} NR>1' "$0" | sed 's/^# \{0,1\}//'; exit 0; }
RATE=100; STEP_S=10; DURATION=2000; COMMANDS="status|show channels count|uuid_exists UUID"
while (( $# )); do
  case "$1" in
    --rate) RATE="$2"; shift 2 ;;
    --seconds) STEP_S="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --commands) COMMANDS="$2"; shift 2 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
SCEN="$REPO_DIR/tests/EndToEnd/Scenarios"
new_workdir
export RTP_PORTS=$(( RATE * 4 * (DURATION / 1000 + 3) + 400 ))

start_switch
python3 "$LOAD_DIR/esl_bridge_controller.py" --port "$ESL_PORT" --target user/1001 --seconds $((STEP_S * 4 + 120)) \
  --stats "$WORK/controller.stats" 2> "$WORK/controller.log" &
CTL_PID=$!; track "$CTL_PID"

UAS_PORT="$(free_port)"
(cd "$WORK" && timeout 20 sipp "127.0.0.1:$SIP_PORT" -sf "$SCEN/register-auth.xml" -i 127.0.0.1 -p "$UAS_PORT" \
  -s 1001 -au 1001 -ap 1234 -m 1 -nostdin -timeout 15 -timeout_error -trace_err -error_file reg-err.log \
  > reg.out 2>&1) || { echo "callee registration failed:" >&2; cat "$WORK/reg-err.log" >&2; exit 1; }
sipp -sf "$LOAD_DIR/scenarios/uas-answer-fast.xml" -i 127.0.0.1 -p "$UAS_PORT" -nostdin -timeout $((STEP_S * 4 + 110)) \
  -recv_timeout 20000 -default_behaviors none -buff_size 4194304 -trace_err -error_file "$WORK/uas-err.log" \
  > "$WORK/uas.out" 2>&1 &
track "$!"
sleep 0.3

# probe TAG EVENTS: runs the probe for STEP_S seconds in the foreground, prints its summary.
probe() {
  timeout $((STEP_S + 30)) python3 "$LOAD_DIR/esl_api_probe.py" --port "$ESL_PORT" --seconds "$STEP_S" \
    --events "$2" --commands "$COMMANDS" --out "$WORK/$1.samples" > "$WORK/$1.probe" 2> "$WORK/$1.err" \
    || { echo "!! probe failed:"; cat "$WORK/$1.err"; }
}

# calls TAG [SECONDS]: sipp caller at RATE for SECONDS (default STEP_S + 2) in the background; sets CALLER_PID.
calls() {
  local port seconds="${2:-$((STEP_S + 2))}"; port="$(free_port)"; mkdir -p "$WORK/$1"
  (cd "$WORK/$1" && timeout $((STEP_S * 3 + 60)) sipp "127.0.0.1:$SIP_PORT" -sf "$SCEN/uac-auth-call.xml" \
    -i 127.0.0.1 -p "$port" -s 1001 -key caller 1000 -au 1000 -ap 1234 -auth_uri "1001@127.0.0.1:$SIP_PORT" \
    -d "$DURATION" -m $((RATE * seconds)) -r "$RATE" -l $((RATE * (DURATION / 1000 + 5) + 10)) \
    -buff_size 4194304 -nostdin -timeout $((STEP_S * 3 + 50)) -timeout_error -recv_timeout 10000 \
    -default_behaviors none -trace_stat -stf stats.csv -fd 60 -trace_err -error_file err.log > sipp.out 2>&1) &
  CALLER_PID=$!
}

step() { # TAG EVENTS WITH_CALLS
  local tag="$1" before after b a
  before="$(loadavg)"; b="$(cpu_ticks "$SW_PID")"
  if [[ "$3" == yes ]]; then calls "$tag"; sleep 2; fi   # let the call count ramp up first
  probe "$tag" "$2"
  a="$(cpu_ticks "$SW_PID")"; after="$(loadavg)"
  check_alive switch "$SW_PID" "$WORK/switch.log"
  echo "## $tag (probe events: ${2:-none}; load average before: $before, after: $after; switch CPU $(ticks_to_s $((a - b))) s)"
  sed 's/^/   /' "$WORK/$tag.probe"
  if [[ "$3" == yes ]]; then
    wait "$CALLER_PID" 2>/dev/null || true
    local csv="$WORK/$tag/stats.csv"
    echo "   calls: ok $(stat_field "$csv" "SuccessfulCall(C)"), failed $(stat_field "$csv" "FailedCall(C)"), offered $RATE/s, duration ${DURATION} ms"
  fi
}

echo "# switch pid $SW_PID, esl port $ESL_PORT; $RATE CPS, ${STEP_S} s steps, calls of ${DURATION} ms"
# Warm-up (not reported): calls and a probe, so that the call and command paths are compiled before measuring.
calls warmup 5
timeout 60 python3 "$LOAD_DIR/esl_api_probe.py" --port "$ESL_PORT" --seconds 5 --commands "$COMMANDS" > /dev/null 2>&1 || true
wait "$CALLER_PID" 2>/dev/null || true
step idle "" no
step load "" yes
step load+events "plain ALL" yes
echo "# controller: $(cat "$WORK/controller.stats" 2>/dev/null || echo 'still running') (sendmsg errors in its log: $(count_lines "reply" "$WORK/controller.log"))"
echo "# switch log warning/error lines: $(count_lines "fail|error|exception|warn" "$WORK/switch.log")"
