"""Loopback ports for the servers some tests start (redis-server, gunicorn)."""

import socket


def free_port() -> int:
    """A port nothing listens on once the probe closes."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
