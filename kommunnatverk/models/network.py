"""The network's own page and its working groups."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from ..forms import NetworkPageForm
from .base import NetworkContentPage, tabbed
from .snippets import Organisation


class NetworkPage(NetworkContentPage):
    """The top of one network's tree: who it is, what it aims for, who runs it."""

    api_type = "network"
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    aims_heading = models.CharField(
        _("heading of the aims"),
        max_length=255,
        blank=True,
        help_text=_("Such as Syfte och mål med kommunnätverket för hållbar utveckling."),
    )
    coordinator = models.ForeignKey(
        Organisation,
        verbose_name=_("coordinator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The organisation that coordinates the network."),
    )

    # Any parent outside a network (a site's home, the root, a section page); the rule
    # "never inside a network" needs the parent's ancestors, so it is in can_exist_under.
    parent_page_types = None
    # The network and its sections are the site's menu (``navigation/``); Wagtail's
    # default leaves a new page out of it, and a new site's menu showed only Home.
    show_in_menus_default = True
    subpage_types = [
        "kommunnatverk.GroupPage",
        "kommunnatverk.NewsIndexPage",
        "kommunnatverk.ProjectIndexPage",
        "kommunnatverk.EventIndexPage",
        "kommunnatverk.AccessibilityStatementPage",
    ]
    template = "kommunnatverk/pages/network_page.html"
    base_form_class = NetworkPageForm

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("aims_heading"), InlinePanel("aims", label=_("aim"))],
            heading=_("Aims"),
        ),
        # A form field, not a model field: shown on the create form only.
        FieldPanel("create_indexes", disable_comments=True),
    ]
    relation_panels = [
        InlinePanel("framework_links", label=_("goal framework"), heading=_("Goal frameworks")),
        FieldPanel("coordinator"),
        InlinePanel("partner_links", label=_("partner"), heading=_("Partners")),
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
        index.SearchField("aims_heading"),
        index.RelatedFields("aims", [index.SearchField("text")]),
    ]
    api_fields = NetworkContentPage.api_fields + [
        APIField("body"),
        APIField("aims_heading"),
        APIField("aims"),
        APIField("framework_links"),
        APIField("coordinator"),
        APIField("partner_links"),
    ]

    class Meta:
        verbose_name = _("network page")
        verbose_name_plural = _("network pages")

    @classmethod
    def can_exist_under(cls, parent) -> bool:
        # Checked both when creating and when moving: networks never nest.
        if Page.objects.ancestor_of(parent, inclusive=True).type(NetworkPage).exists():
            return False
        return super().can_exist_under(parent)


class GroupPage(NetworkContentPage):
    """A working group of the network, such as Naturvårdsgruppen."""

    api_type = "group"
    purpose = RichTextField(
        _("purpose"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the group works on and why."),
    )
    participants = models.TextField(
        _("who takes part"),
        blank=True,
        help_text=_("The roles that take part, such as miljöstrateger or kommunekologer."),
    )
    meeting_forms = models.TextField(
        _("meeting forms"),
        blank=True,
        help_text=_("How and how often the group meets, such as physical and digital meetings."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["kommunnatverk.NetworkPage"]
    subpage_types: list[str] = []
    show_in_menus_default = True
    template = "kommunnatverk/pages/group_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("purpose"),
        FieldPanel("participants"),
        FieldPanel("meeting_forms"),
        FieldPanel("body"),
    ]
    relation_panels = [
        InlinePanel("goal_links", label=_("goal"), heading=_("Goals")),
        InlinePanel("member_links", label=_("member organisation"), heading=_("Members")),
    ]
    edit_handler = tabbed(
        content_panels,
        relation_panels,
        NetworkContentPage.sidebar_panels,
        Page.promote_panels,
        Page.settings_panels,
    )
    search_fields = NetworkContentPage.search_fields + [
        index.SearchField("purpose"),
        index.SearchField("participants"),
        index.SearchField("meeting_forms"),
        index.SearchField("body"),
    ]
    api_fields = NetworkContentPage.api_fields + [
        APIField("purpose"),
        APIField("participants"),
        APIField("meeting_forms"),
        APIField("body"),
        APIField("goal_links"),
        APIField("member_links"),
    ]

    class Meta:
        verbose_name = _("group page")
        verbose_name_plural = _("group pages")
