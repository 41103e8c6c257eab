"""The demo's meetings: one example meeting per group, dated from the day the demo is
loaded, so the site always has upcoming meetings to show.

The seed says only that the groups meet "genom fysiska och digitala möten". Everything
else about these meetings (day, time, place, link) is made up to show how meetings look,
so each one says so in its title and introduction, and the place and the link are
placeholders (``example.org`` is reserved for examples, RFC 2606).
"""

import datetime
from dataclasses import dataclass

from kommunnatverk.recurrence import TIME_ZONE

from . import demo_content as content

INDEX_SLUG = "moten"
INDEX_TITLE = "Möten"
INDEX_INTRO = "Nätverkets grupper träffas genom fysiska och digitala möten."
EXAMPLE_NOTE = (
    "Det här är ett exempelmöte i demon: datum, tid, plats och länk är påhittade för att "
    "visa hur ett möte visas."
)
PLACE = "Exempellokal (påhittad)"
ONLINE_URL = "https://example.org/exempelmote"


@dataclass(frozen=True)
class DemoMeeting:
    group: str  # the group's slug
    slug: str
    title: str
    format: str
    days_ahead: int
    recurrence: str = ""


MEETINGS = [
    DemoMeeting(
        "miljostrategigruppen",
        "exempelmote-miljostrategigruppen",
        "Exempelmöte: Miljöstrategigruppen",
        "hybrid",
        14,
        # A series, to show one: the same weekday every fourth week, three times.
        "FREQ=WEEKLY;INTERVAL=4;COUNT=3",
    ),
    DemoMeeting(
        "naturvardsgruppen",
        "exempelmote-naturvardsgruppen",
        "Exempelmöte: Naturvårdsgruppen",
        "digital",
        21,
    ),
    DemoMeeting(
        "rattvis-och-etisk-handel-gruppen",
        "exempelmote-rattvis-och-etisk-handel-gruppen",
        "Exempelmöte: Rättvis och etisk handel-gruppen",
        "physical",
        28,
    ),
]
assert {m.group for m in MEETINGS} == {g.slug for g in content.GROUPS}  # noqa: S101


def start_of(meeting: DemoMeeting, today: datetime.date) -> datetime.datetime:
    """09:00 Swedish time, ``days_ahead`` days after the day the demo is loaded."""
    day = today + datetime.timedelta(days=meeting.days_ahead)
    return datetime.datetime.combine(day, datetime.time(9), tzinfo=TIME_ZONE)


def fields(meeting: DemoMeeting, today: datetime.date) -> dict:
    start = start_of(meeting, today)
    in_person = meeting.format in ("physical", "hybrid")
    online = meeting.format in ("digital", "hybrid")
    return {
        "title": meeting.title,
        "slug": meeting.slug,
        "intro": EXAMPLE_NOTE,
        "start": start,
        "end": start + datetime.timedelta(hours=2),
        "format": meeting.format,
        "place_name": PLACE if in_person else "",
        "online_url": ONLINE_URL if online else "",
        "recurrence": meeting.recurrence,
    }


ENGLISH: dict[str, str] = {
    INDEX_SLUG: "meetings",
    INDEX_TITLE: "Meetings",
    INDEX_INTRO: "The network's groups meet in physical and digital meetings.",
    EXAMPLE_NOTE: (
        "This is an example meeting in the demo: its date, time, place and link are made up "
        "to show how a meeting is shown."
    ),
    PLACE: "Example venue (made up)",
    "exempelmote-miljostrategigruppen": "example-meeting-environmental-strategy-group",
    "Exempelmöte: Miljöstrategigruppen": "Example meeting: the Environmental Strategy Group",
    "exempelmote-naturvardsgruppen": "example-meeting-nature-conservation-group",
    "Exempelmöte: Naturvårdsgruppen": "Example meeting: the Nature Conservation Group",
    "exempelmote-rattvis-och-etisk-handel-gruppen": "example-meeting-fair-and-ethical-trade-group",
    "Exempelmöte: Rättvis och etisk handel-gruppen": (
        "Example meeting: the Fair and Ethical Trade Group"
    ),
}
