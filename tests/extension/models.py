"""What docs/how-to/extend.md shows: a news item for an event, with fields of its own."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from kommunnatverk.models import NetworkContentPage, NewsPage, tabbed


class EventNewsPage(NewsPage):
    venue = models.CharField("venue", max_length=200, blank=True)
    starts_at = models.DateTimeField("starts at", null=True, blank=True)
    programme = RichTextField("programme", blank=True)

    content_panels = NewsPage.content_panels + [
        FieldPanel("venue"),
        FieldPanel("starts_at"),
        FieldPanel("programme"),
    ]
    edit_handler = tabbed(
        content_panels,
        NewsPage.relation_panels,
        NetworkContentPage.sidebar_panels,
        Page.promote_panels,
        Page.settings_panels,
    )
    api_fields = NewsPage.api_fields + [
        APIField("venue"),
        APIField("starts_at"),
        APIField("programme"),
    ]
    template = NewsPage.template
