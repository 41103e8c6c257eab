"""News: "Nytt i nätverket", newest first."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BaseStreamBlock
from .base import NetworkContentPage, tabbed
from .links import TaggedNewsPage
from .tags import LocalisedTaggableManager


class NewsIndexPage(NetworkContentPage):
    """Lists the network's news items, newest first; at most one per network and locale.

    The list is ``web.listings.news_items``: the public news under the index."""

    api_type = "news_index"
    parent_page_types = ["kommunnatverk.NetworkPage"]
    subpage_types = ["kommunnatverk.NewsPage"]
    max_count_per_parent = 1
    show_in_menus_default = True
    template = "kommunnatverk/pages/news_index_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro")]
    edit_handler = tabbed(
        content_panels,
        (),
        NetworkContentPage.sidebar_panels,
        Page.promote_panels,
        Page.settings_panels,
    )

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")


class NewsPage(NetworkContentPage):
    """A news item with date, intro, body, image, tags and related content.

    The image's alternative text belongs to the page, not to the image: it says what the
    image shows *here*, and it is translated with the page (wagtail-localize offers it as
    a segment), while the image itself is shared by every language."""

    api_type = "news"
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        db_index=True,  # news lists sort and filter by it
        help_text=_("The date of the news. Leave empty if unknown; undated news is listed last."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the news item and in lists."),
    )
    image_alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Leave empty if decorative."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    tags = LocalisedTaggableManager(
        through=TaggedNewsPage,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Keywords in the page's language. Separate them with commas."),
    )

    parent_page_types = ["kommunnatverk.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "kommunnatverk/pages/news_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("image_alt_text"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    relation_panels = [
        InlinePanel("group_links", label=_("group"), heading=_("Groups")),
        InlinePanel("project_links", label=_("project"), heading=_("Projects")),
        InlinePanel("goal_links", label=_("goal"), heading=_("Goals")),
        InlinePanel("organisation_links", label=_("organisation"), heading=_("Organisations")),
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
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = NetworkContentPage.api_fields + [
        APIField("date"),
        APIField("image"),
        APIField("image_alt_text"),
        APIField("body"),
        APIField("tags"),
        APIField("group_links"),
        APIField("project_links"),
        APIField("goal_links"),
        APIField("organisation_links"),
    ]

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")
