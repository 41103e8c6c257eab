"""Run inside a brand-new site by scripts/test-fresh-site.sh, with ``manage.py shell``.

Builds a network with a news item under the site's own home page (not at the root, not
in a tree the package made), translates it with wagtail-localize, and reads it back
through the delivery API and the reference templates in Swedish and English.

The English tree is made as the translation guide says and wagtail-localize issue #773
broke: the home page translated with "Include subtree" in the admin, which publishes every
English page at once on a site with wagtail-localize's defaults. Then the English strings.
"""

import sys

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, Site

from kommunnatverk.localisation import translate_with_strings
from kommunnatverk.models import Goal, NetworkPage, NewsIndexPage, NewsPage, NewsPageGoal

ENGLISH = {
    "Kommunnätverket": "The Municipal Network",
    "kommunnatverket": "municipal-network",
    "Ett nätverk för hållbar utveckling.": "A network for sustainable development.",
    "Nytt i nätverket": "News",
    "nytt-i-natverket": "news",
    "Vattendagen": "Water Day",
    "vattendagen": "water-day",
    "Om vatten.": "About water.",
    "Start": "Home",
    "Welcome to your new Wagtail site!": "Welcome to your new Wagtail site!",
}


def fail(message: str) -> None:
    print(f"FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


sv = Locale.objects.get(language_code="sv")
en = Locale.objects.get(language_code="en")
home = Site.objects.get(is_default_site=True).root_page.specific
if home.depth != 2 or home.locale_id != sv.pk:
    fail(f"expected the site's Swedish home page at depth 2, found {home!r}")

network = publish(
    home,
    NetworkPage(
        title="Kommunnätverket",
        slug="kommunnatverket",
        intro="Ett nätverk för hållbar utveckling.",
    ),
)
index = publish(network, NewsIndexPage(title="Nytt i nätverket", slug="nytt-i-natverket"))
news = NewsPage(title="Vattendagen", slug="vattendagen", intro="Om vatten.")
news.goal_links = [NewsPageGoal(goal=Goal.objects.get(code="6", locale=sv))]
news = publish(index, news)

client = Client()

# Translate this page → English, Include subtree, on the home page.
admin = get_user_model().objects.create_superuser("admin", "admin@example.invalid", "admin")
client.force_login(admin)
submit = reverse("wagtail_localize:submit_page_translation", args=[home.pk])
response = client.post(submit, {"locales": [en.pk], "include_subtree": "on"})
client.logout()
if response.status_code != 302:
    fail(f"submitting the home page with its subtree answered {response.status_code}")
if any(Page.find_problems()):
    fail(f"the page tree has problems after Include subtree: {Page.find_problems()}")
for page in (home, network, index, news):
    english = page.get_translation(en)
    response = client.get(english.url)
    if response.status_code != 200:
        fail(f"English {english.url} answered {response.status_code} after Include subtree")

for page in (home, network, index, news):
    translate_with_strings(page, en, ENGLISH)


def get(path: str, status: int = 200):
    response = client.get(path)
    if response.status_code != status:
        fail(f"GET {path} answered {response.status_code}: {response.content[:500]!r}")
    return response


checks = [
    ("/api/network/pages/find/?path=/kommunnatverket/", "sv", "Kommunnätverket"),
    ("/api/network/pages/find/?path=/en/municipal-network/", "en", "The Municipal Network"),
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

for path in ("/kommunnatverket/", "/en/municipal-network/", "/en/municipal-network/news/"):
    get(path)

# A second site whose root is the network page: the package has no single-site notion.
Site.objects.create(hostname="natverket.example", port=80, root_page=network)
other = Client(HTTP_HOST="natverket.example")
for path, title in (("/", "Kommunnätverket"), ("/en/", "The Municipal Network")):
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
print("Fresh site: network and news read back in Swedish and English, on two sites.")
