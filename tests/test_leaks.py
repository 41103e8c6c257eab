"""One leak matrix: every kind of content that is not public, crossed with every surface.

Each kind builds content that carries a secret word (in its title, intro and slug) and is
not public; each surface renders what a visitor, a frontend, a webhook receiver or a
translator would get; every pair asserts that the word is absent. The controls build the
same content public and assert that every surface shows it, so no check passes because a
surface shows nothing. Adding a kind or a surface is one entry in ``KINDS`` or
``SURFACES``.
"""

import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale, Page, PageViewRestriction, Site

from kommunnatverk.localisation.status import compute
from kommunnatverk.models import (
    AccessibilityStatementPage,
    Contact,
    ContactSidebar,
    EventIndexPage,
    EventPage,
    Goal,
    GoalFramework,
    NetworkPage,
    NewsIndexPage,
    NewsPage,
    NewsPageGoal,
    NewsPageOrganisation,
    NewsPageProject,
    Organisation,
    ProjectIndexPage,
    ProjectPage,
    WebhookDelivery,
    WebhookEndpoint,
)
from kommunnatverk.models.webhooks import EVENT_NAMES

pytestmark = pytest.mark.django_db

SECRET = "Hemlighet"
HOST = "lackor.test"
OTHER_HOST = "annan.test"


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add(parent: Page, page: Page, *, live: bool = True) -> Page:
    page.live = live
    parent.add_child(instance=page)
    if live:
        return publish(page)
    page.save_revision()
    return page


def snippet(obj, *, live: bool = True):
    obj.live = live
    obj.save()
    revision = obj.save_revision()
    if live:
        revision.publish()
    return obj


@dataclass
class World:
    """A site of its own (the default Site, at ``HOST``) with a public host page that
    links to whatever a kind makes, and a webhook endpoint that records every event."""

    sv: Locale
    en: Locale
    home: NetworkPage
    news_index: NewsIndexPage
    archive: NewsIndexPage
    projects: ProjectIndexPage
    events: EventIndexPage
    host: NewsPage
    sidebar: ContactSidebar
    framework: GoalFramework
    translator: object
    secret_pages: list[Page] = field(default_factory=list)
    secret_snippets: list = field(default_factory=list)


def build_world() -> World:
    sv = Locale.objects.get(language_code="sv")
    en, _ = Locale.objects.get_or_create(language_code="en")
    home = add(Page.get_first_root_node(), NetworkPage(title="Läckagetest", slug="lackagetest"))
    Site.objects.update(is_default_site=False)
    Site.objects.create(hostname=HOST, port=80, root_page=home, is_default_site=True)
    english_home = publish(home.copy_for_translation(en))
    menu = {"show_in_menus": True}
    news_index = add(home, NewsIndexPage(title="Nyheter", slug="nyheter", **menu))
    archive = add(home, NewsIndexPage(title="Arkiv", slug="arkiv", **menu))
    projects = add(home, ProjectIndexPage(title="Projekt", slug="projekt", **menu))
    events = add(home, EventIndexPage(title="Möten", slug="moten", **menu))
    framework = snippet(GoalFramework(title="Ramverk", slug="ramverk", locale=sv))
    sidebar = snippet(ContactSidebar(admin_name="Kontakter", title="Kontakt", locale=sv))
    Contact.objects.create(sidebar=sidebar, name="Anna Andersson", locale=sv)
    host = NewsPage(title="Värdnyhet", slug="vardnyhet", intro="Öppen.", contact_sidebar=sidebar)
    host = add(news_index, host)
    publish(host.copy_for_translation(en, copy_parents=True))
    for page in english_home.get_descendants().filter(live=False):
        publish(page.specific)
    WebhookEndpoint.objects.create(
        name="Mottagare", url="https://receiver.example/hook", events=EVENT_NAMES
    )
    group = Group.objects.create(name="Översättare i testet")
    group.permissions.add(Permission.objects.get(codename="submit_translation"))
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for page in (home, english_home):
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename="change_page")
        )
    translator = get_user_model().objects.create_user("oversattare", password="x")
    translator.groups.add(group)
    return World(
        sv, en, home, news_index, archive, projects, events, host, sidebar, framework, translator
    )


# Kinds ------------------------------------------------------------------------------------
# Each makes the secret content, public when ``public`` is true (the controls) and in its
# non-public form otherwise, and links it from the host page where a page can link it.


def secret_pages(
    world: World, parent_of_news: Page | None = None, *, live: bool = True, word: str = SECRET
) -> World:
    """A news item, a project and a meeting (next week) carrying ``word``: the project
    linked from the host, the news and the project linked from the host's body (rich text
    and a link block). Drafts unless ``live``."""
    news = NewsPage(title=f"{word} nyhet", slug=f"{word.lower()}-nyhet", intro=f"{word}.")
    news.show_in_menus = True
    news = add(parent_of_news or world.news_index, news, live=live)
    project = ProjectPage(title=f"{word} projekt", slug=f"{word.lower()}-projekt", intro=word)
    project.show_in_menus = True
    project = add(world.projects, project, live=live)
    start = timezone.now() + datetime.timedelta(days=7)
    meeting = EventPage(
        title=f"{word} möte",
        slug=f"{word.lower()}-mote",
        intro=f"{word}.",
        start=start,
        end=start + datetime.timedelta(hours=2),
        place_name="Stadshuset",
        show_in_menus=True,
    )
    meeting = add(world.events, meeting, live=live)
    host = NewsPage.objects.get(pk=world.host.pk)
    NewsPageProject.objects.create(page=host, project=project, locale=world.sv)
    host.body = [
        ("paragraph", f'<p>Se <a linktype="page" id="{news.pk}">nyheten</a>.</p>'),
        ("link", {"text": "Projektet", "page": project, "url": ""}),
    ]
    host.save()  # the live row, as the published host would have it
    world.host = host
    world.secret_pages = [news, project, meeting]
    return world


def draft(world: World, public: bool) -> World:
    return secret_pages(world, live=public)


def unpublished_changes(world: World, public: bool) -> World:
    """Live pages whose newest revision, not yet published, holds the secret."""
    world = secret_pages(world, word="Offentlig")
    for page in world.secret_pages:
        page.title, page.intro = f"{SECRET} utkast", f"{SECRET} i utkastet."
        revision = page.save_revision()
        if public:
            revision.publish()
    return world


def restricted(kind: str, on_ancestor: bool) -> Callable[[World, bool], World]:
    """Pages under a view restriction from before they were published, so no event of
    theirs was ever public."""

    def restrict(page: Page) -> None:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=kind, password="lösen" if kind == "password" else ""
        )
        if kind == "groups":
            restriction.groups.add(Group.objects.create(name=f"Medlemmar {page.pk}"))

    def build(world: World, public: bool) -> World:
        if on_ancestor and not public:
            restrict(world.archive)
            restrict(world.projects)
            restrict(world.events)
        world = secret_pages(world, world.archive if on_ancestor else None, live=False)
        for page in world.secret_pages:
            if not on_ancestor and not public:
                restrict(page)
            publish(page)
        return world

    return build


def expired(world: World, public: bool) -> World:
    """Live pages past ``expire_at`` that the scheduler has not unpublished yet."""
    world = secret_pages(world, word="Offentlig")
    when = timezone.now() + datetime.timedelta(days=1 if public else -1)
    for page in world.secret_pages:
        type(page).objects.filter(pk=page.pk).update(
            title=f"{SECRET} utgången", intro=SECRET, expire_at=when
        )
    return world


def scheduled(world: World, public: bool) -> World:
    """Pages approved to go live tomorrow (for the control: yesterday)."""
    world = secret_pages(world, live=False)
    for page in world.secret_pages:
        page.go_live_at = timezone.now() + datetime.timedelta(days=-1 if public else 1)
        page.save_revision().publish()
    return world


def draft_organisation(world: World, public: bool) -> World:
    """An organisation never published, linked from the host and named in its sidebar."""
    org = Organisation(name=f"{SECRET} kommun", kind="municipality", locale=world.sv)
    org = snippet(org, live=public)
    NewsPageOrganisation.objects.create(page=world.host, organisation=org, locale=world.sv)
    Contact.objects.filter(sidebar=world.sidebar).update(organisation=org)
    world.secret_snippets = [org]
    return world


def draft_sidebar(world: World, public: bool) -> World:
    """A contact sidebar never published, chosen on the host page."""
    sidebar = ContactSidebar(admin_name=f"{SECRET} sidofält", title=f"{SECRET} kontakt")
    sidebar.locale = world.sv
    sidebar = snippet(sidebar, live=public)
    NewsPage.objects.filter(pk=world.host.pk).update(contact_sidebar=sidebar)
    world.secret_snippets = [sidebar]
    return world


def goal_of_a_draft_framework(world: World, public: bool) -> World:
    """A published goal whose framework is a draft, linked from the host."""
    framework = GoalFramework(title=f"{SECRET} ramverk", slug="hemligt", locale=world.sv)
    framework = snippet(framework, live=public)
    goal = Goal(framework=framework, code="99", title=f"{SECRET} mål", colour="#112233")
    goal.locale = world.sv
    goal = snippet(goal)
    NewsPageGoal.objects.create(page=world.host, goal=goal, locale=world.sv)
    world.secret_snippets = [goal, framework]
    return world


def other_locale(world: World, public: bool) -> World:
    """Pages translated into a locale outside the content languages (``de``), published
    with their tree as a translator would; for the control, into English, which is one."""
    world = secret_pages(world, word="Offentlig")
    locale = world.en if public else Locale.objects.create(language_code="de")
    translations = []
    for page in world.secret_pages:
        translated = page.copy_for_translation(locale, copy_parents=True)
        translated.title, translated.intro = f"{SECRET} översatt", f"{SECRET}."
        translated.slug = f"{SECRET.lower()}-{translated.slug}"
        translations.append(publish(translated))
    for page in Page.objects.filter(locale=locale, live=False):
        publish(page.specific)
    world.secret_pages += translations
    return world


def other_site(world: World, public: bool) -> World:
    """Pages of another Site, asked for on this Site's host; for the control, this Site's."""
    if public:
        return secret_pages(world)
    other_home = add(Page.get_first_root_node(), NetworkPage(title="Annan", slug="annan"))
    Site.objects.create(hostname=OTHER_HOST, port=80, root_page=other_home)
    index = add(
        other_home, NewsIndexPage(title="Annans nyheter", slug="nyheter", show_in_menus=True)
    )
    world.projects = add(
        other_home, ProjectIndexPage(title="Annans projekt", slug="projekt", show_in_menus=True)
    )
    world.events = add(
        other_home, EventIndexPage(title="Annans möten", slug="moten", show_in_menus=True)
    )
    return secret_pages(world, index)


def draft_statement(world: World, public: bool) -> World:
    """An accessibility statement never published: every page's footer would link it.
    (Its control, published, is in tests/test_accessibility_statement.py.)"""
    statement = AccessibilityStatementPage(
        title=f"{SECRET} redogörelse",
        slug=f"{SECRET.lower()}-redogorelse",
        intro=SECRET,
        organisation_name=f"{SECRET} organisation",
        service_name=f"{SECRET} webbplats",
        compliance="full",
        assessed_on=datetime.date(2026, 12, 1),
        reviewed_on=datetime.date(2026, 12, 1),
        feedback_email="tillganglighet@example.org",
    )
    world.secret_pages = [add(world.home, statement, live=public)]
    return world


KINDS: dict[str, Callable[[World, bool], World]] = {
    "draft": draft,
    "live page with unpublished changes": unpublished_changes,
    "password restriction": restricted("password", on_ancestor=False),
    "login restriction": restricted("login", on_ancestor=False),
    "group restriction": restricted("groups", on_ancestor=False),
    "password restriction on an ancestor": restricted("password", on_ancestor=True),
    "login restriction on an ancestor": restricted("login", on_ancestor=True),
    "group restriction on an ancestor": restricted("groups", on_ancestor=True),
    "expired but still live": expired,
    "scheduled": scheduled,
    "draft snippet": draft_organisation,
    "draft contact sidebar": draft_sidebar,
    "live goal of a draft framework": goal_of_a_draft_framework,
    "locale outside the content languages": other_locale,
    "another Site": other_site,
    "draft accessibility statement": draft_statement,
}
NOT_APPLICABLE = {
    # Webhooks are not per Site: another Site's public content is the news its own
    # frontend subscribes to.
    ("another Site", "webhook payloads"),
    # An editor's link to another Site's public page (related pages, rich text, a link
    # block) is a link to public content, shown with that Site's address.
    ("another Site", "API embedded in a page"),
    ("another Site", "HTML related lists, badges, switcher, hreflang, JSON-LD"),
}


# Surfaces ---------------------------------------------------------------------------------


def get(client: Client, path: str) -> str:
    """What the response shows. A refusal (4xx) may repeat the request's own words (the
    path ``find/`` was asked for), which shows nothing new: only its status counts."""
    response = client.get(path, HTTP_HOST=HOST)
    if 400 <= response.status_code < 500:
        return f"[{response.status_code}]"
    return f"[{response.status_code}] {response.content.decode()}"


def api(client: Client, *paths: str) -> str:
    return " ".join(get(client, f"/api/network/{path}") for path in paths)


def urls_of(world: World) -> list[str]:
    """The secret pages' addresses on this Site, as they would be if public."""
    found = []
    for page in world.secret_pages:
        locale = page.locale.language_code
        prefix = "" if locale == "sv" else f"/{locale}"
        found.append(prefix + "/" + "/".join(page.url_path.strip("/").split("/")[1:]) + "/")
    return found


def api_lists(client, world) -> str:
    return api(
        client,
        "pages/?limit=100",
        "pages/?type=news",
        "pages/?type=project",
        "pages/?type=event",
        "pages/?type=event&when=upcoming",
        "pages/?type=event&locale=en",
        "pages/?locale=en&limit=100",
        "pages/?locale=en&fallback=sv&limit=100",
        f"pages/?child_of={world.news_index.pk}",
        f"pages/?child_of={world.projects.pk}",
        f"pages/?child_of={world.events.pk}",
    )


def api_details(client, world) -> str:
    paths = []
    for page in world.secret_pages:
        paths += [f"pages/{page.pk}/", f"pages/{page.pk}/?locale=en", f"pages/{page.pk}/?locale=sv"]
    return api(client, *paths)


def api_find(client, world) -> str:
    return api(client, *(f"pages/find/?path={url}" for url in urls_of(world)))


def api_navigation(client, world) -> str:
    return api(client, "navigation/?depth=4", "navigation/?depth=4&locale=en")


def api_search(client, world) -> str:
    return api(client, f"pages/?search={SECRET}", f"pages/?search={SECRET}&locale=en")


def api_snippets(client, world) -> str:
    sidebars = [
        f"contact-sidebars/{obj.pk}/"
        for obj in world.secret_snippets
        if isinstance(obj, ContactSidebar)
    ]
    return api(client, "organisations/", "goals/", "frameworks/", "goals/?locale=en", *sidebars)


def api_embedded(client, world) -> str:
    """The host page's detail: goals, organisations, sidebar, related pages, rich text,
    translations and JSON-LD."""
    return api(client, f"pages/{world.host.pk}/", f"pages/{world.home.pk}/")


def html_pages(client, world) -> str:
    """The secret pages' own addresses. A password form sends the visitor back to the
    address they asked for, which repeats their own words: that address is left out."""
    return " ".join(get(client, url).replace(url, "") for url in urls_of(world))


def html_host(client, world) -> str:
    """The host page: related lists, badges, the sidebar, the switcher, hreflang, JSON-LD."""
    return get(client, "/nyheter/vardnyhet/") + get(client, "/en/nyheter/vardnyhet/")


def html_listings(client, world) -> str:
    paths = (
        *("/", "/nyheter/", "/arkiv/", "/projekt/", "/moten/"),
        *("/en/", "/en/nyheter/", "/en/projekt/", "/en/moten/"),
    )
    return " ".join(get(client, path) for path in paths)


CHROME = re.compile(
    r'<nav class="site-nav".*?</nav>|<nav class="breadcrumbs".*?</nav>'
    r'|<footer class="site-footer">.*?</footer>',
    re.S,
)


def html_chrome(client, world) -> str:
    """The main menu (two levels: the secret pages are menu pages below the indexes), the
    breadcrumbs and the footer of the home page, the host page and the 404 page."""
    paths = ("/", "/nyheter/vardnyhet/", "/finns-inte/")
    # The 404 page is read whole, not by its status: its menu is what a visitor sees.
    pages = [
        client.get(prefix + path, HTTP_HOST=HOST).content.decode()
        for prefix in ("", "/en")
        for path in paths
    ]
    return " ".join(CHROME.findall(" ".join(pages)))


def feeds(client, world) -> str:
    paths = ("/feeds/news.rss", "/feeds/news.atom", "/en/feeds/news.rss", "/en/feeds/news.atom")
    return " ".join(get(client, path) for path in paths)


def calendars(client, world) -> str:
    """The iCalendar feeds: the site's, the network's and each meeting's own .ics, in
    both languages, unfolded (RFC 5545 folds long lines, which could split the word)."""
    pages = [world.home, *world.secret_pages]
    paths = ["/feeds/events.ics", *(f"/feeds/events/{page.pk}.ics" for page in pages)]
    text = " ".join(get(client, prefix + path) for prefix in ("", "/en") for path in paths)
    return text.replace("\r\n ", "")


def sitemap(client, world) -> str:
    return get(client, "/sitemap.xml")


def search_page(client, world) -> str:
    """The results of the search page; the form repeats the query, which shows nothing."""
    pages = (get(client, f"{prefix}/network/search/?q={SECRET}") for prefix in ("", "/en"))
    return " ".join(re.findall(r'<ol class="search-results">.*?</ol>', " ".join(pages), re.S))


def webhook_payloads(client, world) -> str:
    return json.dumps(list(WebhookDelivery.objects.values_list("payload", flat=True)))


def translation_report(client, world) -> str:
    """The report as a translator sees it in the admin, and the command's JSON."""
    client.force_login(world.translator)
    html = client.get("/admin/kommunnatverk/translation-status/", HTTP_HOST=HOST)
    client.logout()
    assert html.status_code == 200
    return html.content.decode() + json.dumps(compute(user=world.translator).as_json())


SURFACES: dict[str, Callable[[Client, World], str]] = {
    "API lists": api_lists,
    "API detail": api_details,
    "API find": api_find,
    "API navigation": api_navigation,
    "API search": api_search,
    "API snippet lists": api_snippets,
    "API embedded in a page": api_embedded,
    "HTML page": html_pages,
    "HTML related lists, badges, switcher, hreflang, JSON-LD": html_host,
    "HTML index listings": html_listings,
    "HTML menu, breadcrumbs and footer": html_chrome,
    "feeds": feeds,
    "iCalendar feeds": calendars,
    "sitemap": sitemap,
    "search page": search_page,
    "webhook payloads": webhook_payloads,
    "translation report": translation_report,
}
# What each surface shows, for the controls: pages, snippets, or both.
SHOWS = {
    "API lists": {"page"},
    "API detail": {"page"},
    "API find": {"page"},
    "API navigation": {"page"},
    "API search": {"page"},
    "API snippet lists": {"snippet"},
    "API embedded in a page": {"page", "snippet"},
    "HTML page": {"page"},
    "HTML related lists, badges, switcher, hreflang, JSON-LD": {"page", "snippet"},
    "HTML index listings": {"page"},
    "HTML menu, breadcrumbs and footer": {"page"},
    "feeds": {"page"},
    "iCalendar feeds": {"page"},
    "sitemap": {"page"},
    "search page": {"page"},
    "webhook payloads": {"page", "snippet"},
    "translation report": {"page", "snippet"},
}
SNIPPET_KINDS = {"draft snippet", "draft contact sidebar", "live goal of a draft framework"}


def found(text: str) -> bool:
    return SECRET.lower() in text.lower()


def around(text: str) -> str:
    """The text around each place the secret is, for the failure message."""
    return " … ".join(
        text[max(0, m.start() - 200) : m.end() + 100]
        for m in re.finditer(SECRET, text, re.IGNORECASE)
    )


@pytest.fixture
def world(django_capture_on_commit_callbacks) -> World:
    with django_capture_on_commit_callbacks(execute=True):
        return build_world()


def make(kind: str, world: World, public: bool, capture) -> World:
    # As if each step were its own request: wagtail-localize and the search index act
    # once a transaction commits.
    with capture(execute=True):
        return KINDS[kind](world, public)


@pytest.mark.parametrize("kind", KINDS)
def test_no_surface_shows_content_that_is_not_public(
    kind, world, client, subtests, django_capture_on_commit_callbacks
):
    world = make(kind, world, False, django_capture_on_commit_callbacks)
    for surface, render in SURFACES.items():
        if (kind, surface) in NOT_APPLICABLE:
            continue
        with subtests.test(surface=surface):
            text = render(client, world)
            assert not found(text), f"{surface} shows the {kind}: {around(text)}"


# What a control shows in other ways than by the secret word, with the reason.
NOT_SHOWN_BY_THE_CONTROL = {
    # The sitemap shows addresses, and publishing a new title keeps the address.
    ("live page with unpublished changes", "sitemap"),
    # The report names the Swedish source; the secret is only in the translation.
    ("locale outside the content languages", "translation report"),
    # The English host was translated before the links were added, so it has none.
    (
        "locale outside the content languages",
        "HTML related lists, badges, switcher, hreflang, JSON-LD",
    ),
    ("locale outside the content languages", "API embedded in a page"),
}
CONTROLS = [
    "draft",
    "live page with unpublished changes",
    "locale outside the content languages",
    *sorted(SNIPPET_KINDS),
]


@pytest.mark.parametrize("kind", CONTROLS)
def test_every_surface_shows_the_same_content_when_public(
    kind, world, client, subtests, django_capture_on_commit_callbacks
):
    """The controls: made public, the same content appears on each surface that shows its
    kind, so the absence above is the rule's doing."""
    world = make(kind, world, True, django_capture_on_commit_callbacks)
    content = "snippet" if kind in SNIPPET_KINDS else "page"
    for surface, render in SURFACES.items():
        if content not in SHOWS[surface] or (kind, surface) in NOT_SHOWN_BY_THE_CONTROL:
            continue
        with subtests.test(surface=surface):
            assert found(render(client, world)), f"{surface} does not show the public {kind}"
