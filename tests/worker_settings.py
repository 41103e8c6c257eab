"""The example site for a real ``db_worker`` in the webhook crash test: a short timeout,
so a claim runs out in seconds (``sending.claim_period``)."""

from example_site.settings import *  # noqa: F403

KOMMUNNATVERK = {**KOMMUNNATVERK, "WEBHOOK_TIMEOUT": 2, "WEBHOOK_RETRY_DELAY": 1}  # noqa: F405
