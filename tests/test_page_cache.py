"""The HTML of public pages is kept per content version: a repeated view is cheap, and
the next view after any change shows it. What is not for everyone is never kept."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from kommunnatverk.web.page_cache import CACHE_PREFIX

pytestmark = pytest.mark.django_db

# The routing Wagtail does before a page serves itself, the ETag's version and the rest:
# bench/html.py prints the counts per page type.
MAX_REPEATED_VIEW_QUERIES = 12


def queries_of(client, url: str, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    return response, len(captured.captured_queries)


def test_a_repeated_view_is_the_same_page_for_a_bounded_number_of_queries(client, network):
    url = network.water_day.url
    first, cold = queries_of(client, url)
    again, warm = queries_of(client, url)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert warm <= MAX_REPEATED_VIEW_QUERIES < cold


def test_the_next_view_after_a_publish_shows_it(client, network):
    item = network.water_day
    assert "Kranvattnets dag" not in client.get(item.url).content.decode()
    item.title = "Kranvattnets dag"
    item.save_revision().publish()
    assert "Kranvattnets dag" in client.get(item.url).content.decode()


def test_a_draft_never_reaches_the_kept_page(client, network):
    item = network.water_day
    live = client.get(item.url).content
    item.title = "Utkast som ingen får se"
    item.save_revision()  # bumps the version: the page renders anew, from the live version
    html = client.get(item.url).content
    assert "Utkast som ingen får se" not in html.decode()
    assert html == live


def test_an_unchanged_page_answers_a_conditional_request_with_304(client, network):
    url = network.water_day.url
    etag = client.get(url)["ETag"]
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response.content == b""
    assert response["ETag"] == etag
    assert "must-revalidate" in response["Cache-Control"]
    network.water_day.save_revision().publish()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_each_language_and_host_is_kept_apart(client, network, en):
    item = network.water_day
    swedish = client.get(item.url)
    english = client.get(item.get_translation(en).url)
    assert swedish["ETag"] != english["ETag"]
    assert 'lang="sv"' in swedish.content.decode()[:200]
    assert 'lang="en"' in english.content.decode()[:200]
    other_host = client.get(item.url, HTTP_HOST="annan.example")
    assert other_host["ETag"] != swedish["ETag"]


def test_a_signed_in_users_page_is_never_kept_and_private(client, network):
    user = get_user_model().objects.create_superuser("redaktor", "r@example.invalid", "x")
    client.force_login(user)
    response = client.get(network.water_day.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "ETag" not in response
    client.logout()
    assert "private" not in client.get(network.water_day.url)["Cache-Control"]


def kept_pages() -> int:
    from django.core.cache import cache

    return sum(CACHE_PREFIX in str(key) for key in cache._cache)  # LocMemCache's store


def test_a_restricted_page_is_never_kept_even_for_who_may_see_it(client, network):
    client.get(network.news_index.url)
    assert kept_pages() == 1
    item = network.water_day
    restriction = PageViewRestriction.objects.create(
        page=item, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    form = client.get(item.url)
    assert form.status_code == 200 and "ETag" not in form  # Wagtail's password form
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{item.pk}/",
        {"password": "hemligt", "return_url": item.url},
    )
    before = kept_pages()
    page = client.get(item.url)
    assert item.title in page.content.decode()  # past the password
    assert "ETag" not in page
    assert kept_pages() == before
    client.get(network.news_index.url)  # the index is public: kept again, under the new version
    assert kept_pages() == before + 1
