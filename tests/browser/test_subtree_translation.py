"""A translator makes the whole English tree in one step: "Include subtree" (#773).

The demo's English tree is taken away, as in a site that has only just added English.
An administrator translates the Swedish network page with "Include subtree" in
wagtail-localize's form, as a `wagtail start` site is set up (new translations go live at
once), then every English page answers, and the page tree has no problems.
"""

import json
import re
import urllib.request

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Locale
from wagtail.models import Page as WagtailPage

from kommunnatverk.models import NetworkPage

from .conftest import log_in, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def swedish_only(demo, settings) -> NetworkPage:
    """The demo's Swedish network, its English tree deleted; wagtail-localize's default
    of publishing a new translation of a live page at once."""
    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True
    network = NetworkPage.objects.get(locale__language_code="sv")
    network.get_translation(Locale.objects.get(language_code="en")).delete()
    assert not WagtailPage.objects.filter(locale__language_code="en").exists()
    return network


@pytest.fixture
def administrator(demo):
    """Whoever adds English to a site: the translators' rights are on the English tree,
    which does not exist yet."""
    user = make_user("administrator", groups=[])
    user.is_superuser = True
    user.save()
    return user


def test_the_network_translated_with_its_subtree_answers_on_every_english_page(
    page: Page, live_server, swedish_only: NetworkPage, administrator
):
    base = live_server.url
    below = swedish_only.get_descendants().count()
    assert below > 5
    log_in(page, base, "administrator")

    page.goto(f"{base}/admin/pages/{swedish_only.pk}/edit/")
    page.locator("header").get_by_role("button", name="Handlingar").click()
    page.get_by_role("link", name="Översätt den här sidan").click()
    expect(page).to_have_url(re.compile(rf"/admin/localize/submit/page/{swedish_only.pk}/"))

    page.get_by_label("Engelska").check()
    page.get_by_label(f"Inkludera underträd ({below} sidor)").check()
    page.click("form[novalidate] input[type=submit]", timeout=60_000)
    expect(page.locator(".messages")).to_contain_text(
        "skickas för översättning till Engelska", timeout=60_000
    )

    en = Locale.objects.get(language_code="en")
    swedish = swedish_only.get_descendants(inclusive=True).order_by("path")
    english = [sv_page.get_translation(en) for sv_page in swedish]
    assert len(english) == below + 1 and all(en_page.live for en_page in english)
    assert not any(WagtailPage.find_problems())

    for en_page in english:
        response = page.goto(f"{base}{en_page.url}")
        assert response.status == 200, en_page.url
        expect(page.locator("html")).to_have_attribute("lang", "en")

    url = f"{base}/api/network/pages/?locale=en&fallback=none&limit=100"
    with urllib.request.urlopen(url) as response:  # noqa: S310 - the live server
        listed = {item["id"] for item in json.load(response)["items"]}
    assert listed >= {en_page.pk for en_page in english}
