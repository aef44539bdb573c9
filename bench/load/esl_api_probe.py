#!/usr/bin/env python3
"""esl_api_probe.py: `api` round-trip times on the event socket, one command at a time.

Usage: esl_api_probe.py --port P [--password ClueCon] [--seconds S] [--events SPEC] [--out FILE]
                        [--commands "status|show channels count|uuid_exists UUID"]

Connects to 127.0.0.1:P with a raw TCP socket, authenticates, optionally subscribes this same connection to
events (--events, e.g. "plain ALL": then every reply has to queue behind the events written before it), and
then, until --seconds have passed, sends `api <command>` for each command in turn and waits for its
api/response before sending the next. UUID in a command is replaced by the Unique-ID of the newest
CHANNEL_PARK this connection has seen (needs --events), else by a random uuid (the command then answers false).
Each round trip is the time from just before the send to the moment the complete api/response frame has been
read (time.perf_counter_ns); event frames read on the way are skipped, not timed.

Prints one summary line per command and one for all: count, p50, p90, p99, p99.9 and max in microseconds;
--out writes every sample as "command_index start_ms microseconds" lines (start_ms from the first send).
"""
import argparse
import math
import socket
import sys
import time
import uuid


class Frames:
    def __init__(self, sock):
        self.sock = sock
        self.buf = bytearray()

    def next(self):
        """Returns (headers: dict, body: bytes) of the next complete frame."""
        while True:
            end = self.buf.find(b"\n\n")
            if end >= 0:
                head = self.buf[:end].decode("utf-8", "replace")
                headers = {}
                for line in head.split("\n"):
                    name, _, value = line.partition(": ")
                    headers[name] = value
                length = int(headers.get("Content-Length", "0"))
                if len(self.buf) >= end + 2 + length:
                    body = bytes(self.buf[end + 2:end + 2 + length])
                    del self.buf[:end + 2 + length]
                    return headers, body
            chunk = self.sock.recv(262144)
            if not chunk:
                raise EOFError("connection closed")
            self.buf.extend(chunk)


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    k = min(len(sorted_values) - 1, max(0, math.ceil(p / 100.0 * len(sorted_values)) - 1))
    return sorted_values[k]


def summary(name, samples):
    s = sorted(samples)
    return (f"{name:<24} n={len(s):<7} p50={percentile(s, 50):8.0f} p90={percentile(s, 90):8.0f} "
            f"p99={percentile(s, 99):8.0f} p99.9={percentile(s, 99.9):8.0f} max={(s[-1] if s else 0):8.0f} us")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--password", default="ClueCon")
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--events", default="")
    ap.add_argument("--commands", default="status|show channels count|uuid_exists UUID")
    ap.add_argument("--out")
    args = ap.parse_args()
    commands = [c.strip() for c in args.commands.split("|") if c.strip()]

    sock = socket.create_connection(("127.0.0.1", args.port), timeout=10)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    frames = Frames(sock)
    newest_park = None

    def reply(content_type):
        nonlocal newest_park
        while True:
            headers, body = frames.next()
            ctype = headers.get("Content-Type", "")
            if ctype == content_type:
                return headers, body
            if ctype == "text/event-plain" and b"Event-Name: CHANNEL_PARK\n" in body:
                for line in body.split(b"\n"):
                    if line.startswith(b"Unique-ID: "):
                        newest_park = line[11:].decode()
            elif ctype == "text/disconnect-notice":
                raise EOFError("disconnected by the server")

    frames.next()  # auth/request
    sock.sendall(f"auth {args.password}\n\n".encode())
    headers, _ = reply("command/reply")
    if not headers.get("Reply-Text", "").startswith("+OK"):
        print("auth failed", file=sys.stderr)
        return 1
    if args.events:
        sock.sendall(f"event {args.events}\n\n".encode())
        reply("command/reply")

    samples = [[] for _ in commands]
    timeline = []
    fallback = str(uuid.uuid4())
    deadline = time.monotonic() + args.seconds
    origin = time.perf_counter_ns()
    i = 0
    while time.monotonic() < deadline:
        index = i % len(commands)
        command = commands[index].replace("UUID", newest_park or fallback)
        data = f"api {command}\n\n".encode()
        t0 = time.perf_counter_ns()
        sock.sendall(data)
        reply("api/response")
        micros = (time.perf_counter_ns() - t0) / 1000.0
        samples[index].append(micros)
        timeline.append((index, (t0 - origin) / 1e6, micros))
        i += 1

    sock.sendall(b"exit\n\n")
    sock.close()
    for index, command in enumerate(commands):
        print(summary(command, samples[index]))
    print(summary("all", [x for s in samples for x in s]))
    if args.out:
        with open(args.out, "w") as f:
            for index, start_ms, micros in timeline:
                f.write(f"{index} {start_ms:.3f} {micros:.1f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
