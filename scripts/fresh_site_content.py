"""Run inside a brand-new site by scripts/test-fresh-site.sh, with ``manage.py shell``,
after the tutorial's steps 1-7: its admin steps 8-10 done from code, then step 12's
addresses opened, as docs/tutorial/install.md says them.

Builds a network with a group and a news item under the site's own home page (not at the
root, not in a tree the package made), translates it with wagtail-localize, and reads it
back through the admin, the delivery API and the reference templates in both languages.
SITE_KIND is "new" or "existing" (a site first migrated in en-us, with a page of its own);
TUTORIAL_LINKS holds the paths of step 12's links.

The English tree is made as the translation guide says and wagtail-localize issue #773
broke: the home page translated with "Include subtree" in the admin, which publishes every
English page at once on a site with wagtail-localize's defaults. Then the English strings.
"""

import os
import sys
from urllib.parse import quote, unquote

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile

from kommunnatverk.admin.network_indexes import create_indexes
from kommunnatverk.localisation import translate_with_strings
from kommunnatverk.models import (
    EventIndexPage,
    Goal,
    GroupPage,
    NetworkPage,
    NewsIndexPage,
    NewsPage,
    NewsPageGoal,
    ProjectIndexPage,
)

NETWORK_TITLE = "Kommunnätverket för hållbar utveckling"
ENGLISH = {
    NETWORK_TITLE: "The Municipal Network for Sustainable Development",
    "kommunnätverket-för-hållbar-utveckling": "municipal-network",
    "Ett nätverk för hållbar utveckling.": "A network for sustainable development.",
    "Nytt i nätverket": "News",
    "nytt-i-nätverket": "news",
    "Projekt": "Projects",
    "projekt": "projects",
    "Möten": "Meetings",
    "möten": "meetings",
    "Miljöstrategigruppen": "The environmental strategy group",
    "miljöstrategigruppen": "environmental-strategy-group",
    "Vattendagen": "Water Day",
    "vattendagen": "water-day",
    "Om vatten.": "About water.",
    "Home": "Home",
    "Welcome to your new Wagtail site!": "Welcome to your new Wagtail site!",
}


def fail(message: str) -> None:
    print(f"FAILED ({os.environ['SITE_KIND']} site): {message}", file=sys.stderr)
    sys.exit(1)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def admin_slug(title: str) -> str:
    """The slug the page editor makes from a title (Wagtail's ``urlify``)."""
    return slugify(title, allow_unicode=settings.WAGTAIL_ALLOW_UNICODE_SLUGS)


sv = Locale.objects.get(language_code="sv")
en = Locale.objects.get(language_code="en")
home = Site.objects.get(is_default_site=True).root_page.specific
if home.depth != 2 or home.locale_id != sv.pk:
    fail(f"expected the site's Swedish home page at depth 2, found {home!r}")
client = Client()
admin = get_user_model().objects.create_superuser("admin", "admin@example.invalid", "admin")
client.force_login(admin)

# Step 2's note: the admin is Swedish until the user chooses English.
explore = reverse("wagtailadmin_explore", args=[home.pk])
if "Lägg till undersida" not in client.get(explore).content.decode():
    fail("the admin is not Swedish for a user who has chosen no language")
profile = UserProfile.get_for_user(admin)
profile.preferred_language = "en"
profile.save()
if "Add child page" not in client.get(explore).content.decode():
    fail("the admin is not English for a user who chose English")

# Step 7: the worker has indexed the goals, and the chooser finds them by their words.
chooser = Goal.snippet_viewset.chooser_viewset
found = client.get(reverse(chooser.get_url_name("choose_results")), {"q": "städer"})
if "Hållbara städer" not in found.content.decode():
    fail(f"the goal chooser finds no goal for 'städer': {found.content[:300]!r}")

# Steps 9 and 10: the network page, its three indexes (the box), a group and a news item.
network = publish(
    home,
    NetworkPage(
        title=NETWORK_TITLE,
        slug=admin_slug(NETWORK_TITLE),
        intro="Ett nätverk för hållbar utveckling.",
    ),
)
indexes = {type(page): page for page in create_indexes(network, admin)}
if [page.title for page in indexes.values()] != ["Nytt i nätverket", "Projekt", "Möten"]:
    fail(f"the network page's box made {indexes}")
group = publish(
    network, GroupPage(title="Miljöstrategigruppen", slug=admin_slug("Miljöstrategigruppen"))
)
news = NewsPage(title="Vattendagen", slug="vattendagen", intro="Om vatten.")
news.goal_links = [NewsPageGoal(goal=Goal.objects.get(code="6", locale=sv))]
index = indexes[NewsIndexPage]
news = publish(index, news)
if not all(page.show_in_menus for page in (network, group, *indexes.values())):
    fail("the network, group and index pages are not in the menu")
client.logout()

# Step 12: the addresses the tutorial gives, sent percent-encoded as a browser sends them.
links = os.environ["TUTORIAL_LINKS"].split()
if unquote(network.url) != links[0]:
    fail(f"the tutorial's step 12 opens {links[0]}, the network page is at {network.url}")
for link in links:
    response = client.get(quote(link, safe="/?=&"))
    if response.status_code != 200:
        fail(f"the tutorial's {link} answered {response.status_code}")
menu = client.get("/api/network/navigation/").json()["items"]
networks = [item for item in menu[0]["children"] if item["type"] == "network"]
if [item["title"] for item in networks] != [NETWORK_TITLE]:
    fail(f"navigation/ lists {menu}")
sections = networks[0]["children"]
if sorted(c["title"] for c in sections) != sorted(
    ["Miljöstrategigruppen", "Nytt i nätverket", "Projekt", "Möten"]
):
    fail(f"navigation/ lists the network's sections {sections}")

client = Client()

# Translate this page → English, Include subtree, on the home page.
client.force_login(admin)
submit = reverse("wagtail_localize:submit_page_translation", args=[home.pk])
response = client.post(submit, {"locales": [en.pk], "include_subtree": "on"})
client.logout()
if response.status_code != 302:
    fail(f"submitting the home page with its subtree answered {response.status_code}")
if any(Page.find_problems()):
    fail(f"the page tree has problems after Include subtree: {Page.find_problems()}")
for page in (home, network, index, group, news):
    english = page.get_translation(en)
    response = client.get(english.url)
    if response.status_code != 200:
        fail(f"English {english.url} answered {response.status_code} after Include subtree")

for page in (home, network, index, indexes[ProjectIndexPage], indexes[EventIndexPage], group, news):
    translate_with_strings(page, en, ENGLISH)


def get(path: str, status: int = 200):
    response = client.get(path)
    if response.status_code != status:
        fail(f"GET {path} answered {response.status_code}: {response.content[:500]!r}")
    return response


checks = [
    (quote(f"/api/network/pages/find/?path={links[0]}", safe="/?="), "sv", NETWORK_TITLE),
    ("/api/network/pages/find/?path=/en/municipal-network/", "en", ENGLISH[NETWORK_TITLE]),
]
for path, locale, title in checks:
    data = get(path).json()
    if (data["type"], data["meta"]["locale"], data["title"]) != ("network", locale, title):
        fail(f"{path} gave {data['type']} {data['meta']['locale']} {data['title']!r}")
    if sorted(t["locale"] for t in data["translations"]) != ["en", "sv"]:
        fail(f"{path} lists translations {data['translations']}")

for locale, title, goal in (("sv", "Vattendagen", "Rent vatten"), ("en", "Water Day", "Clean")):
    items = get(f"/api/network/pages/?type=news&locale={locale}").json()["items"]
    if [item["title"] for item in items] != [title]:
        fail(f"news in {locale}: {items}")
    detail = get(items[0]["meta"]["api_url"]).json()
    if not detail["goals"] or not detail["goals"][0]["title"].startswith(goal):
        fail(f"goals of the {locale} news item: {detail['goals']}")

for path in ("/en/municipal-network/", "/en/municipal-network/news/"):
    get(path)
english_menu = get("/api/network/navigation/?locale=en").json()["items"][0]["children"]
if ENGLISH[NETWORK_TITLE] not in [item["title"] for item in english_menu]:
    fail(f"the English navigation/ lists {english_menu}")

# A second site whose root is the network page: the package has no single-site notion.
Site.objects.create(hostname="natverket.example", port=80, root_page=network)
other = Client(HTTP_HOST="natverket.example")
for path, title in (("/", NETWORK_TITLE), ("/en/", ENGLISH[NETWORK_TITLE])):
    response = other.get(f"/api/network/pages/find/?path={path}")
    if response.status_code != 200 or response.json()["title"] != title:
        fail(f"second site, find {path}: {response.status_code} {response.content[:300]!r}")
    if not response.json()["meta"]["html_url"].startswith("http://natverket.example/"):
        fail(f"second site, find {path}: html_url {response.json()['meta']['html_url']}")
get("/api/network/pages/?locale=xx", status=400)
if b"Water Day" not in get("/en/feeds/news.rss").content:
    fail("the English news feed lacks the news item")
if b'hreflang="x-default"' not in get("/sitemap.xml").content:
    fail("sitemap.xml has no hreflang alternates")
kind = os.environ["SITE_KIND"]
print(f"Fresh {kind} site: the tutorial's pages in both languages, on two sites.")
