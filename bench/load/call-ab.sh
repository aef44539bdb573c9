#!/usr/bin/env bash
# call-ab.sh: compares the CPU per call of two switch builds with alternating runs, because on a shared host
# one run of each is not enough to rank them (docs/PERFORMANCE.md, Calls, session 5: the spread between single
# runs was larger than the change measured).
#
# Usage: bench/load/call-ab.sh A/Switch.dll B/Switch.dll [--pairs N] [--together] [--rate CPS] [--seconds S] [--help]
#   --pairs    runs of each build, alternating A, B, A, B, ... (default 4)
#   --together run A and B at the same moment instead of one after the other (each pair starts the other one
#              first): both see the same host, so drift between runs cancels. Running one build against itself
#              this way gave results within 1.5 %, against up to 15 % one after the other. The two loads share
#              the 2 cores, so the figures are higher than a lone run's; compare them with each other only.
#   --rate     calls per second (default 200)
#   --seconds  length of each step (default 8)
# Each run is `call-load.sh --only switch --rates RATE --seconds S` with SWITCH_DLL set to the build (its own
# switch process, phones, controller and warm-up). To compare two commits, build each into its own folder, e.g.
#   git worktree add /tmp/a <commit> && dotnet build -c Release /tmp/a/src/Switch -o /tmp/a-build
# Prints each pair (CPU-s per 1,000 calls, setup p99, load average), the mean of each build, B/A, and in how many
# pairs B used less CPU. Exit code 1 when a run fails calls.
set -euo pipefail
[[ "${1:-}" == "--help" || "${1:-}" == "-h" || $# -lt 2 ]] && { awk 'NR>1 && !/^#/{exit} NR>1' "$0" | sed 's/^# \{0,1\}//'; exit 0; }
A="$1"; B="$2"; shift 2
PAIRS=4; RATE=200; SECONDS_STEP=8; TOGETHER=0
while (( $# )); do
  case "$1" in
    --pairs) PAIRS="$2"; shift 2 ;;
    --together) TOGETHER=1; shift ;;
    --rate) RATE="$2"; shift 2 ;;
    --seconds) SECONDS_STEP="$2"; shift 2 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for dll in "$A" "$B"; do [[ -f "$dll" ]] || { echo "no such build: $dll" >&2; exit 2; }; done
LOAD_DIR="$(cd "$(dirname "$0")" && pwd)"

# run DLL: one switch-only step; prints "cpu_per_1k p99 failed load1"
run() {
  local line
  line="$(SWITCH_DLL="$1" "$LOAD_DIR/call-load.sh" --only switch --rates "$RATE" --seconds "$SECONDS_STEP" 2>&1 \
    | awk '$1=="switch" && $2 ~ /^[0-9]+$/')"
  [[ -n "$line" ]] || { echo "call-load.sh gave no result for $1" >&2; exit 1; }
  awk '{print $10, $8, $4, $12}' <<< "$line"
}

# run_pair I: sets ca pa fa la (A) and cb pb fb lb (B), one after the other or together.
run_pair() {
  if (( TOGETHER == 0 )); then
    read -r ca pa fa la <<< "$(run "$A")"
    read -r cb pb fb lb <<< "$(run "$B")"
    return
  fi
  local out_a out_b first="$A" second="$B" out_first out_second started
  out_a="$(mktemp)"; out_b="$(mktemp)"; out_first="$out_a"; out_second="$out_b"
  (( $1 % 2 )) || { first="$B"; second="$A"; out_first="$out_b"; out_second="$out_a"; }
  run "$first" > "$out_first" &
  started=$!
  sleep 0.2
  run "$second" > "$out_second"
  wait "$started" || true
  [[ -s "$out_a" && -s "$out_b" ]] || { echo "pair $1: a run gave no result" >&2; rm -f "$out_a" "$out_b"; exit 1; }
  read -r ca pa fa la < "$out_a"; read -r cb pb fb lb < "$out_b"
  rm -f "$out_a" "$out_b"
}

printf '%-5s %-10s %-8s %-10s %-8s %s\n' pair "A cpu/1k" "A p99ms" "B cpu/1k" "B p99ms" "load (A, B)"
sum_a=0; sum_b=0; b_less=0; failed=0
for i in $(seq 1 "$PAIRS"); do
  run_pair "$i"
  printf '%-5s %-10s %-8s %-10s %-8s %s, %s\n' "$i" "$ca" "$pa" "$cb" "$pb" "$la" "$lb"
  (( fa + fb > 0 )) && failed=1
  sum_a="$(awk -v s="$sum_a" -v c="$ca" 'BEGIN{print s+c}')"; sum_b="$(awk -v s="$sum_b" -v c="$cb" 'BEGIN{print s+c}')"
  awk -v a="$ca" -v b="$cb" 'BEGIN{exit !(b<a)}' && b_less=$((b_less + 1))
done
awk -v a="$sum_a" -v b="$sum_b" -v n="$PAIRS" -v k="$b_less" 'BEGIN{
  printf "mean A %.3f, B %.3f CPU-s per 1,000 calls; B/A %.3f; B lower in %d of %d pairs\n", a/n, b/n, b/a, k, n }'
(( failed == 0 )) || { echo "some calls failed (see call-load.sh output)" >&2; exit 1; }
