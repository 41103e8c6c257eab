"""Editors only get sensible choices of page type."""

import datetime

import pytest
from wagtail.models import Page

from kommunnatverk.models import (
    AccessibilityStatementPage,
    GroupPage,
    NetworkPage,
    NewsIndexPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
)

from . import factories
from .extension.models import EventNewsPage

pytestmark = pytest.mark.django_db


def creatable_under(parent: Page) -> set[type]:
    return {
        model
        for model in parent.specific_class.creatable_subpage_models()
        if model.can_create_at(parent)
    }


OWN_TYPES = {
    NetworkPage,
    GroupPage,
    NewsIndexPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    AccessibilityStatementPage,
}


def test_network_page_offers_groups_and_one_of_each_index_and_statement(sv):
    network = factories.network()
    assert creatable_under(network) & OWN_TYPES == {
        GroupPage,
        NewsIndexPage,
        ProjectIndexPage,
        AccessibilityStatementPage,
    }

    factories.add_page(network, NewsIndexPage(title="Nyheter", slug="nyheter"))
    factories.add_page(network, ProjectIndexPage(title="Projekt", slug="projekt"))
    statement = AccessibilityStatementPage(
        title="Tillgänglighetsredogörelse",
        slug="tillganglighetsredogorelse",
        organisation_name="Energikontor Väst",
        service_name="kommunnatverket.se",
        compliance="full",
        assessed_on=datetime.date(2026, 12, 1),
        reviewed_on=datetime.date(2026, 12, 1),
        feedback_email="tillganglighet@example.org",
    )
    factories.add_page(network, statement)
    assert creatable_under(network) & OWN_TYPES == {GroupPage}
    assert creatable_under(statement) == set()


def test_index_pages_offer_only_their_items():
    network = factories.network()
    news_index = factories.add_page(network, NewsIndexPage(title="Nyheter", slug="nyheter"))
    projects = factories.add_page(network, ProjectIndexPage(title="Projekt", slug="projekt"))
    # The test site's own subclass of NewsPage (tests/extension) goes there too.
    assert creatable_under(news_index) == {NewsPage, EventNewsPage}
    assert creatable_under(projects) == {ProjectPage}


def test_leaf_pages_offer_nothing():
    network = factories.network()
    group = factories.add_page(network, GroupPage(title="Grupp", slug="grupp"))
    _, news_index = network, factories.add_page(network, NewsIndexPage(title="N", slug="n"))
    item = factories.news(news_index, "nyhet")
    assert creatable_under(group) == set()
    assert creatable_under(item) == set()


def test_network_page_goes_anywhere_outside_a_network_but_never_inside_one():
    root = Page.get_first_root_node()
    network = factories.network()
    group = factories.add_page(network, GroupPage(title="Grupp", slug="grupp"))
    assert NetworkPage.can_create_at(root)
    assert not NetworkPage.can_create_at(network)
    assert not NetworkPage.can_create_at(group)


def test_items_are_not_offered_outside_their_index():
    network = factories.network()
    models = (GroupPage, NewsIndexPage, ProjectIndexPage, NewsPage, ProjectPage)
    for model in (*models, AccessibilityStatementPage):
        assert not model.can_create_at(Page.get_first_root_node()), model
    assert not NewsPage.can_create_at(network)
    assert not ProjectPage.can_create_at(network)


def test_a_network_cannot_be_moved_into_another_network():
    outer = factories.network(slug="ute")
    inner = factories.network(slug="inne")
    group = factories.add_page(outer, GroupPage(title="Grupp", slug="grupp"))
    assert not inner.can_move_to(outer)
    assert not inner.can_move_to(group)
    assert inner.can_move_to(Page.get_first_root_node())
