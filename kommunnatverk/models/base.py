"""The abstract base of every page type: intro, contact sidebar and tabbed panels."""

from django.db import models
from django.db.models import QuerySet
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
        return self.resolve_contact_sidebar(ContactSidebar.objects.all())

    def resolve_contact_sidebar(self, sidebars: QuerySet) -> ContactSidebar | None:
        """Like :attr:`resolved_contact_sidebar`, loading the sidebar from ``sidebars``.

        Three queries at most: the sidebar ids up the tree, the live candidates, and a
        translation where the nearest sidebar is in another locale.
        """
        candidates = self.contact_sidebar_ids_nearest_first()
        if not candidates:
            return None
        live = {sidebar.pk: sidebar for sidebar in sidebars.filter(pk__in=candidates, live=True)}
        nearest = next((live[pk] for pk in candidates if pk in live), None)
        if nearest is None or nearest.locale_id == self.locale_id:
            return nearest
        translated = (
            sidebars.filter(translation_key=nearest.translation_key, locale_id=self.locale_id)
            .filter(live=True)
            .first()
        )
        return translated or nearest

    def contact_sidebar_ids_nearest_first(self) -> list[int]:
        """Sidebar ids set on this page and its ancestors, nearest first, in one query.

        Only the concrete page tables hold ``contact_sidebar_id``, so the ancestors of
        each of the package's page types are read in one UNION, found by their paths.
        """
        steplen = Page.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path), steplen)]
        per_type = [
            model.objects.filter(path__in=paths, contact_sidebar__isnull=False)
            .order_by()
            .values_list("depth", "contact_sidebar_id")
            for model in _concrete_subclasses(NetworkContentPage)
        ]
        ancestors = per_type[0].union(*per_type[1:], all=True) if paths and per_type else []
        chain = sorted(ancestors, reverse=True)  # nearest (deepest) first
        own = [self.contact_sidebar_id] if self.contact_sidebar_id else []
        return own + [sidebar_id for _, sidebar_id in chain]


def _concrete_subclasses(base: type) -> list[type]:
    found = []
    for subclass in base.__subclasses__():
        if not subclass._meta.abstract and not subclass._meta.proxy:
            found.append(subclass)
        found.extend(_concrete_subclasses(subclass))
    return found
