"""``meta.translation_status``: each locale's translation state, on lists and details."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings
from wagtail_localize.models import Translation, TranslationSource

from kommunnatverk.localisation import translate_with_strings

from .. import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(api):
    """The delivery API, asking for ``meta.translation_status``, which is opt-in."""

    def get(path: str, **headers):
        if path.startswith("pages/"):
            path += ("&" if "?" in path else "?") + "translation_status=true"
        return api(path, **headers)

    return get


@pytest.fixture
def plain_api(client):
    def get(path: str):
        response = client.get(f"/api/network/{path}")
        response.data = response.json()
        return response

    return get


def status(state: str) -> dict:
    return {"source_locale": "sv", "locales": {"en": state}}


def states(translation_status: dict) -> dict:
    """The states alone, without each locale's progress."""
    return {key: translation_status[key] for key in ("source_locale", "locales")}


def status_at(api, path: str) -> dict:
    return states(api(path).data["meta"]["translation_status"])


def item(api, path: str, page_id: int) -> dict:
    response = api(path)
    assert response.status_code == 200
    return next(i for i in response.data["items"] if i["id"] == page_id)


def test_a_translated_page_and_its_translation_say_up_to_date(api, network, en):
    page = network.water_day
    english = page.get_translation(en)
    assert status_at(api, f"pages/{page.pk}/") == status("up_to_date")
    assert status_at(api, f"pages/{english.pk}/") == status("up_to_date")
    listed = item(api, "pages/?type=news&locale=en", english.pk)
    assert states(listed["meta"]["translation_status"]) == status("up_to_date")
    progress = listed["meta"]["translation_status"]["progress"]["en"]
    assert progress["translated"] == progress["segments"] > 0
    assert progress["percent"] == 100.0


def test_a_swedish_publish_shows_outdated_at_once_and_a_sync_clears_it(
    api, network, en, django_capture_on_commit_callbacks
):
    page = network.water_day
    english = page.get_translation(en)
    before = api(f"pages/{english.pk}/")  # cached by ETag and in the response cache
    assert states(before.data["meta"]["translation_status"]) == status("up_to_date")

    page.title = "Internationella vattendagen"
    page.save_revision().publish()

    again = api(f"pages/{english.pk}/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert again.status_code == 200
    assert states(again.data["meta"]["translation_status"]) == status("outdated")
    assert status_at(api, f"pages/{page.pk}/") == status("outdated")
    found = api("pages/find/?path=/en/news/world-water-day-22-march/")
    assert states(found.data["meta"]["translation_status"]) == status("outdated")
    for path, pk in (("pages/?type=news&locale=en", english.pk), ("pages/?locale=sv", page.pk)):
        assert states(item(api, path, pk)["meta"]["translation_status"]) == status("outdated")

    # "Sync translated pages" with "Publish immediately".
    source = TranslationSource.objects.get_for_instance(page)
    with django_capture_on_commit_callbacks(execute=True):  # publishing waits for the commit
        source.update_from_db()
        Translation.objects.get(source=source, target_locale=en).save_target(publish=True)
    # The new Swedish title is live on the English page until it is translated.
    assert status_at(api, f"pages/{english.pk}/") == status("outdated")
    progress = api(f"pages/{english.pk}/").data["meta"]["translation_status"]["progress"]["en"]
    assert progress["translated"] == progress["segments"] - 1
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_strings(page, en, {"Internationella vattendagen": "World Water Day"})
    assert status_at(api, f"pages/{english.pk}/") == status("up_to_date")


def test_a_sync_alone_changes_the_etag(api, network):
    """Syncing without publishing saves no page, but the status it changes is shown."""
    page = network.water_day
    before = api(f"pages/{page.pk}/")
    TranslationSource.objects.get_for_instance(page).update_from_db()
    after = api(f"pages/{page.pk}/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert states(after.data["meta"]["translation_status"]) == status("outdated")


def test_an_untranslated_page_is_missing_in_lists_and_detail(api, network):
    page = factories.news(network.news_index, "bara-pa-svenska", title="Bara på svenska")
    assert status_at(api, f"pages/{page.pk}/") == status("missing")
    listed = item(api, "pages/?type=news&locale=en&fallback=sv", page.pk)
    assert listed["meta"]["fallback"] is True
    assert states(listed["meta"]["translation_status"]) == status("missing")
    assert listed["meta"]["translation_status"]["progress"] == {}  # never submitted


def test_a_page_without_a_swedish_original_has_no_status(api, network):
    index = network.english(network.news_index)
    page = factories.news(index, "english-only", title="Only in English")
    assert api(f"pages/{page.pk}/").data["meta"]["translation_status"] is None
    assert item(api, "pages/?type=news&locale=en", page.pk)["meta"]["translation_status"] is None


def test_every_listed_item_has_the_state_of_its_own_translations(api, network):
    outdated = network.water_day
    outdated.save_revision().publish()
    items = api("pages/?locale=sv&limit=100").data["items"]
    states = {i["id"]: i["meta"]["translation_status"]["locales"]["en"] for i in items}
    assert states.pop(outdated.pk) == "outdated"
    assert set(states.values()) == {"up_to_date"}


@override_settings(KOMMUNNATVERK={"FRONTEND_URL": "https://frontend.example/preview?path={path}"})
def test_a_preview_shows_the_status_as_published(api, network):
    editor = get_user_model().objects.create_superuser("redaktor", "r@example.org", "lösenord")
    page = network.water_day
    page.title = "Utkast"  # an unsaved draft changes nothing a translator must do
    request = RequestFactory().get("/admin/")
    request.user = editor
    location = page.make_preview_request(original_request=request, preview_mode="")["Location"]
    token = parse_qs(urlsplit(location).query)["token"][0]
    data = api(f"preview/pages/{page.pk}/?token={token}").data
    assert data["title"] == "Utkast"
    assert states(data["meta"]["translation_status"]) == status("up_to_date")


def test_the_status_is_null_unless_asked_for(api, plain_api, network, en):
    page = network.water_day
    english = page.get_translation(en)
    asked = api(f"pages/{english.pk}/").data
    assert states(asked["meta"]["translation_status"]) == status("up_to_date")
    for path in (
        f"pages/{english.pk}/",
        f"pages/{page.pk}/?locale=en",
        "pages/find/?path=/en/news/world-water-day-22-march/",
        f"pages/{english.pk}/?translation_status=false",
    ):
        data = plain_api(path).data
        assert data["meta"]["translation_status"] is None, path
        assert data["translations"] == asked["translations"], path
    items = plain_api("pages/?type=news&locale=en").data["items"]
    assert english.pk in [i["id"] for i in items]
    assert {i["meta"]["translation_status"] for i in items} == {None}
