"""No unsafe URL reaches a visitor: refused where it enters, dropped where it leaves.

The attack, as it was made: a translator used wagtail-localize's URL override on a link
block, ``PUT /admin/localize/translate/<id>/overrides/<segment>/edit/`` with
``value=javascript:alert(document.domain)//``, which answered 201, and published. The
English page linked to it and the API sent it to every frontend; the site shares its
origin with ``/admin/``.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.blocks import StructBlockValidationError
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation
from wagtail_localize.operations import translate_object

from kommunnatverk.blocks import LinkBlock
from kommunnatverk.models import (
    Goal,
    NewsIndexPage,
    NewsPage,
    NewsPageGoal,
    NewsPageOrganisation,
    Organisation,
)
from kommunnatverk.validators import is_safe_url, url_scheme

from . import factories

pytestmark = pytest.mark.django_db

ATTACK = "javascript:alert(document.domain)//"


@pytest.mark.parametrize(
    "value",
    [ATTACK, " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<b>", "vbscript:x"],
)
def test_script_addresses_are_unsafe_however_written(value):
    assert not is_safe_url(value)


@pytest.mark.parametrize(
    "value",
    ["https://example.org/", "http://x.se", "mailto:a@b.se", "tel:+4610", "/sv/", "#top", "a/b"],
)
def test_web_mail_phone_and_relative_addresses_are_safe(value):
    assert is_safe_url(value)
    assert url_scheme(value) in {None, "http", "https", "mailto", "tel"}


def test_a_link_block_refuses_a_script_address():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"text": "Klicka", "page": None, "url": ATTACK}))
    assert "url" in error.value.block_errors


@pytest.fixture
def news_with_a_link(sv, en, django_capture_on_commit_callbacks):
    index = NewsIndexPage.objects.get(locale=sv)
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.news(
            index,
            "med-lank",
            title="Med länk",
            body=json.dumps([{"type": "link", "value": {"text": "Läs", "url": "https://x.se/"}}]),
        )
        translate_object(page, [en])
    return page, Translation.objects.get(source__object_id=page.translation_key, target_locale=en)


def test_the_override_endpoint_refuses_a_script_address(news_with_a_link):
    page, translation = news_with_a_link
    segment = OverridableSegment.objects.get(source=translation.source)
    admin = get_user_model().objects.create_superuser("admin-url", password="x")
    client = Client()
    client.force_login(admin)
    path = f"/admin/localize/translate/{translation.pk}/overrides/{segment.pk}/edit/"

    refused = client.put(path, f"value={ATTACK}", content_type="application/x-www-form-urlencoded")
    assert refused.status_code == 400
    assert "http" in refused.json()["value"][0]
    assert not SegmentOverride.objects.exists()

    accepted = client.put(
        path, "value=https://example.org/en/", content_type="application/x-www-form-urlencoded"
    )
    assert accepted.status_code == 201
    assert SegmentOverride.objects.get().data_json == json.dumps("https://example.org/en/")


def test_a_script_address_written_to_the_database_never_leaves(client, news_with_a_link, sv):
    """Past every form: the API sends no URL, the templates link to nothing."""
    page, _translation = news_with_a_link
    body = json.dumps([{"type": "link", "value": {"text": "Läs", "url": ATTACK}}])
    NewsPage.objects.filter(pk=page.pk).update(body=body)
    goal = Goal.objects.filter(locale=sv).first()
    Goal.objects.filter(pk=goal.pk).update(url=ATTACK)
    organisation = Organisation.objects.filter(locale=sv, live=True).first()
    Organisation.objects.filter(pk=organisation.pk).update(website=ATTACK)
    NewsPageGoal.objects.create(page=page, goal=goal, locale=sv)
    NewsPageOrganisation.objects.create(page=page, organisation=organisation, locale=sv)

    detail = client.get(f"/api/network/pages/{page.pk}/").json()
    assert detail["body"][0]["value"]["url"] is None
    assert detail["goals"][0]["url"] == ""
    assert detail["organisations"][0]["website"] == ""
    goals = client.get("/api/network/goals/").content.decode()
    organisations = client.get("/api/network/organisations/").content.decode()
    html = client.get(page.url).content.decode()
    for text in (json.dumps(detail), goals, organisations, html):
        assert "javascript:" not in text.lower()
