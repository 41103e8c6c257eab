"""The abstract base of every page type: intro, contact sidebar and tabbed panels."""

from django.contrib.contenttypes.models import ContentType
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
        candidates = self.contact_sidebar_ids_nearest_first()
        if not candidates:
            return None
        live = {
            sidebar.pk: sidebar
            for sidebar in ContactSidebar.objects.filter(pk__in=candidates, live=True)
        }
        for sidebar_id in candidates:
            sidebar = live.get(sidebar_id)
            if sidebar is None:
                continue
            if sidebar.locale_id != self.locale_id:
                translated = sidebar.get_translation_or_none(self.locale_id)
                if translated is not None and translated.live:
                    return translated
            return sidebar
        return None

    def contact_sidebar_ids_nearest_first(self) -> list[int]:
        """Sidebar ids set on this page and its ancestors, nearest first.

        One query for the ancestors and one per page type among them, instead of loading
        every ancestor's specific page.
        """
        ids = [self.contact_sidebar_id] if self.contact_sidebar_id else []
        ancestors = list(
            Page.objects.ancestor_of(self).order_by("-depth").values_list("pk", "content_type_id")
        )
        pks_by_model: dict[type, list[int]] = {}
        for pk, content_type_id in ancestors:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is not None and issubclass(model, NetworkContentPage):
                pks_by_model.setdefault(model, []).append(pk)
        sidebar_of: dict[int, int | None] = {}
        for model, pks in pks_by_model.items():
            sidebar_of.update(
                model.objects.filter(pk__in=pks).values_list("pk", "contact_sidebar_id")
            )
        ids += [sidebar_of[pk] for pk, _ in ancestors if sidebar_of.get(pk)]
        return ids
