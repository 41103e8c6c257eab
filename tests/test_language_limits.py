"""Translators stay in their languages, and editors in theirs: every admin path that
creates, changes, publishes, copies or moves a page (or a snippet) in a language, tried
through the real admin URLs by a user limited to other languages.

Each restricted role comes in two forms: the setup command's group, whose page rights
sit on its own language's tree ("tree"), and a group with page rights on Wagtail's root,
as Wagtail's Moderators have, and one language ticked ("root"). The first shows the
paths wagtail-localize opens around the page rights; the second shows that the ticked
language limits the page rights themselves. Superusers and Wagtail's Moderators, with no
language ticked, may do everything.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.models import TranslationSource as Source
from wagtail_localize.operations import translate_object

from kommunnatverk.models import GroupLocalePermission, GroupPage, NetworkPage, Organisation
from kommunnatverk.roles.setup import EDITOR_GROUP, TRANSLATOR_GROUP

from . import factories
from .test_roles import HOME, login, member, messages_of

pytestmark = pytest.mark.django_db

ROOT_PAGE_ACTIONS = ("add", "change", "publish", "lock", "unlock", "bulk_delete")


@pytest.fixture
def roles(db) -> None:
    call_command("kommunnatverk_setup_roles", verbosity=0)


def root_member(name: str, language_code: str):
    """A user whose group has page rights on the root, for every language's tree, and
    only ``language_code`` ticked under Content languages."""
    group = Group.objects.create(name=f"Moderatorer ({language_code})")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "submit_translation"])
    )
    root = Page.get_first_root_node()
    for action in ROOT_PAGE_ACTIONS:
        GroupPagePermission.objects.create(
            group=group,
            page=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )
    GroupLocalePermission.objects.create(
        group=group, locale=Locale.objects.get(language_code=language_code)
    )
    return member(name, group.name)


@pytest.fixture(params=["tree", "root"])
def translator(request, roles):
    if request.param == "tree":
        return member("oversattare", TRANSLATOR_GROUP)
    return root_member("oversattare", "en")


@pytest.fixture(params=["tree", "root"])
def editor(request, roles):
    if request.param == "tree":
        return member("redaktor", EDITOR_GROUP)
    return root_member("redaktor", "sv")


@pytest.fixture(params=["admin", "moderator"])
def unrestricted(request, roles):
    """A superuser, or a member of Wagtail's Moderators (page rights on the root, no
    language ticked) who may also submit translations."""
    if request.param == "admin":
        return get_user_model().objects.create_superuser("admin", "a@example.org", "secret")
    assert GroupPagePermission.objects.filter(group__name="Moderators", page__depth=1).exists()
    user = member("moderator", "Moderators")
    user.user_permissions.add(Permission.objects.get(codename="submit_translation"))
    return user


@pytest.fixture
def german(db) -> Locale:
    return Locale.objects.create(language_code="de")


@pytest.fixture
def run_commit_callbacks(django_capture_on_commit_callbacks):
    """Publishing waits for the commit: run those callbacks, so what would go live does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def english(obj):
    return obj.get_translation(Locale.objects.get(language_code="en"))


def refused(response) -> bool:
    """Wagtail's answer to a missing right: back to the dashboard, or a 403."""
    if response.status_code == 302:
        return response.url == HOME
    return response.status_code == 403


def page_form(title: str, slug: str, action: str = "action-publish") -> dict:
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "Ingress",
            "purpose": rich_text("<p>Syfte</p>"),
            "participants": "",
            "meeting_forms": "",
            "body": streamfield([]),
            "goal_links": inline_formset([]),
            "member_links": inline_formset([]),
            "comments": inline_formset([]),
            "contact_sidebar": "",
        }
    )
    data[action] = action
    return data


def group_page(parent: Page, title: str, slug: str, **kwargs) -> GroupPage:
    return factories.GroupPageFactory(
        parent=parent, title=title, slug=slug, intro="Ingress", **kwargs
    )


def submit_url(page: Page) -> str:
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def update_url(obj) -> str:
    source = Source.objects.get(object_id=obj.translation_key, locale=obj.locale)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def page_state(*pages: Page) -> list:
    """What a refusal must leave as it was: each page's place, language, content and state."""
    return [
        Page.objects.filter(pk=page.pk)
        .values_list(
            "path", "locale_id", "title", "slug", "live", "alias_of_id", "latest_revision_id"
        )
        .first()
        for page in pages
    ]


@pytest.fixture
def english_page(network, en) -> GroupPage:
    """A live English page of the translator's own, with no Swedish version yet."""
    return group_page(english(network.page), "Translators' group", "translators-group")


@pytest.fixture
def swedish_page(network) -> GroupPage:
    """A live Swedish page with no English version yet."""
    return group_page(network.page, "Ny arbetsgrupp", "ny-arbetsgrupp")


@pytest.fixture
def second_network(roles, network) -> NetworkPage:
    """A second Swedish network: a tree of its own, which the setup command is run again
    for, as docs/how-to/roles.md says to."""
    page = factories.network("andra-natverket", title="Andra nätverket")
    call_command("kommunnatverk_setup_roles", verbosity=0)
    return page


# Submitting a page for translation -----------------------------------------------------


def test_translator_cannot_publish_a_swedish_page_by_submitting_and_syncing(
    client, translator, network, sv, en, run_commit_callbacks
):
    """The issue's attack: the translator creates an English page, submits it into
    Swedish and syncs it with Publish immediately."""
    login(client, translator)
    parent = english(network.page)
    add = reverse("wagtailadmin_pages:add", args=["kommunnatverk", "grouppage", parent.pk])
    assert client.post(add, page_form("Translators' group", "translators-group")).status_code == 302
    page = GroupPage.objects.get(slug="translators-group", locale=en)
    assert page.live

    # Sending their own text out to the Swedish editors starts a Swedish draft.
    with run_commit_callbacks():
        response = client.post(submit_url(page), {"locales": [sv.pk]})
    assert response.status_code == 302 and not refused(response), messages_of(response)
    swedish = page.get_translation(sv)
    assert not swedish.live
    before = page_state(swedish)

    with run_commit_callbacks():
        response = client.post(update_url(page), {"publish_translations": "on"})
    assert refused(response)
    assert any("Svenska" in text for text in messages_of(response)), messages_of(response)
    assert page_state(swedish) == before
    assert not Page.objects.get(pk=swedish.pk).live


@override_settings(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=True)
def test_translator_cannot_submit_a_live_page_into_swedish_where_it_goes_live_at_once(
    client, translator, english_page, sv, run_commit_callbacks
):
    # wagtail-localize's default: the translation of a live page is published at once.
    with run_commit_callbacks():
        response = login(client, translator).post(submit_url(english_page), {"locales": [sv.pk]})
    assert refused(response)
    assert any("publicera" in text and "Svenska" in text for text in messages_of(response))
    assert english_page.get_translation_or_none(sv) is None
    assert not Translation.objects.filter(
        target_locale=sv, source__object_id=english_page.translation_key
    ).exists()


def test_translator_cannot_submit_into_swedish_over_a_swedish_alias(
    client, translator, english_page, sv, run_commit_callbacks
):
    # The alias is live; becoming the translation rewrites its live row.
    alias = english_page.copy_for_translation(sv, alias=True)
    before = page_state(alias)
    with run_commit_callbacks():
        response = login(client, translator).post(submit_url(english_page), {"locales": [sv.pk]})
    assert refused(response)
    assert page_state(alias) == before
    assert Page.objects.get(pk=alias.pk).alias_of_id == english_page.pk


def test_translator_cannot_submit_into_swedish_where_a_live_parent_is_missing(
    client, translator, en, sv, run_commit_callbacks
):
    # wagtail-localize would make the English network as a live Swedish alias.
    network = factories.NetworkPageFactory(
        title="English network", slug="english-network", locale=en
    )
    page = group_page(network, "English group", "english-group", publish=False)
    pages_before = Page.objects.count()
    with run_commit_callbacks():
        response = login(client, translator).post(submit_url(page), {"locales": [sv.pk]})
    assert refused(response)
    assert Page.objects.count() == pages_before
    assert network.get_translation_or_none(sv) is None


def test_editor_cannot_submit_an_english_page_into_german(
    client, editor, network, german, run_commit_callbacks
):
    english_group = english(GroupPage.objects.filter(locale__language_code="sv").first())
    with run_commit_callbacks():
        response = login(client, editor).post(submit_url(english_group), {"locales": [german.pk]})
    assert refused(response)
    assert english_group.get_translation_or_none(german) is None


def test_translator_takes_a_swedish_page_into_english(
    client, translator, swedish_page, en, run_commit_callbacks
):
    with run_commit_callbacks():
        response = login(client, translator).post(submit_url(swedish_page), {"locales": [en.pk]})
    assert response.status_code == 302 and not refused(response), messages_of(response)
    assert not swedish_page.get_translation(en).live


def test_editor_sends_a_swedish_page_out_into_english_as_a_draft(
    client, editor, swedish_page, en, run_commit_callbacks
):
    with run_commit_callbacks():
        response = login(client, editor).post(submit_url(swedish_page), {"locales": [en.pk]})
    assert response.status_code == 302 and not refused(response), messages_of(response)
    assert not swedish_page.get_translation(en).live


def test_editor_cannot_send_a_page_out_where_its_parent_would_go_live(
    client, editor, swedish_page, german, run_commit_callbacks
):
    # The Swedish network has no German version: it would be made as a live German alias.
    pages_before = Page.objects.count()
    with run_commit_callbacks():
        response = login(client, editor).post(submit_url(swedish_page), {"locales": [german.pk]})
    assert refused(response)
    assert Page.objects.count() == pages_before


@override_settings(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=True)
def test_unrestricted_users_submit_into_any_language(
    client, unrestricted, english_page, sv, run_commit_callbacks
):
    alias = english_page.copy_for_translation(sv, alias=True)
    with run_commit_callbacks():
        response = login(client, unrestricted).post(submit_url(english_page), {"locales": [sv.pk]})
    assert response.status_code == 302 and not refused(response), messages_of(response)
    swedish = Page.objects.get(pk=alias.pk)
    assert swedish.alias_of_id is None and swedish.live


def tag_submit_url(tag) -> str:
    return reverse(
        "wagtail_localize:submit_snippet_translation", args=["kommunnatverk", "networktag", tag.pk]
    )


def test_editor_cannot_send_a_swedish_tag_out_to_english(client, editor, en):
    # Tags have no drafts: the English tag would be on the site as soon as it is saved.
    tag = factories.NetworkTagFactory(name="cirkulär ekonomi")
    response = login(client, editor).post(tag_submit_url(tag), {"locales": [en.pk]})
    assert refused(response)
    assert any("Engelska" in text for text in messages_of(response)), messages_of(response)
    assert tag.get_translation_or_none(en) is None


def test_translator_takes_a_swedish_tag_into_english(client, translator, en):
    tag = factories.NetworkTagFactory(name="cirkulär ekonomi")
    response = login(client, translator).post(tag_submit_url(tag), {"locales": [en.pk]})
    assert response.status_code == 302 and not refused(response), messages_of(response)
    assert tag.get_translation(en).locale == en


# Syncing translated pages --------------------------------------------------------------


@pytest.fixture
def changed_swedish_group(network, en):
    """A Swedish group page with a new title, published after its English translation."""
    page = GroupPage.objects.filter(locale__language_code="sv").first()
    page.title = "Omdöpt grupp"
    page.save_revision().publish()
    return page


def test_editor_cannot_publish_english_pages_by_syncing(
    client, editor, changed_swedish_group, run_commit_callbacks
):
    english_group = english(changed_swedish_group)
    before = page_state(english_group)
    login(client, editor)
    with run_commit_callbacks():
        response = client.post(update_url(changed_swedish_group), {"publish_translations": "on"})
    assert refused(response)
    assert any("Engelska" in text for text in messages_of(response)), messages_of(response)
    assert page_state(english_group) == before

    # Syncing without publishing leaves the translators a draft to work on.
    with run_commit_callbacks():
        response = client.post(update_url(changed_swedish_group))
    assert response.status_code == 302 and not refused(response)
    assert Page.objects.get(pk=english_group.pk).live


def test_translator_cannot_sync_a_swedish_page_into_german(
    client, translator, changed_swedish_group, german, run_commit_callbacks
):
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "secret")
    translate_object(changed_swedish_group, [german], user=admin)
    source = Source.objects.get(
        object_id=changed_swedish_group.translation_key, locale=changed_swedish_group.locale
    )
    synced_at = source.last_updated_at
    with run_commit_callbacks():
        response = login(client, translator).post(update_url(changed_swedish_group))
    assert refused(response)
    source.refresh_from_db()
    assert source.last_updated_at == synced_at


def test_unrestricted_users_sync_and_publish(
    client, unrestricted, changed_swedish_group, run_commit_callbacks
):
    with run_commit_callbacks():
        response = login(client, unrestricted).post(
            update_url(changed_swedish_group), {"publish_translations": "on"}
        )
    assert response.status_code == 302 and not refused(response), messages_of(response)
    assert english(changed_swedish_group).title == "Omdöpt grupp"


# Publishing from the translation editor ------------------------------------------------


def draft_translation(page: Page, locale: Locale) -> Page:
    """A draft translation of ``page``, as an editor's or translator's submit makes it."""
    admin = get_user_model().objects.create_superuser("starter", "s@example.org", "secret")
    translate_object(page, [locale], user=admin)
    target = page.get_translation(locale)
    assert not target.live
    return target


def test_translator_cannot_publish_a_swedish_translation_in_the_translation_editor(
    client, translator, english_page, sv, run_commit_callbacks
):
    swedish = draft_translation(english_page, sv)
    before = page_state(swedish)
    url = reverse("wagtailadmin_pages:edit", args=[swedish.pk])
    with run_commit_callbacks():
        response = login(client, translator).post(url, {"action": "publish"})
    assert refused(response)
    assert page_state(swedish) == before


def test_editor_cannot_publish_an_english_translation_in_the_translation_editor(
    client, editor, swedish_page, en, run_commit_callbacks
):
    english_version = draft_translation(swedish_page, en)
    before = page_state(english_version)
    url = reverse("wagtailadmin_pages:edit", args=[english_version.pk])
    with run_commit_callbacks():
        response = login(client, editor).post(url, {"action": "publish"})
    assert refused(response)
    assert page_state(english_version) == before


def test_editor_cannot_save_strings_of_an_english_page_translation(
    client, editor, swedish_page, en
):
    english_version = draft_translation(swedish_page, en)
    before = page_state(english_version)
    translation = Translation.objects.get(
        source__object_id=swedish_page.translation_key, target_locale=en
    )
    segment = StringSegment.objects.get(source=translation.source, string__data="Ny arbetsgrupp")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = login(client, editor).put(
        url, "value=Ändrad", content_type="application/x-www-form-urlencoded"
    )
    assert refused(response)
    assert not StringTranslation.objects.filter(translation_of=segment.string, locale=en).exists()
    assert page_state(english_version) == before


def test_translator_publishes_an_english_translation_in_the_translation_editor(
    client, translator, swedish_page, en, run_commit_callbacks
):
    english_version = draft_translation(swedish_page, en)
    url = reverse("wagtailadmin_pages:edit", args=[english_version.pk])
    with run_commit_callbacks():
        response = login(client, translator).post(url, {"action": "publish"})
    assert not refused(response), messages_of(response)
    assert Page.objects.get(pk=english_version.pk).live


# Converting aliases --------------------------------------------------------------------


def test_translator_cannot_convert_a_swedish_alias_into_a_page(
    client, translator, english_page, sv
):
    alias = english_page.copy_for_translation(sv, alias=True)
    before = page_state(alias)
    url = reverse("wagtailadmin_pages:convert_alias", args=[alias.pk])
    response = login(client, translator).post(url)
    assert refused(response)
    assert page_state(alias) == before


def test_editor_cannot_turn_an_english_translation_back_into_an_alias(
    client, editor, network, run_commit_callbacks
):
    # Converting copies the Swedish content and live state into the English page.
    english_group = english(GroupPage.objects.filter(locale__language_code="sv").first())
    before = page_state(english_group)
    url = reverse("wagtail_localize:convert_to_alias", args=[english_group.pk])
    with run_commit_callbacks():
        response = login(client, editor).post(url)
    assert refused(response)
    assert page_state(english_group) == before


def test_translator_turns_an_english_translation_back_into_an_alias(
    client, translator, network, run_commit_callbacks
):
    swedish_group = GroupPage.objects.filter(locale__language_code="sv").first()
    english_group = english(swedish_group)
    url = reverse("wagtail_localize:convert_to_alias", args=[english_group.pk])
    with run_commit_callbacks():
        response = login(client, translator).post(url)
    assert not refused(response), messages_of(response)
    assert Page.objects.get(pk=english_group.pk).alias_of_id == swedish_group.pk


def test_translator_converts_an_english_alias_into_a_page(client, translator, swedish_page, en):
    alias = swedish_page.copy_for_translation(en, alias=True)
    url = reverse("wagtailadmin_pages:convert_alias", args=[alias.pk])
    response = login(client, translator).post(url)
    assert not refused(response), messages_of(response)
    assert Page.objects.get(pk=alias.pk).alias_of_id is None


# Restoring a revision ------------------------------------------------------------------


def renamed(page: Page, title: str):
    """Publish a new title on ``page``; returns the revision from before."""
    earlier = page.latest_revision
    page.title = title
    page.save_revision().publish()
    return earlier


def revert_url(page: Page, revision) -> str:
    return reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk])


def test_translator_cannot_restore_a_revision_of_a_swedish_page(client, translator, swedish_page):
    earlier = renamed(swedish_page, "Omdöpt arbetsgrupp")
    before = page_state(swedish_page)
    response = login(client, translator).post(
        revert_url(swedish_page, earlier), page_form("Ny arbetsgrupp", "ny-arbetsgrupp")
    )
    assert refused(response)
    assert page_state(swedish_page) == before


def test_editor_cannot_restore_a_revision_of_an_english_page(client, editor, english_page):
    earlier = renamed(english_page, "Renamed group")
    before = page_state(english_page)
    response = login(client, editor).post(
        revert_url(english_page, earlier), page_form("Translators' group", "translators-group")
    )
    assert refused(response)
    assert page_state(english_page) == before


def test_editor_restores_a_revision_of_a_swedish_page(client, editor, swedish_page):
    earlier = renamed(swedish_page, "Omdöpt arbetsgrupp")
    response = login(client, editor).post(
        revert_url(swedish_page, earlier), page_form("Ny arbetsgrupp", "ny-arbetsgrupp")
    )
    assert not refused(response), messages_of(response)
    assert Page.objects.get(pk=swedish_page.pk).title == "Ny arbetsgrupp"


def test_translator_cannot_restore_a_revision_of_a_swedish_snippet(client, roles):
    translator = member("oversattare", TRANSLATOR_GROUP)
    org = factories.organisation("Testkommun")
    earlier = org.latest_revision
    org.name = "Omdöpt kommun"
    org.save_revision().publish()
    url = reverse(
        Organisation.snippet_viewset.get_url_name("revisions_revert"), args=[org.pk, earlier.pk]
    )
    response = login(client, translator).post(
        url, {"name": "Testkommun", "kind": "municipality", "action-publish": "action-publish"}
    )
    assert refused(response)
    assert Organisation.objects.get(pk=org.pk).name == "Omdöpt kommun"


# Copying -------------------------------------------------------------------------------


def copy_form(page: Page, parent: Page, **extra) -> dict:
    return {
        "new_title": page.title,
        "new_slug": f"{page.slug}-kopia",
        "new_parent_page": parent.pk,
        "publish_copies": "on",
        **extra,
    }


def copies_of(page: Page) -> int:
    return Page.objects.filter(slug=f"{page.slug}-kopia").count()


@pytest.mark.parametrize("as_alias", [False, True], ids=["copy", "alias"])
def test_translator_cannot_copy_an_english_page_into_the_swedish_tree(
    client, translator, english_page, network, as_alias
):
    extra = {"alias": "on"} if as_alias else {}
    url = reverse("wagtailadmin_pages:copy", args=[english_page.pk])
    response = login(client, translator).post(url, copy_form(english_page, network.page, **extra))
    assert refused(response)
    assert copies_of(english_page) == 0
    assert not Page.objects.filter(alias_of=english_page).exists()


def test_editor_cannot_copy_a_swedish_page_into_the_english_tree(
    client, editor, swedish_page, network
):
    url = reverse("wagtailadmin_pages:copy", args=[swedish_page.pk])
    response = login(client, editor).post(url, copy_form(swedish_page, english(network.page)))
    assert refused(response)
    assert copies_of(swedish_page) == 0


def test_translator_cannot_copy_into_the_swedish_tree_through_the_admin_api(
    client, translator, english_page, network
):
    url = reverse("wagtailadmin_api:pages:action", args=[english_page.pk, "copy"])
    body = {"destination_page_id": network.page.pk, "slug": f"{english_page.slug}-kopia"}
    response = login(client, translator).post(
        url, json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 403, response.content
    assert copies_of(english_page) == 0


def test_unrestricted_users_copy_into_another_language(client, unrestricted, english_page, network):
    url = reverse("wagtailadmin_pages:copy", args=[english_page.pk])
    response = login(client, unrestricted).post(url, copy_form(english_page, network.page))
    assert not refused(response), messages_of(response)
    assert copies_of(english_page) == 1


# Moving --------------------------------------------------------------------------------


def move_url(page: Page, destination: Page) -> str:
    return reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])


def test_translator_cannot_move_an_english_page_into_the_swedish_tree(
    client, translator, english_page, network
):
    before = page_state(english_page)
    response = login(client, translator).post(move_url(english_page, network.page))
    assert refused(response)
    assert page_state(english_page) == before


def test_editor_cannot_move_a_swedish_page_into_the_english_tree(
    client, editor, swedish_page, network
):
    before = page_state(swedish_page)
    response = login(client, editor).post(move_url(swedish_page, english(network.page)))
    assert refused(response)
    assert page_state(swedish_page) == before


def test_translator_cannot_bulk_move_an_english_page_into_the_swedish_tree(
    client, translator, english_page, network
):
    before = page_state(english_page)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])
    response = login(client, translator).post(
        f"{url}?id={english_page.pk}", {"chooser": network.page.pk}
    )
    assert page_state(english_page) == before, response


def test_translator_cannot_move_a_swedish_page_within_the_swedish_trees(
    client, translator, swedish_page, second_network
):
    before = page_state(swedish_page)
    response = login(client, translator).post(move_url(swedish_page, second_network))
    assert refused(response)
    assert page_state(swedish_page) == before


def test_unrestricted_users_move_a_swedish_page_to_another_swedish_network(
    client, unrestricted, swedish_page, second_network
):
    response = login(client, unrestricted).post(move_url(swedish_page, second_network))
    assert not refused(response), messages_of(response)
    assert Page.objects.get(pk=swedish_page.pk).get_parent().pk == second_network.pk


# Creating, unpublishing, deleting ------------------------------------------------------


def test_translator_cannot_create_a_page_in_the_swedish_tree(client, translator, network, sv):
    login(client, translator)
    add = reverse("wagtailadmin_pages:add", args=["kommunnatverk", "grouppage", network.page.pk])
    response = client.post(add, page_form("Smuggelgrupp", "smuggelgrupp"))
    assert refused(response)
    at_root = reverse(
        "wagtailadmin_pages:add",
        args=["kommunnatverk", "networkpage", Page.get_first_root_node().pk],
    )
    response = client.post(at_root + "?locale=sv", {"title": "Smuggelnätverk", "slug": "smuggel"})
    assert refused(response)
    assert not Page.objects.filter(slug__startswith="smuggel").exists()


def test_translator_cannot_unpublish_or_delete_a_swedish_page(client, translator, swedish_page):
    before = page_state(swedish_page)
    login(client, translator)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[swedish_page.pk]))
    assert refused(response)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[swedish_page.pk]))
    assert refused(response)
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
    client.post(f"{bulk}?id={swedish_page.pk}")
    assert page_state(swedish_page) == before


# A page whose language is not its tree's ----------------------------------------------


@pytest.fixture
def english_page_in_swedish_tree(english_page, second_network) -> GroupPage:
    """An English page that an administrator moved into a Swedish tree: the page rights
    on that tree cover it, its language is still English."""
    english_page.move(second_network, pos="last-child")
    page = GroupPage.objects.get(pk=english_page.pk)
    assert page.locale.language_code == "en" and page.get_parent().pk == second_network.pk
    return page


def test_editor_cannot_change_an_english_page_inside_a_swedish_tree(
    client, editor, english_page_in_swedish_tree, network
):
    page = english_page_in_swedish_tree
    before = page_state(page)
    login(client, editor)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = client.get(edit)
    assert refused(response)
    assert any("Engelska" in text for text in messages_of(response)), messages_of(response)
    assert refused(client.post(edit, page_form("Översatt", page.slug)))
    assert refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk])))
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[page.pk])))
    copy = reverse("wagtailadmin_pages:copy", args=[page.pk])
    assert refused(client.post(copy, copy_form(page, network.page)))
    assert refused(client.post(move_url(page, network.page)))
    assert page_state(page) == before
    assert copies_of(page) == 0


def test_editor_cannot_create_an_english_page_inside_a_swedish_tree(
    client, editor, second_network, en
):
    english_index = factories.ProjectIndexPageFactory(
        parent=second_network, slug="projects", locale=en
    )
    add = reverse("wagtailadmin_pages:add", args=["kommunnatverk", "projectpage", english_index.pk])
    response = login(client, editor).post(add, {"title": "Nytt projekt", "slug": "nytt"})
    assert refused(response)
    assert any("Engelska" in text for text in messages_of(response)), messages_of(response)
    assert not english_index.get_children().exists()
