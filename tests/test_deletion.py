"""Deleting something pages still use is refused, naming the pages; nothing breaks."""

import pytest
from django.db.models import ProtectedError
from wagtail.admin.admin_url_finder import AdminURLFinder

from kommunnatverk.models import Goal, NewsPage, Organisation

from . import factories
from .admin_forms import log_in_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    # An editor whose admin speaks Swedish, as the network's editors do.
    return log_in_editor(client, "sv", username="editor")


def delete_url(user, obj) -> str:
    return AdminURLFinder(user).get_edit_url(obj).replace("/edit/", "/delete/")


def test_goal_used_by_pages_cannot_be_deleted_in_code(network):
    goal = network.goals["6"]
    with pytest.raises(ProtectedError):
        goal.delete()


def test_admin_refuses_and_names_the_pages(admin_client, network):
    goal = network.goals["6"]
    response = admin_client.post(delete_url(admin_client.user, goal), follow=True)
    assert Goal.objects.filter(pk=goal.pk).exists()
    text = response.content.decode()
    assert f"”{goal}” kan inte raderas eftersom de här sidorna använder den: " in text
    assert "“Internationella vattendagen – 22 mars”" in text
    assert "cannot be deleted" not in text


def test_unused_organisation_can_be_deleted(admin_client):
    org = factories.organisation("Oanvänd kommun")
    response = admin_client.post(delete_url(admin_client.user, org))
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=org.pk).exists()


def test_deleting_a_linked_page_removes_only_the_link(network):
    news = network.news["fler-jobb-och-battre-ekonomi-genom-kommunala-miljomal"]
    group = news.group_links.get().group
    group.delete()
    assert NewsPage.objects.get(pk=news.pk).group_links.count() == 0
