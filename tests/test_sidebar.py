"""A page without its own contact sidebar shows its nearest ancestor's."""

import pytest

from kommunnatverk.models import GroupPage, NewsPage

from . import factories

pytestmark = pytest.mark.django_db


def test_page_inherits_nearest_ancestors_sidebar():
    network_sidebar = factories.sidebar("Nätverket")
    news_sidebar = factories.sidebar("Nyheterna")
    network, index = factories.news_tree(contact_sidebar=network_sidebar)
    item = factories.news(index, "nyhet")
    assert NewsPage.objects.get(pk=item.pk).resolved_contact_sidebar == network_sidebar

    index.contact_sidebar = news_sidebar
    index.save_revision().publish()
    assert NewsPage.objects.get(pk=item.pk).resolved_contact_sidebar == news_sidebar


def test_own_sidebar_wins():
    network = factories.network(contact_sidebar=factories.sidebar("Nätverket"))
    own = factories.sidebar("Gruppen")
    group = factories.add_page(network, GroupPage(title="G", slug="g", contact_sidebar=own))
    assert group.resolved_contact_sidebar == own


def test_unpublished_sidebar_is_skipped():
    outer = factories.sidebar("Ute")
    draft = factories.sidebar("Utkast")
    draft.live = False
    draft.save()
    network = factories.network(contact_sidebar=outer)
    group = factories.add_page(network, GroupPage(title="G", slug="g", contact_sidebar=draft))
    assert group.resolved_contact_sidebar == outer


def test_no_sidebar_anywhere_gives_none():
    network = factories.network()
    assert network.resolved_contact_sidebar is None


def test_english_page_gets_the_english_sidebar(network, en):
    english_group = network.english(network.groups["miljostrategigruppen"])
    assert english_group.slug == "environmental-strategy-group"
    sidebar = english_group.resolved_contact_sidebar
    assert sidebar.locale == en
    assert sidebar.title == "Contact"
