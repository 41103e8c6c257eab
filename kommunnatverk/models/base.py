"""The abstract base of every page type: intro, contact sidebar and tabbed panels."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from .snippets import ContactSidebar


def tabbed(content, relations=(), sidebar=(), promote=(), settings=()) -> TabbedInterface:
    """Group panels in the tabs every page type shares."""
    tabs = [ObjectList(content, heading=_("Content"))]
    if relations:
        tabs.append(ObjectList(relations, heading=_("Relations")))
    tabs.append(ObjectList(sidebar, heading=_("Sidebar")))
    tabs.append(ObjectList(promote, heading=_("Promotion")))
    tabs.append(ObjectList(settings, heading=_("Settings"), classname="settings"))
    return TabbedInterface(tabs)


class NetworkContentPage(Page):
    """Fields and behaviour shared by all of the package's page types."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short lead paragraph, shown first on the page and in lists."),
    )
    contact_sidebar = models.ForeignKey(
        ContactSidebar,
        verbose_name=_("contact sidebar"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The contact persons shown beside the page. "
            "Leave empty to show the sidebar of the nearest page above this one."
        ),
    )

    sidebar_panels = [FieldPanel("contact_sidebar")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("contact_sidebar")]

    class Meta:
        abstract = True

    @cached_property
    def resolved_contact_sidebar(self) -> ContactSidebar | None:
        """This page's sidebar, or the nearest ancestor's, in this page's locale, if live."""
        for page in self._self_and_ancestors_nearest_first():
            sidebar_id = getattr(page, "contact_sidebar_id", None)
            if sidebar_id is None:
                continue
            sidebar = ContactSidebar.objects.filter(pk=sidebar_id, live=True).first()
            if sidebar is None:
                continue
            if sidebar.locale_id != self.locale_id:
                translated = sidebar.get_translation_or_none(self.locale)
                if translated is not None and translated.live:
                    sidebar = translated
            return sidebar
        return None

    def _self_and_ancestors_nearest_first(self):
        yield self
        ancestors = Page.objects.ancestor_of(self).order_by("-depth").specific()
        yield from ancestors
