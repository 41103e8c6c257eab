"""Recurring meetings: one RRULE (RFC 5545 §3.3.10) read by python-dateutil, expanded in
the network's wall time.

A group that meets "the second Tuesday of every month at 09:00" enters the rule once.
The rule is expanded on naive Europe/Stockholm wall-clock times and each occurrence is
given the zone afterwards, so a 09:00 meeting stays at 09:00 across the changes to and
from summer time (expanding in UTC would move it to 08:00 or 10:00 in October or March).

Expansion is bounded: never more than :data:`MAX_OCCURRENCES` occurrences and never
past :data:`HORIZON` after the first one, whatever the rule says (``FREQ=DAILY`` with no
``COUNT`` or ``UNTIL`` is an endless rule). Feeds carry the rule itself, so a calendar
client sees the whole series; the API and the pages list the bounded expansion.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

TIME_ZONE_NAME = "Europe/Stockholm"
TIME_ZONE = ZoneInfo(TIME_ZONE_NAME)
# A monthly meeting for eight years, a weekly one for almost two: more than anyone plans.
MAX_OCCURRENCES = 100
HORIZON = timedelta(days=2 * 366)
# Sub-daily rules make no sense for meetings and are the ones that explode.
ALLOWED_FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}


class RecurrenceError(ValueError):
    """The rule cannot be read or is not one the package accepts."""


@dataclass(frozen=True)
class Occurrence:
    """One meeting of a series, in Europe/Stockholm."""

    start: datetime
    end: datetime | None
    cancelled: bool

    @property
    def date(self) -> date:
        return self.start.date()


def local(moment: datetime) -> datetime:
    """``moment`` in Europe/Stockholm (naive values are taken to be wall time there)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=TIME_ZONE)
    return moment.astimezone(TIME_ZONE)


def parse_rule(text: str, start: datetime) -> rrule:
    """The rule ``text`` (``FREQ=…;…``, optionally prefixed ``RRULE:``) anchored at the
    wall time of ``start``. Raises :class:`RecurrenceError` for anything unusable."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    if not body or "\n" in body or "DTSTART" in body.upper():
        raise RecurrenceError("one RRULE without DTSTART is expected")
    parts = dict(
        part.split("=", 1) if "=" in part else (part, "") for part in body.upper().split(";")
    )
    if parts.get("FREQ") not in ALLOWED_FREQUENCIES:
        raise RecurrenceError("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY")
    wall = local(start).replace(tzinfo=None)
    if "UNTIL" in parts:
        # dateutil requires a UTC UNTIL to meet an aware start and a floating one to
        # meet a naive start; the wall-time expansion is naive, so UNTIL is read as
        # wall time and any "Z" dropped.
        until = parts["UNTIL"].rstrip("Z")
        body = ";".join(
            f"UNTIL={until}" if piece.upper().startswith("UNTIL=") else piece
            for piece in body.split(";")
        )
    try:
        rule = rrulestr(body, dtstart=wall, forceset=False)
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise RecurrenceError(str(error)) from error
    if not isinstance(rule, rrule):
        raise RecurrenceError("one RRULE is expected")
    return rule


def parse_dates(text: str) -> list[date]:
    """ISO dates, one a line or separated by commas; raises ValueError naming a bad one."""
    found = []
    for piece in text.replace(",", "\n").splitlines():
        piece = piece.strip()
        if piece:
            try:
                found.append(date.fromisoformat(piece))
            except ValueError as error:
                raise ValueError(piece) from error
    return found


def occurrences(
    start: datetime,
    end: datetime | None,
    rule_text: str = "",
    excluded: Iterable[date] = (),
    cancelled: Iterable[date] = (),
    *,
    limit: int = MAX_OCCURRENCES,
) -> list[Occurrence]:
    """The meetings of a series in order, in Europe/Stockholm: each keeps the first one's
    wall-clock start and duration. Excluded dates are left out; cancelled dates stay,
    marked. A meeting without a rule is its one occurrence. Bounded (module docstring)."""
    first = local(start)
    duration = (local(end) - first) if end is not None else None
    if not rule_text.strip():
        return [Occurrence(first, local(end) if end else None, first.date() in set(cancelled))]
    rule = parse_rule(rule_text, first)
    excluded_dates, cancelled_dates = set(excluded), set(cancelled)
    wall_start = first.replace(tzinfo=None)
    last = wall_start + HORIZON
    found: list[Occurrence] = []
    for wall in rule:
        if wall > last or len(found) >= min(limit, MAX_OCCURRENCES):
            break
        if wall.date() in excluded_dates:
            continue
        begins = wall.replace(tzinfo=TIME_ZONE)
        ends = None
        if duration is not None:
            ends = (wall + duration).replace(tzinfo=TIME_ZONE)
        found.append(Occurrence(begins, ends, wall.date() in cancelled_dates))
    return found
