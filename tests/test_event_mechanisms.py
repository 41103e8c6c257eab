"""Meetings take part in every mechanism the other page types do: webhooks, CDN purges
and surrogate keys, translation status and the editor and translator roles."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from kommunnatverk.changes import purge_queue
from kommunnatverk.localisation.status import compute
from kommunnatverk.models import EventPage, PendingPurge, WebhookDelivery, WebhookEndpoint
from kommunnatverk.roles.setup import EDITOR_GROUP, TRANSLATOR_GROUP

from .meetings import build_meetings
from .network import ENVIRONMENT_GROUP
from .test_roles import member
from .test_surrogate_keys import BACKEND, SENT


@pytest.fixture
def meetings(network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return build_meetings(network)


def test_publishing_a_meeting_sends_its_webhook_with_its_type(meetings):
    WebhookEndpoint.objects.create(
        name="Frontend", url="https://frontend.example.org/hook", secret="s" * 32,
        events=["page.published"],
    )  # fmt: skip
    series = meetings["series"]
    series.save_revision().publish()
    delivery = WebhookDelivery.objects.get(object_key=f"page:{series.pk}")
    assert delivery.event == "page.published"
    assert (delivery.payload["type"], delivery.payload["id"]) == ("event", series.pk)


def test_a_meeting_is_purged_with_its_group_index_and_lists_and_names_them(
    network, meetings, client
):
    series = meetings["series"]
    group = network.groups[ENVIRONMENT_GROUP]
    site = Site.objects.get(is_default_site=True).pk
    with override_settings(WAGTAILFRONTENDCACHE=BACKEND):
        PendingPurge.objects.all().delete()
        series.save_revision().publish()
        SENT.clear()
        for pk in PendingPurge.objects.values_list("pk", flat=True):
            assert purge_queue.send(pk)
        purged = set().union(*SENT)
        # its group lists its upcoming meetings; the index and the network page list them
        assert {f"kn-p{series.pk}", f"kn-p{group.pk}", f"kn-p{series.get_parent().pk}"} <= purged
        assert {f"kn-s{site}-pages-event-sv", f"kn-s{site}-pages-event-en"} <= purged
        response = client.get(f"/api/network/pages/{series.pk}/")
        assert f"kn-p{series.pk}" in response["Surrogate-Key"].split()
        listing = client.get("/api/network/pages/?type=event&when=upcoming")
        assert f"kn-s{site}-pages-event-sv" in listing["Surrogate-Key"].split()
        calendar = client.get("/feeds/events.ics")
        assert f"kn-s{site}-pages-sv" in calendar["Surrogate-Key"].split()


def test_meetings_count_in_the_translation_status(meetings):
    (english,) = compute(["en"]).locales
    missing = {item.source.pk for item in english.missing}
    assert meetings["cancelled"].pk in missing, "a public meeting not yet in English"
    assert meetings["series"].pk not in missing
    assert meetings["draft"].pk not in missing, "a draft is not public"


def test_editors_make_meetings_in_swedish_and_translators_translate_them(meetings, db):
    call_command("kommunnatverk_setup_roles", verbosity=0)
    editor, translator = member("redaktor", EDITOR_GROUP), member("oversattare", TRANSLATOR_GROUP)
    series = meetings["series"]
    english = EventPage.objects.get(
        translation_key=series.translation_key, locale__language_code="en"
    )
    assert series.get_parent().permissions_for_user(editor).can_add_subpage()
    assert series.permissions_for_user(editor).can_publish()
    assert not english.permissions_for_user(editor).can_edit()
    assert english.permissions_for_user(translator).can_publish()
    assert not series.permissions_for_user(translator).can_edit()
