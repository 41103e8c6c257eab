"""The API URLs purged from the CDN when content changes, checked with a recording
frontend-cache backend (the edge of the network: a CDN's purge API)."""

from urllib.parse import quote

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Site

from kommunnatverk.changes import purge_queue
from kommunnatverk.models import (
    NewsIndexPage,
    NewsPage,
    NewsPageOrganisation,
    Organisation,
    PendingPurge,
    WebhookDelivery,
    WebhookEndpoint,
)

API = "/api/network/"


class RecordingBackend(BaseBackend):
    def purge(self, url: str) -> None:
        PURGED.append(url)


class Purged(list):
    """What the recording backend was sent, once the queued purges are sent: a test's
    transaction never commits, so the queue's on-commit hook never runs."""

    def flush(self) -> None:
        for pk in PendingPurge.objects.filter(status=PendingPurge.PENDING).values_list(
            "pk", flat=True
        ):
            assert purge_queue.send(pk), f"purge {pk} was not sent"

    def __iter__(self):
        self.flush()
        return super().__iter__()

    def __len__(self) -> int:
        self.flush()
        return super().__len__()

    def clear(self) -> None:
        self.flush()
        super().clear()


PURGED = Purged()


@pytest.fixture
def purged():
    with override_settings(
        WAGTAILFRONTENDCACHE={"recorder": {"BACKEND": "tests.test_purging.RecordingBackend"}}
    ):
        PURGED.clear()
        yield PURGED
        PURGED.clear()


def api_urls(urls: list[str]) -> set[str]:
    """The package's purges; Wagtail's own frontend_cache purges the HTML pages beside them."""
    return {url for url in urls if API in url}


def lists_and_navigation(root: str, types: list[str]) -> set[str]:
    urls = {f"{root}{API}pages/", f"{root}{API}navigation/"}
    for code in ("sv", "en"):
        urls |= {f"{root}{API}pages/?locale={code}", f"{root}{API}navigation/?locale={code}"}
        urls |= {f"{root}{API}pages/?type={kind}&locale={code}" for kind in types}
    urls |= {f"{root}{API}pages/?type={kind}" for kind in types}
    return urls


def page_urls(root: str, page_id: int, path: str) -> set[str]:
    detail = f"{root}{API}pages/{page_id}/"
    return {
        detail,
        f"{detail}?locale=sv",
        f"{detail}?locale=en",
        f"{root}{API}pages/find/?path={quote(path, safe='')}",
        f"{root}{API}pages/find/?path={quote(path, safe='/')}",
    }


def test_publishing_a_news_item_purges_its_detail_find_lists_and_navigation(network, purged):
    index = network.news_index
    root = Site.objects.get(is_default_site=True).root_url
    page = NewsPage(title="Ny cykelbana", slug="ny-cykelbana")
    index.add_child(instance=page)
    purged.clear()  # saving a draft purges nothing

    page.save_revision().publish()

    path = page.get_url_parts()[2]
    assert api_urls(purged) == lists_and_navigation(root, ["news"]) | page_urls(root, page.pk, path)


def test_publishing_a_translated_page_purges_both_languages(db, purged, en):
    page = NewsPage.objects.filter(locale__language_code="sv", live=True).first()
    english = page.get_translation(en)
    root = Site.objects.get(is_default_site=True).root_url
    purged.clear()

    page.save_revision().publish()

    expected = lists_and_navigation(root, ["news"])
    expected |= page_urls(root, page.pk, page.get_url_parts()[2])
    expected |= page_urls(root, english.pk, english.get_url_parts()[2])
    assert api_urls(purged) == expected
    assert any(
        url.endswith("find/?path=/en/" + english.url_path.split("/", 2)[2]) for url in purged
    )


def test_a_publish_with_webhooks_and_a_cdn_reads_the_translations_once(db, purged, en):
    """The webhook's payload lists the public translations, the purge all of them: with
    both configured they share one read, so an endpoint adds no query of the page's
    translations to a publish the CDN purges anyway."""
    page = NewsPage.objects.filter(locale__language_code="sv", live=True).first()
    english = page.get_translation(en)
    key = str(page.translation_key).replace("-", "")

    def translation_reads() -> int:
        with CaptureQueriesContext(connection) as queries:
            page.save_revision().publish()
        return sum(
            1
            for q in queries.captured_queries
            if q["sql"].startswith("SELECT") and key in q["sql"].replace("-", "")
        )

    cdn_only = translation_reads()
    WebhookEndpoint.objects.create(
        name="Frontend", url="https://frontend.example/hook/", events=["page.published"]
    )
    purged.clear()
    assert translation_reads() == cdn_only

    (delivery,) = WebhookDelivery.objects.filter(
        event="page.published", object_key=f"page:{page.pk}"
    )
    assert [t["id"] for t in delivery.payload["translations"]] == [english.pk]
    root = Site.objects.get(is_default_site=True).root_url
    assert page_urls(root, english.pk, english.get_url_parts()[2]) <= api_urls(purged)


def test_moving_a_page_purges_the_old_and_the_new_path(network, purged, sv):
    index = network.news_index
    page = NewsPage.objects.filter(locale=sv, live=True, translation_key__isnull=False).first()
    old_path = page.get_url_parts()[2]
    other_parent = page.get_parent().get_parent()  # not a valid parent; the API cares not
    new_index = NewsIndexPage(title="Arkiv", slug="arkiv", locale=sv)
    other_parent.add_child(instance=new_index)
    new_index.save_revision().publish()
    purged.clear()

    page.move(new_index, pos="last-child")
    page.refresh_from_db()

    finds = {url for url in api_urls(purged) if "find/" in url}
    assert f"find/?path={quote(old_path, safe='')}" in " ".join(finds)
    assert f"find/?path={quote(page.get_url_parts()[2], safe='')}" in " ".join(finds)
    assert index.pk != new_index.pk


def test_publishing_an_organisation_purges_its_lists_and_the_pages_showing_it(db, purged, en):
    linked = NewsPageOrganisation.objects.filter(page__live=True).values("organisation")
    organisation = Organisation.objects.filter(pk__in=linked, live=True).first()
    english = organisation.get_translation(en)
    root = Site.objects.get(is_default_site=True).root_url
    purged.clear()

    organisation.save_revision().publish()

    urls = api_urls(purged)
    for code in ("", "?locale=sv", "?locale=en"):
        assert f"{root}{API}organisations/{code}" in urls
    pages = NewsPage.objects.live().filter(
        organisation_links__organisation__in=[organisation, english]
    )
    assert pages.exists()
    for page in pages:
        assert page_urls(root, page.pk, page.get_url_parts()[2]) <= urls
    assert f"{root}{API}pages/?type=news" in urls
    assert not any("contact-sidebars" in url or "goals" in url for url in urls)


def test_nothing_is_purged_without_a_frontend_cache(db):
    PURGED.clear()
    page = NewsPage.objects.filter(live=True).first()
    page.save_revision().publish()
    assert list(PURGED) == []
    assert not PendingPurge.objects.exists()
