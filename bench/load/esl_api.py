#!/usr/bin/env python3
"""esl_api.py PORT [PASSWORD] COMMAND...: run one `api COMMAND` on the event socket at 127.0.0.1:PORT and
print the response body (raw socket, 5 s timeout). Used by call-load.sh to look for leftover channels."""
import socket
import sys


def read_frame(sock, buf):
    while b"\n\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise EOFError("connection closed")
        buf.extend(chunk)
    end = buf.index(b"\n\n")
    headers = dict(line.split(": ", 1) for line in buf[:end].decode().split("\n") if ": " in line)
    length = int(headers.get("Content-Length", "0"))
    while len(buf) < end + 2 + length:
        chunk = sock.recv(65536)
        if not chunk:
            raise EOFError("connection closed")
        buf.extend(chunk)
    body = bytes(buf[end + 2:end + 2 + length])
    del buf[:end + 2 + length]
    return headers, body


def main():
    port = int(sys.argv[1])
    args = sys.argv[2:]
    password = "ClueCon"
    if len(args) > 1 and args[0] == "--password":
        password, args = args[1], args[2:]
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    buf = bytearray()
    read_frame(sock, buf)  # auth/request
    sock.sendall(f"auth {password}\n\n".encode())
    headers, _ = read_frame(sock, buf)
    if not headers.get("Reply-Text", "").startswith("+OK"):
        print("auth failed", file=sys.stderr)
        return 1
    sock.sendall(f"api {' '.join(args)}\n\n".encode())
    while True:
        headers, body = read_frame(sock, buf)
        if headers.get("Content-Type") == "api/response":
            sys.stdout.write(body.decode("utf-8", "replace"))
            if not body.endswith(b"\n"):
                sys.stdout.write("\n")
            return 0


if __name__ == "__main__":
    sys.exit(main())
