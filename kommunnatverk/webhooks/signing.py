"""The ``X-Kommunnatverk-Signature`` header: HMAC-SHA256 over timestamp and body.

Format ``t=<unix seconds>,v1=<hex digest>``, digest of ``f"{t}.".encode() + body``. The
timestamp lets a receiver refuse replays; the recipe is in docs/how-to/webhooks.md.
"""

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Kommunnatverk-Signature"
DEFAULT_TOLERANCE = 300


def signature(secret: str, timestamp: int, body: bytes) -> str:
    message = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(
    secret: str, header: str, body: bytes, tolerance: int = DEFAULT_TOLERANCE, now=None
) -> bool:
    """True when ``header`` signs ``body`` with ``secret`` and is not older than tolerance."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    now = int(time.time()) if now is None else now
    if abs(now - timestamp) > tolerance:
        return False
    expected = signature(secret, timestamp, body).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))
