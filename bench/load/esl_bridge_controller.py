#!/usr/bin/env python3
"""esl_bridge_controller.py: a minimal event-socket controller for call-load.sh.

Usage: esl_bridge_controller.py --port P [--password ClueCon] [--target user/1001] [--stats FILE] [--seconds S]

Connects to the switch's event socket on 127.0.0.1:P with a raw TCP socket (no ESL library),
authenticates, subscribes to `event plain CHANNEL_PARK`, and for every parked channel with
Call-Direction: inbound sends

    sendmsg <Unique-ID>
    call-command: execute
    execute-app-name: bridge
    execute-app-arg: <target>

(--target, default user/1001; the literal DEST is replaced by the Caller-Destination-Number).
It exits after --seconds (default 600) or on SIGTERM/SIGINT and then writes one line of counters
(`parks=N bridges_sent=N ok_replies=N err_replies=N`) to --stats (or stderr). One thread, blocking I/O.
"""
import argparse
import signal
import socket
import sys
import time
from urllib.parse import unquote

stop = False


def on_signal(_signum, _frame):
    global stop
    stop = True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--password", default="ClueCon")
    ap.add_argument("--target", default="user/1001")
    ap.add_argument("--stats")
    ap.add_argument("--seconds", type=float, default=600)
    args = ap.parse_args()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    sock = socket.create_connection(("127.0.0.1", args.port), timeout=10)
    sock.settimeout(0.5)
    buf = bytearray()
    counters = {"parks": 0, "bridges_sent": 0, "ok_replies": 0, "err_replies": 0}
    deadline = time.monotonic() + args.seconds

    def frames():
        """Yield (outer_headers: dict, body: bytes) for every complete frame in buf."""
        while True:
            end = buf.find(b"\n\n")
            if end < 0:
                return
            head = bytes(buf[:end]).decode("utf-8", "replace")
            headers = {}
            for line in head.split("\n"):
                name, _, value = line.partition(": ")
                if name:
                    headers[name] = value
            length = int(headers.get("Content-Length", "0"))
            if len(buf) < end + 2 + length:
                return
            body = bytes(buf[end + 2:end + 2 + length])
            del buf[:end + 2 + length]
            yield headers, body

    def send(text):
        sock.sendall(text.encode())

    authed = subscribed = False
    while not stop and time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            continue
        if not chunk:
            break
        buf.extend(chunk)
        out = []
        for headers, body in frames():
            ctype = headers.get("Content-Type", "")
            if ctype == "auth/request":
                out.append(f"auth {args.password}\n\n")
            elif ctype == "command/reply":
                reply = headers.get("Reply-Text", "")
                if not authed:
                    if not reply.startswith("+OK"):
                        print(f"auth failed: {reply}", file=sys.stderr)
                        return 1
                    authed = True
                    out.append("event plain CHANNEL_PARK\n\n")
                elif not subscribed:
                    subscribed = True
                elif reply.startswith("+OK"):
                    counters["ok_replies"] += 1
                else:
                    counters["err_replies"] += 1
                    print(f"sendmsg reply: {reply}", file=sys.stderr)
            elif ctype == "text/event-plain":
                ev = {}
                for line in body.decode("utf-8", "replace").split("\n"):
                    name, _, value = line.partition(": ")
                    if name in ("Event-Name", "Unique-ID", "Call-Direction", "Caller-Destination-Number"):
                        ev[name] = unquote(value)
                if ev.get("Event-Name") != "CHANNEL_PARK" or ev.get("Call-Direction") != "inbound":
                    continue
                counters["parks"] += 1
                target = args.target.replace("DEST", ev.get("Caller-Destination-Number", ""))
                out.append(f"sendmsg {ev['Unique-ID']}\ncall-command: execute\nexecute-app-name: bridge\n"
                           f"execute-app-arg: {target}\n\n")
                counters["bridges_sent"] += 1
            elif ctype == "text/disconnect-notice":
                break
        if out:
            send("".join(out))
    line = " ".join(f"{k}={v}" for k, v in counters.items())
    if args.stats:
        with open(args.stats, "w") as f:
            f.write(line + "\n")
    else:
        print(line, file=sys.stderr)
    sock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
