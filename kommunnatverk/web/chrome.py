"""What the reference templates show around every page: the main menu, the breadcrumbs
and the footer, in the language being rendered.

The menu is the API's ``navigation/`` tree (``content.navigation.menu``); this module only
adds what a visitor needs marked: the page they are on and the section it is in. The
footer describes the network the page belongs to: its coordinator and its contacts.
Everything passes the content layer's rule of what is public.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Q, Value, When
from django.http import HttpRequest
from wagtail.models import Locale, Page

from ..content import snapshot
from ..content.links import localise
from ..content.navigation import STEPLEN, MenuItem
from ..content.public import is_public_snippet, public_pages
from ..models import Contact, ContactSidebar, NetworkPage, Organisation

MENU_DEPTH = 2  # the home page's children and theirs: the API's navigation/ by default


@dataclass
class MenuEntry:
    """One link of the main menu, as the template shows it."""

    title: str
    url: str
    is_home: bool = False
    current: bool = False  # the page being shown: aria-current="page"
    in_section: bool = False  # the page being shown is below this one
    lang: str | None = None  # the entry's language where it is not the page's (a fallback)
    children: list[MenuEntry] = field(default_factory=list)


def menu_entries(
    root: MenuItem | None,
    request: HttpRequest | None,
    current: Page | None,
    language_codes: dict[int, str],
    language: str,
) -> list[MenuEntry]:
    """The home page's entry, then the menu pages below it with theirs; entries without
    a URL (a page no site routes to) are left out."""
    if root is None:
        return []
    home = _entry(root, request, current, language_codes, language, is_home=True)
    if home is None:
        return []
    children = home.children
    home.children = []
    return [home, *children]


def _entry(
    item: MenuItem,
    request: HttpRequest | None,
    current: Page | None,
    language_codes: dict[int, str],
    language: str,
    *,
    is_home: bool = False,
) -> MenuEntry | None:
    page = item.page
    url = page.get_url(request)
    if not url:
        return None
    here = current is not None and current.pk is not None and current.pk == page.pk
    below = (
        not is_home
        and not here
        and current is not None
        and bool(current.path)
        and current.path.startswith(page.path)
    )
    code = language_codes.get(page.locale_id)
    children = [
        entry
        for child in item.children
        if (entry := _entry(child, request, current, language_codes, language)) is not None
    ]
    return MenuEntry(
        title=page.title,
        url=url,
        is_home=is_home,
        current=here,
        in_section=below,
        lang=code if code and code != language else None,
        children=children,
    )


# The footer ------------------------------------------------------------------------------


@dataclass
class Footer:
    """The network a page belongs to, who coordinates it and whom to contact, all public
    and in the language being rendered."""

    network: NetworkPage | None = None
    coordinator: Organisation | None = None
    coordinator_parent: Organisation | None = None
    contact_title: str = ""
    contacts: list[Contact] = field(default_factory=list)


def footer(
    page: Page | None, locale: Locale | None, tree: str | None, locales: dict[int, Locale]
) -> Footer:
    """The footer of ``page`` (None on the search and error pages) in ``locale``: its
    network is the page itself, else the nearest network page above it, else the first
    network page below ``tree`` (the path of the site's home page in ``locale``).
    ``locales``: the content locales by id (``content.languages.content_locales()``).

    A network page being previewed shows its own unsaved coordinator and contacts; every
    other footer is read once per content version within a request.
    """
    if locale is None:
        return Footer()
    if isinstance(page, NetworkPage):
        return _footer_of(page, locale, locales)
    network = _network_for(page, locale, tree)
    if network is None:
        return Footer()
    key = ("footer", network.pk, locale.pk)
    return snapshot.memo(key, lambda: _footer_of(network, locale, locales))


def _network_for(page: Page | None, locale: Locale, tree: str | None) -> NetworkPage | None:
    """One query: the public network page above ``page`` (networks never nest), else the
    first below ``tree`` in ``locale``."""
    ancestors = []
    if page is not None and page.path:
        ancestors = [page.path[:end] for end in range(STEPLEN, len(page.path), STEPLEN)]
    where = Q(path__in=ancestors)
    if tree:
        where |= Q(path__startswith=tree, locale=locale)
    if not ancestors and not tree:
        return None
    nearest_first = Case(
        When(path__in=ancestors, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return (
        public_pages(NetworkPage)
        .filter(where)
        .select_related("coordinator__parent", "contact_sidebar")
        .order_by(nearest_first, "depth", "path")
        .first()
    )


def _footer_of(network: NetworkPage, locale: Locale, locales: dict[int, Locale]) -> Footer:
    coordinator = _one(network.coordinator if network.coordinator_id else None, locale, locales)
    parent = None
    if coordinator is not None and coordinator.parent_id:
        parent = _one(coordinator.parent, locale, locales)
    sidebar = network.contact_sidebar if network.contact_sidebar_id else None
    sidebar = _one(sidebar, locale, locales)
    contacts = list(sidebar.contacts.all()) if isinstance(sidebar, ContactSidebar) else []
    return Footer(
        network=network,
        coordinator=coordinator,
        coordinator_parent=parent,
        contact_title=sidebar.title if sidebar is not None else "",
        contacts=contacts,
    )


def _one(obj, locale: Locale, locales: dict[int, Locale]):
    """``obj`` in ``locale`` where public there, else itself if public, else None."""
    if obj is None:
        return None
    if obj.locale_id == locale.pk:
        return obj if is_public_snippet(obj, locales=locales) else None
    found = localise([obj], locale.pk)
    return found[0] if found else None
