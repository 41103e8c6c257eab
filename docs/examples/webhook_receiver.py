"""A minimal kommunnatverk webhook receiver, standard library only.

It checks the ``X-Kommunnatverk-Signature`` header, refuses stale timestamps (replays),
and prints each event. A real receiver would revalidate its pages or purge its cache here.

    KOMMUNNATVERK_WEBHOOK_SECRET=<the endpoint's secret> python webhook_receiver.py 8001

Answer 2xx quickly; anything else (or no answer within the timeout) is retried.
"""

import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE_SECONDS = 300


def verify(secret: str, header: str, body: bytes, now: float | None = None) -> bool:
    """``header`` is ``t=<unix time>,v1=<hex HMAC-SHA256 of "<t>." + body>``."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((time.time() if now is None else now) - timestamp) > TOLERANCE_SECONDS:
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return hmac.compare_digest(expected.hexdigest(), parts.get("v1", ""))


class Receiver(BaseHTTPRequestHandler):
    secret = os.environ.get("KOMMUNNATVERK_WEBHOOK_SECRET", "")

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if not verify(self.secret, self.headers.get("X-Kommunnatverk-Signature", ""), body):
            self.send_response(401)
            self.end_headers()
            return
        self.handle_event(json.loads(body), self.headers.get("X-Kommunnatverk-Delivery", ""))
        self.send_response(204)
        self.end_headers()

    def handle_event(self, event: dict, delivery_id: str) -> None:
        # Deliveries can repeat (a retry after a lost answer): skip ids already handled.
        print(delivery_id, event["event"], event["locale"], event["api_url"], flush=True)


if __name__ == "__main__":
    if not Receiver.secret:
        sys.exit("Set KOMMUNNATVERK_WEBHOOK_SECRET to the endpoint's secret.")
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8001
    print(f"Listening on http://127.0.0.1:{port}/", flush=True)
    ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()
