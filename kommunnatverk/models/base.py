"""The abstract base of every page type: intro, contact sidebar and tabbed panels."""

from django.db import connection, models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from ..forms import PageForm
from .preview import HeadlessPreviewMixin
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


class NetworkContentPage(HeadlessPreviewMixin, Page):
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
    base_form_class = PageForm

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        """Wagtail's serving, through the package's page cache (``web.page_cache``)."""
        from ..web import page_cache  # deferred: the web layer sits above the models

        return page_cache.serve(self, request, super().serve, *args, **kwargs)

    @classmethod
    def clean_subpage_models(cls) -> list[type[Page]]:
        """The listed subpage types and the subclasses a site makes of them, so that a
        site's ``EventPage(NewsPage)`` goes under the news index without editing it."""
        return _with_subclasses(super().clean_subpage_models())

    @classmethod
    def clean_parent_page_models(cls) -> list[type[Page]]:
        return _with_subclasses(super().clean_parent_page_models())

    @cached_property
    def resolved_contact_sidebar(self) -> ContactSidebar | None:
        """This page's sidebar, or the nearest ancestor's, in this page's locale, if live.

        One query; two where the nearest sidebar is in another locale than this page.
        """
        chain = self.live_contact_sidebars_nearest_first()
        if not chain:
            return None
        nearest = chain[0]
        if nearest.locale_id == self.locale_id:
            return nearest
        translated = ContactSidebar.objects.filter(
            live=True, translation_key=nearest.translation_key, locale_id=self.locale_id
        ).first()
        return translated or nearest

    def live_contact_sidebars_nearest_first(self) -> list[ContactSidebar]:
        """The live sidebars set on this page and its ancestors, nearest first, in one query.

        Only the concrete page tables hold ``contact_sidebar_id``, so the ancestors of each
        of the package's page types are read in one UNION, found by their paths. The SQL
        is written out because the ORM spends longer compiling this UNION than the
        database spends running it, on every page detail. This page's own sidebar comes
        from the instance, which may be a draft being previewed.
        """
        quote = connection.ops.quote_name
        sidebar_table = quote(ContactSidebar._meta.db_table)
        page_table = quote(Page._meta.db_table)
        steplen = Page.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path), steplen)]
        selects, params = [], []
        if self.contact_sidebar_id:
            own = f"SELECT {int(self.depth)} AS chain_depth, s.* FROM {sidebar_table} s"  # noqa: S608
            selects.append(f"{own} WHERE s.{quote('id')} = %s AND s.{quote('live')}")
            params.append(self.contact_sidebar_id)
        if paths:
            placeholders = ", ".join(["%s"] * len(paths))
            for model in _tables_with_a_sidebar():
                table = quote(model._meta.db_table)
                link = quote(model._meta.pk.column)
                sidebar = quote(model._meta.get_field("contact_sidebar").column)
                selects.append(
                    f"SELECT p.{quote('depth')} AS chain_depth, s.* FROM {table} t"  # noqa: S608
                    f" JOIN {page_table} p ON p.{quote('id')} = t.{link}"
                    f" JOIN {sidebar_table} s ON s.{quote('id')} = t.{sidebar}"
                    f" WHERE s.{quote('live')} AND p.{quote('path')} IN ({placeholders})"
                )
                params += paths
        if not selects:
            return []
        # Identifiers come from model metadata; every value is a parameter.
        chain = list(ContactSidebar.objects.raw(" UNION ALL ".join(selects), params))
        return sorted(chain, key=lambda sidebar: sidebar.chain_depth, reverse=True)


def _with_subclasses(models: list[type[Page]]) -> list[type[Page]]:
    listed = tuple(models)
    if not listed:
        return models
    added = [m for m in get_page_models() if m not in listed and issubclass(m, listed)]
    return [*models, *added]


def _tables_with_a_sidebar() -> list[type]:
    """The models whose own table has ``contact_sidebar_id``: not a site's subclasses of
    them, which keep it in their parent's table."""
    return [
        model
        for model in _concrete_subclasses(NetworkContentPage)
        if model._meta.get_field("contact_sidebar").model is model
    ]


def _concrete_subclasses(base: type) -> list[type]:
    found = []
    for subclass in base.__subclasses__():
        if not subclass._meta.abstract and not subclass._meta.proxy:
            found.append(subclass)
        found.extend(_concrete_subclasses(subclass))
    return found
