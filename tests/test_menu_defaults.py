"""The network and its sections are in the site's menu unless an editor unchecks "Show in
menus" (issue 16: Wagtail's default left them out, and a new site's ``navigation/``
listed only Home)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from kommunnatverk.admin.network_indexes import create_indexes
from kommunnatverk.models import GroupPage, NetworkPage, NewsIndexPage, NewsPage, ProjectPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    user = get_user_model().objects.create_superuser("menuadmin", "m@example.invalid", "x")
    client.force_login(user)
    return user


def add_form(client, model, parent: Page) -> str:
    meta = model._meta
    url = reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def show_in_menus_checked(html: str) -> bool:
    start = html.index('name="show_in_menus"')
    tag = html[html.rindex("<input", 0, start) : html.index(">", start)]
    return "checked" in tag


def test_the_admin_offers_the_network_and_its_sections_for_the_menu(client, admin, sv):
    assert show_in_menus_checked(add_form(client, NetworkPage, Page.get_first_root_node()))
    network = NetworkPage.objects.filter(locale=sv).first()
    assert show_in_menus_checked(add_form(client, GroupPage, network))
    index = NewsIndexPage.objects.child_of(network).first()
    assert not show_in_menus_checked(add_form(client, NewsPage, index))


def test_the_indexes_a_new_network_page_brings_are_in_the_menu(admin, sv):
    root = Page.get_first_root_node()
    network = NetworkPage(title="Menynätverket", slug="menynatverket", locale=sv)
    root.add_child(instance=network)
    assert network.show_in_menus
    indexes = create_indexes(network, admin)
    assert len(indexes) == 3 and all(page.show_in_menus for page in indexes)
    assert not ProjectPage(title="Ett projekt").show_in_menus
