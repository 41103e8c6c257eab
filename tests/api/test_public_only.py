"""Drafts, private and expired pages and unpublished snippets never appear anywhere."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from kommunnatverk.models import NewsIndexPage, NewsPage

from .. import factories

pytestmark = pytest.mark.django_db

SECRET = "Hemlig nyhet"


def everything_public(api) -> str:
    """Every public response that could show a page, concatenated."""
    index = NewsIndexPage.objects.get(locale__language_code="sv")
    paths = [
        "pages/?type=news",
        "pages/?type=news&search=hemlig",
        f"pages/?child_of={index.pk}",
        "pages/?limit=100",
        "navigation/?depth=4",
        "pages/find/?path=/nytt-i-natverket/hemlig-nyhet/",
    ]
    return " ".join(api(path).content.decode() for path in paths)


@pytest.fixture
def secret_news(network):
    return factories.news(network.news_index, "hemlig-nyhet", title=SECRET, show_in_menus=True)


def assert_hidden(api, page):
    assert SECRET not in everything_public(api)
    assert api(f"pages/{page.pk}/").status_code == 404
    assert api("pages/?type=news").data["count"] == 3


def test_draft_page(api, secret_news):
    assert SECRET in everything_public(api)  # the check can see a public page
    secret_news.unpublish()
    assert_hidden(api, secret_news)


def test_private_page(api, secret_news):
    assert SECRET in everything_public(api)  # served once, so every per-version copy is warm
    PageViewRestriction.objects.create(
        page=secret_news, restriction_type="password", password="hemligt"
    )
    assert_hidden(api, secret_news)


def test_private_section_hides_its_subtree(api, secret_news):
    assert SECRET in everything_public(api)
    PageViewRestriction.objects.create(page=secret_news.get_parent(), restriction_type="login")
    assert SECRET not in everything_public(api)
    assert api("pages/?type=news").data["count"] == 0
    assert api("pages/find/?path=/nytt-i-natverket/").status_code == 404


def test_expired_page_before_the_scheduler_runs(api, secret_news):
    NewsPage.objects.filter(pk=secret_news.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert_hidden(api, secret_news)


def test_unpublished_goal_is_not_embedded_or_listed(api, network):
    goal = network.goals["6"]
    goal.unpublish()
    news = network.water_day
    assert "6" not in [g["code"] for g in api(f"pages/{news.pk}/").data["goals"]]
    assert "6" not in [g["code"] for g in api("goals/?framework=agenda-2030").data["items"]]
    assert api(f"pages/?goal={goal.pk}").status_code == 404


def test_goals_of_an_unpublished_framework_are_not_embedded_or_listed(api, network):
    news = network.water_day
    assert api(f"pages/{news.pk}/").data["goals"]  # the check can see the goals
    goal = network.goals["6"]
    goal.framework.unpublish()
    assert api(f"pages/{news.pk}/").data["goals"] == []
    assert api("goals/").data["items"] == []


def test_unpublished_organisation_is_not_embedded(api, network):
    org = network.organisations["Energimyndigheten"]
    org.unpublish()
    news = network.news["hogstadieklasser-sokes-till-nytt-projekt-om-hallbart-resande"]
    names = [o["name"] for o in api(f"pages/{news.pk}/").data["organisations"]]
    assert "Energimyndigheten" not in names
    assert "Energimyndigheten" not in api("organisations/").content.decode()


def test_unpublished_sidebar_is_not_resolved(api, network):
    sidebar = network.sidebar
    sidebar.unpublish()
    group = network.groups["naturvardsgruppen"]
    assert api(f"pages/{group.pk}/").data["contact_sidebar"] is None
    assert api(f"contact-sidebars/{sidebar.pk}/").status_code == 404


def test_private_group_is_not_linked_from_news(api, network):
    group = network.groups["miljostrategigruppen"]
    PageViewRestriction.objects.create(page=group, restriction_type="login")
    news = network.news["fler-jobb-och-battre-ekonomi-genom-kommunala-miljomal"]
    assert api(f"pages/{news.pk}/").data["groups"] == []


def test_rich_text_links_to_a_private_page_lose_their_address(api, network, secret_news):
    group = network.groups["naturvardsgruppen"]
    group.purpose = f'<p>Läs <a linktype="page" id="{secret_news.pk}">nyheten</a>.</p>'
    group.save_revision().publish()
    assert secret_news.url in api(f"pages/{group.pk}/").data["purpose"]  # public: linked
    PageViewRestriction.objects.create(page=secret_news, restriction_type="login")
    purpose = api(f"pages/{group.pk}/").data["purpose"]
    assert "nyheten" in purpose and secret_news.url not in purpose and "href" not in purpose
