"""The network's meetings and their index.

The network works through meetings ("genom fysiska och digitala möten"), so a meeting is
a page: it has a URL in each language, goes through drafts, translation and publishing
like every other page, and is public by the same rule. Times, links, format, status and
the recurrence are facts, not language: they are synchronised to every translation.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .. import recurrence as series
from ..blocks import BaseStreamBlock
from .accessibility import validate_web_address
from .base import NetworkContentPage, tabbed
from .links import GoalLink
from .snippets import Contact, Organisation
from .tags import LocalisedTaggableManager, TaggedItem


class EventIndexPage(NetworkContentPage):
    """Lists the network's meetings, upcoming and past; at most one per network and locale."""

    api_type = "event_index"
    parent_page_types = ["kommunnatverk.NetworkPage"]
    subpage_types = ["kommunnatverk.EventPage"]
    max_count_per_parent = 1
    show_in_menus_default = True
    template = "kommunnatverk/pages/event_index_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro")]
    edit_handler = tabbed(
        content_panels,
        (),
        NetworkContentPage.sidebar_panels,
        Page.promote_panels,
        Page.settings_panels,
    )

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")


class EventPage(NetworkContentPage):
    """A meeting of the network or one of its groups, once or on a pattern."""

    api_type = "event"

    class Format(models.TextChoices):
        PHYSICAL = "physical", _("Physical meeting")
        DIGITAL = "digital", _("Digital meeting")
        HYBRID = "hybrid", _("Hybrid meeting")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")
        POSTPONED = "postponed", _("Postponed")

    start = models.DateTimeField(
        _("start"),
        db_index=True,  # lists sort and filter by it
        help_text=_("Date and time in Swedish time (Europe/Stockholm)."),
    )
    end = models.DateTimeField(
        _("end"), null=True, blank=True, help_text=_("Leave empty if the end is open.")
    )
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("The times are ignored; only the dates count.")
    )
    format = models.CharField(
        _("format"), max_length=16, choices=Format.choices, default=Format.PHYSICAL
    )
    place_name = models.CharField(
        _("place"), max_length=255, blank=True, help_text=_("Such as a building or a room.")
    )
    address = models.TextField(_("address"), blank=True)
    host_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("host organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The organisation whose premises the meeting is held at."),
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        validators=[validate_web_address],
        help_text=_("Where participants join a digital or hybrid meeting."),
    )
    registration_url = models.URLField(
        _("registration link"), blank=True, validators=[validate_web_address]
    )
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED
    )
    group = models.ForeignKey(
        "kommunnatverk.GroupPage",
        verbose_name=_("organising group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    project = models.ForeignKey(
        "kommunnatverk.ProjectPage",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    agenda = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("agenda"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    minutes = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("minutes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recurrence = models.CharField(
        _("recurrence rule"),
        max_length=255,
        blank=True,
        help_text=_(
            "For a meeting that repeats: an iCalendar RRULE, such as "
            "FREQ=MONTHLY;BYDAY=2TU;COUNT=10 for the second Tuesday of ten months. "
            "Leave empty for a single meeting."
        ),
    )
    excluded_dates = models.TextField(
        _("dates without a meeting"),
        blank=True,
        help_text=_("Dates the series skips, one per line, such as 2026-12-22."),
    )
    cancelled_dates = models.TextField(
        _("cancelled dates"),
        blank=True,
        help_text=_("Dates of the series that are cancelled, one per line; shown as cancelled."),
    )
    # Worked out on every save from the fields above (``save``), so that lists can tell
    # upcoming from past meetings in SQL: the end of the last bounded occurrence.
    series_end = models.DateTimeField(_("end of the series"), editable=False, db_index=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    tags = LocalisedTaggableManager(
        through="kommunnatverk.TaggedEventPage",
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Keywords in the page's language. Separate them with commas."),
    )

    parent_page_types = ["kommunnatverk.EventIndexPage"]
    subpage_types: list[str] = []
    template = "kommunnatverk/pages/event_page.html"

    override_translatable_fields = [
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("all_day"),
        SynchronizedField("format"),
        SynchronizedField("online_url"),
        SynchronizedField("registration_url"),
        SynchronizedField("registration_deadline"),
        SynchronizedField("status"),
        SynchronizedField("recurrence"),
        SynchronizedField("excluded_dates"),
        SynchronizedField("cancelled_dates"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("status"),
            ],
            heading=_("Time and status"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("recurrence"),
                FieldRowPanel([FieldPanel("excluded_dates"), FieldPanel("cancelled_dates")]),
            ],
            heading=_("Recurrence"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("place_name"),
                FieldPanel("address"),
                FieldPanel("host_organisation"),
                FieldPanel("online_url"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_deadline")],
            heading=_("Registration"),
        ),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("agenda"), FieldPanel("minutes")], heading=_("Documents")),
        FieldPanel("tags"),
    ]
    relation_panels = [
        FieldPanel("group"),
        FieldPanel("project"),
        FieldPanel("contact"),
        InlinePanel("goal_links", label=_("goal"), heading=_("Goals")),
    ]
    edit_handler = tabbed(
        content_panels,
        relation_panels,
        NetworkContentPage.sidebar_panels,
        Page.promote_panels,
        Page.settings_panels,
    )
    search_fields = NetworkContentPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("place_name"),
        index.SearchField("address"),
        index.FilterField("start"),
        index.FilterField("status"),
        index.FilterField("format"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = NetworkContentPage.api_fields + [
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("format"),
        APIField("place_name"),
        APIField("address"),
        APIField("host_organisation"),
        APIField("online_url"),
        APIField("registration_url"),
        APIField("registration_deadline"),
        APIField("status"),
        APIField("group"),
        APIField("project"),
        APIField("contact"),
        APIField("agenda"),
        APIField("minutes"),
        APIField("recurrence"),
        APIField("excluded_dates"),
        APIField("cancelled_dates"),
        APIField("body"),
        APIField("tags"),
        APIField("goal_links"),
    ]

    class Meta:
        verbose_name = _("event page")
        verbose_name_plural = _("event pages")

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}

        def add(field: str, message) -> None:
            errors.setdefault(field, []).append(message)

        if self.start and self.end:
            if self.all_day:
                if series.local(self.end).date() < series.local(self.start).date():
                    add("end", _("The meeting must end on or after the day it starts."))
            elif self.end <= self.start:
                add("end", _("The meeting must end after it starts."))
        if self.start and self.registration_deadline and self.registration_deadline >= self.start:
            add("registration_deadline", _("The registration deadline must be before the start."))
        online = (self.Format.DIGITAL, self.Format.HYBRID)
        if self.format in online and not self.online_url:
            add("online_url", _("A digital or hybrid meeting needs an online link."))
        physical = (self.Format.PHYSICAL, self.Format.HYBRID)
        if self.format in physical and not (
            self.place_name or self.address or self.host_organisation_id
        ):
            add("place_name", _("A physical or hybrid meeting needs a place or an address."))
        if self.recurrence and self.start:
            try:
                series.parse_rule(self.recurrence, self.start)
            except series.RecurrenceError:
                add(
                    "recurrence",
                    _(
                        "Enter a valid RRULE with FREQ=DAILY, WEEKLY, MONTHLY or YEARLY, "
                        "such as FREQ=WEEKLY;BYDAY=TU;COUNT=8."
                    ),
                )
        for field in ("excluded_dates", "cancelled_dates"):
            try:
                series.parse_dates(getattr(self, field))
            except ValueError as error:
                add(
                    field,
                    _("“%(value)s” is not a date; write dates as 2026-12-22, one per line.")
                    % {"value": error.args[0]},
                )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.series_end = self.last_end
        return super().save(*args, **kwargs)

    # Reading ---------------------------------------------------------------------------

    @property
    def is_recurring(self) -> bool:
        return bool(self.recurrence.strip())

    @property
    def is_online(self) -> bool:
        return self.format in (self.Format.DIGITAL, self.Format.HYBRID)

    @property
    def is_in_person(self) -> bool:
        return self.format in (self.Format.PHYSICAL, self.Format.HYBRID)

    @property
    def local_start(self):
        return series.local(self.start)

    @property
    def local_end(self):
        return series.local(self.end) if self.end else None

    def excluded(self) -> list:
        return _dates_or_none(self.excluded_dates)

    def cancelled(self) -> list:
        return _dates_or_none(self.cancelled_dates)

    def occurrences(self, limit: int = series.MAX_OCCURRENCES) -> list[series.Occurrence]:
        """The meetings of this page, bounded (``kommunnatverk.recurrence``); a page whose
        status is cancelled has every occurrence cancelled."""
        try:
            found = series.occurrences(
                self.start,
                self.end,
                self.recurrence,
                self.excluded(),
                self.cancelled(),
                limit=limit,
            )
        except series.RecurrenceError:
            found = series.occurrences(self.start, self.end)
        if self.status == self.Status.CANCELLED:
            found = [series.Occurrence(o.start, o.end, True) for o in found]
        return found

    @property
    def last_end(self):
        """When the series is over: the end (or start) of its last bounded occurrence; for
        an all-day meeting the end of its last day."""
        found = self.occurrences()
        if not found:
            return self.end or self.start
        last = found[-1]
        finish = last.end or last.start
        if self.all_day:
            finish = series.local(finish).replace(hour=23, minute=59, second=59)
        return finish


def _dates_or_none(text: str) -> list:
    try:
        return series.parse_dates(text)
    except ValueError:
        return []


class EventPageGoal(GoalLink):
    page = ParentalKey(
        "kommunnatverk.EventPage", on_delete=models.CASCADE, related_name="goal_links"
    )

    class Meta(GoalLink.Meta):
        abstract = False


class TaggedEventPage(TaggedItem):
    content_object = ParentalKey(
        "kommunnatverk.EventPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta(TaggedItem.Meta):
        abstract = False
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
