"""A minimal clamd client (INSTREAM over its socket): returns the signature name, or None if clean."""

import socket
import struct

from django.conf import settings

CHUNK = 64 * 1024


class ScannerUnavailable(RuntimeError):
    pass


def _connect():
    address = settings.CLAMAV_ADDRESS
    try:
        if address.startswith("tcp://"):
            host, port = address.removeprefix("tcp://").rsplit(":", 1)
            return socket.create_connection((host, int(port)), timeout=30)
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(30)
        connection.connect(address)
        return connection
    except OSError as error:
        raise ScannerUnavailable(f"clamd unreachable at {address}: {error}") from error


def scan(stream):
    with _connect() as connection:
        connection.sendall(b"zINSTREAM\0")
        for chunk in iter(lambda: stream.read(CHUNK), b""):
            connection.sendall(struct.pack("!L", len(chunk)) + chunk)
        connection.sendall(struct.pack("!L", 0))
        reply = b""
        while not reply.endswith(b"\0"):
            part = connection.recv(4096)
            if not part:
                break
            reply += part
    answer = reply.rstrip(b"\0").decode(errors="replace")
    if answer.endswith("OK"):
        return None
    if answer.endswith("FOUND"):
        return answer.split(":", 1)[1].strip().removesuffix(" FOUND")
    raise ScannerUnavailable(f"unexpected clamd answer: {answer}")
