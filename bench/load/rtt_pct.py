#!/usr/bin/env python3
"""rtt_pct.py FILE...: p50/p99/max (ms) of the response_time_ms column of sipp -trace_rtt files.
Prints "p50 p99 max n" (or "- - - 0" when there is no sample)."""
import sys

values = []
for path in sys.argv[1:]:
    with open(path) as f:
        for line in f:
            parts = line.strip().split(";")
            if len(parts) >= 2:
                try:
                    values.append(float(parts[1]))
                except ValueError:
                    pass  # header
values.sort()
if not values:
    print("- - - 0")
else:
    def pct(p):
        return values[min(len(values) - 1, int(p / 100.0 * len(values)))]
    print(f"{pct(50):.1f} {pct(99):.1f} {values[-1]:.1f} {len(values)}")
