"""iCalendar feeds (RFC 5545) of the network's meetings, built with ``icalendar``.

Mounted by ``kommunnatverk.urls`` inside ``i18n_patterns``, so each language has its own:
``/feeds/events.ics`` holds every public meeting of the request's Site in the language of
the URL; ``/feeds/events/<id>.ics`` those of one network or one group, or the one meeting,
when ``id`` is a network, a group or a meeting page (in any language: the URL's language
picks the translation). Only public pages appear (``content.public``); anything else is 404.

Calendar clients keep what they are sent, so each meeting has to be recognisable when it
comes again:

- ``UID`` is the page's ``translation_key`` and the language: stable across edits,
  moves, slug changes and servers, different for the Swedish and the English entry.
- ``SEQUENCE`` rises on every change: it is the id of the page's live revision. Every
  published change (an edit, a cancellation, a translation sync, a revert) is a new
  revision, and revision ids only grow, so it never falls and needs no counter of its
  own (a stored counter would be copied between translations by wagtail-localize, and
  a time in minutes or seconds would repeat for two publishes close together).
- ``DTSTAMP`` and ``LAST-MODIFIED`` are the last publish, as RFC 5545 §3.8.7.2 asks of a
  calendar without ``METHOD``.
- A series is one VEVENT with its ``RRULE`` and ``EXDATE``s (the dates without a
  meeting); a cancelled date of a series is an extra VEVENT for that ``RECURRENCE-ID``
  with ``STATUS:CANCELLED``, and a cancelled meeting is ``STATUS:CANCELLED`` itself.
- Times carry ``TZID=Europe/Stockholm`` with its VTIMEZONE, so a client expands the rule
  in Swedish wall time as the package does (``kommunnatverk.recurrence``).
"""

from datetime import UTC, date, datetime, timedelta

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vRecur
from wagtail.models import Locale, Page, Site

from .. import recurrence
from ..content import listings
from ..content.languages import content_languages
from ..content.public import public_pages
from ..content.site_identity import identity
from ..models import EventPage, GroupPage, NetworkPage

SITE_URL_NAME = "kommunnatverk_events_ics"
PAGE_URL_NAME = "kommunnatverk_page_events_ics"
PRODID = "-//kommunnatverk//Network meetings//EN"
STATUS = {
    EventPage.Status.SCHEDULED: "CONFIRMED",
    EventPage.Status.POSTPONED: "TENTATIVE",
    EventPage.Status.CANCELLED: "CANCELLED",
}
CONTENT_TYPE = "text/calendar; charset=utf-8"


# Addresses ---------------------------------------------------------------------------


def calendar_path(page: Page | None = None, language: str | None = None) -> str | None:
    """The path of the feed of ``page`` (a network, group or meeting) or of the whole site,
    in ``language`` (the active one by default); None where a site has not mounted it."""
    with translation.override(language or translation.get_language()):
        try:
            if page is None:
                return reverse(SITE_URL_NAME)
            return reverse(PAGE_URL_NAME, kwargs={"page_id": page.pk})
        except NoReverseMatch:
            return None


def subscribe_links(request: HttpRequest, page: Page | None = None) -> dict[str, str] | None:
    """``{"https": …, "webcal": …}`` for a feed: the download and the subscribe address
    (``webcal://`` makes a calendar client subscribe rather than import once)."""
    path = calendar_path(page)
    if path is None:
        return None
    site = Site.find_for_request(request)
    absolute = identity(site, translation.get_language(), request).absolute(path)
    return {"https": absolute, "webcal": "webcal://" + absolute.split("://", 1)[-1]}


# Views -------------------------------------------------------------------------------


def site_calendar(request: HttpRequest) -> HttpResponse:
    """Every public meeting of the request's Site, in the URL's language."""
    site, locale = _site_and_locale(request)
    items = listings.events(site=site).filter(locale=locale)
    name = identity(site, locale.language_code, request).name or _("Meetings")
    return _response(request, _meetings_calendar(name, items, request), None)


def page_calendar(request: HttpRequest, page_id: int) -> HttpResponse:
    """The meetings of one network or group, or the one meeting, in the URL's language."""
    site, locale = _site_and_locale(request)
    found = public_pages(site=site).filter(pk=page_id).first()
    if found is None:
        raise Http404
    page = (
        public_pages(site=site)
        .filter(translation_key=found.translation_key, locale=locale)
        .specific()
        .first()
    )
    if page is None:
        raise Http404
    if isinstance(page, EventPage):
        items = public_pages(EventPage, site=site).filter(pk=page.pk)
        filename = f"{page.slug}.ics"
    elif isinstance(page, NetworkPage):
        items = listings.events(page, site=site)
        filename = None
    elif isinstance(page, GroupPage):
        items = listings.group_events(page, listings.events(site=site))
        filename = None
    else:
        raise Http404
    return _response(request, _meetings_calendar(page.title, items, request), filename)


def _site_and_locale(request: HttpRequest) -> tuple[Site, Locale]:
    site = Site.find_for_request(request)
    language = translation.get_language()
    locale = (
        Locale.objects.filter(language_code__in=content_languages())
        .filter(language_code=language)
        .first()
    )
    if site is None or locale is None:
        raise Http404
    return site, locale


def _response(request: HttpRequest, calendar: Calendar, filename: str | None) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


# Building ----------------------------------------------------------------------------


def _meetings_calendar(name: str, items: QuerySet, request: HttpRequest) -> Calendar:
    events = list(items.select_related("locale").prefetch_related("tagged_items__tag"))
    return build_calendar(name, events, request)


def build_calendar(name: str, events: list[EventPage], request: HttpRequest | None) -> Calendar:
    """A VCALENDAR of ``events`` with the VTIMEZONE of Europe/Stockholm."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", recurrence.TIME_ZONE_NAME)
    for event in events:
        for component in vevents(event, request):
            calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar


def uid(event: EventPage) -> str:
    return f"{event.translation_key}-{event.locale.language_code}@kommunnatverk"


def sequence(event: EventPage) -> int:
    return event.live_revision_id or 0


def vevents(event: EventPage, request: HttpRequest | None) -> list[Event]:
    """The VEVENT of ``event`` and one more for each cancelled date of its series."""
    main = Event()
    _common(main, event, request)
    _times(main, event, event.local_start, event.local_end)
    main.add("status", STATUS.get(event.status, "CONFIRMED"))
    found = [main]
    if event.is_recurring:
        try:
            recurrence.parse_rule(event.recurrence, event.start)
        except recurrence.RecurrenceError:
            return found
        rule = event.recurrence.strip()
        if rule.upper().startswith("RRULE:"):
            rule = rule[len("RRULE:") :]
        main.add("rrule", vRecur.from_ical(_until_in_utc(rule, all_day=event.all_day)))
        excluded = event.excluded()
        if excluded:
            main.add("exdate", [_on(event, day) for day in excluded])
        if event.status != EventPage.Status.CANCELLED:
            for occurrence in event.occurrences():
                if not occurrence.cancelled:
                    continue
                cancelled = Event()
                _common(cancelled, event, request)
                _times(cancelled, event, occurrence.start, occurrence.end)
                cancelled.add("recurrence-id", _on(event, occurrence.date))
                cancelled.add("status", "CANCELLED")
                found.append(cancelled)
    return found


def _common(component: Event, event: EventPage, request: HttpRequest | None) -> None:
    stamp = (event.last_published_at or datetime.now(UTC)).astimezone(UTC)
    component.add("uid", uid(event))
    component.add("dtstamp", stamp)
    component.add("last-modified", stamp)
    if event.first_published_at:
        component.add("created", event.first_published_at.astimezone(UTC))
    component.add("sequence", sequence(event))
    component.add("summary", event.title)
    url = event.get_full_url(request) if request is not None else event.full_url
    description = "\n\n".join(part for part in (event.intro, event.online_url, url) if part)
    if description:
        component.add("description", description)
    if url:
        component.add("url", url)
    location = _location(event)
    if location:
        component.add("location", location)
    tags = [tagged.tag.name for tagged in event.tagged_items.all()]
    if tags:
        component.add("categories", tags)


def _times(component: Event, event: EventPage, start: datetime, end: datetime | None) -> None:
    if event.all_day:
        first = recurrence.local(start).date()
        last = recurrence.local(end).date() if end else first
        component.add("dtstart", first)
        component.add("dtend", last + timedelta(days=1))  # DTEND of a date is exclusive
    else:
        component.add("dtstart", recurrence.local(start))
        if end is not None:
            component.add("dtend", recurrence.local(end))


def _on(event: EventPage, day: date) -> date | datetime:
    """The occurrence of ``event``'s series on ``day``, as EXDATE and RECURRENCE-ID name
    it: a date for all-day meetings, else the wall-clock start on that day."""
    if event.all_day:
        return day
    wall = event.local_start
    return datetime.combine(day, wall.time()).replace(tzinfo=recurrence.TIME_ZONE)


def _until_in_utc(rule: str, *, all_day: bool = False) -> str:
    """RFC 5545 §3.3.10: with a zoned DTSTART, UNTIL must be UTC; with a date DTSTART,
    a date. The package reads an UNTIL as Swedish wall time (``recurrence.parse_rule``),
    so it is converted here."""
    pieces = []
    for piece in rule.split(";"):
        if piece.upper().startswith("UNTIL="):
            value = piece.split("=", 1)[1].rstrip("Zz")
            if all_day:
                pieces.append("UNTIL=" + value[:8])
                continue
            moment = (
                datetime.strptime(value, "%Y%m%dT%H%M%S")
                if "T" in value
                else datetime.strptime(value, "%Y%m%d").replace(hour=23, minute=59, second=59)
            )
            utc = moment.replace(tzinfo=recurrence.TIME_ZONE).astimezone(UTC)
            piece = "UNTIL=" + utc.strftime("%Y%m%dT%H%M%SZ")
        pieces.append(piece)
    return ";".join(pieces)


def _location(event: EventPage) -> str:
    parts = []
    if event.is_in_person:
        parts += [event.place_name, event.address.replace("\n", ", ")]
    if event.is_online and event.online_url:
        parts.append(event.online_url)
    return ", ".join(part for part in parts if part)
