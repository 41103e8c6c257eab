"""Editor and translator roles: the setup command, page permissions per language tree, and
the language restriction on snippets, checked through the admin with real users."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from kommunnatverk.localisation import translate_with_strings
from kommunnatverk.models import GroupLocalePermission, GroupPage, Organisation
from kommunnatverk.roles.setup import EDITOR_GROUP, TRANSLATOR_GROUP

from . import factories

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")


@pytest.fixture
def roles(db) -> None:
    call_command("kommunnatverk_setup_roles", verbosity=0)


def member(name: str, group_name: str | None):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "secret")
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(roles):
    return member("redaktor", EDITOR_GROUP)


@pytest.fixture
def translator(roles):
    return member("oversattare", TRANSLATOR_GROUP)


def login(client, user):
    client.force_login(user)
    return client


def snippet_url(obj, view: str) -> str:
    return reverse(obj.snippet_viewset.get_url_name(view), args=[obj.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def english(obj):
    return obj.get_translation(Locale.objects.get(language_code="en"))


def role_state() -> list:
    groups = Group.objects.filter(name__in=[EDITOR_GROUP, TRANSLATOR_GROUP]).order_by("name")
    return [
        (
            group.name,
            sorted(group.permissions.values_list("codename", flat=True)),
            sorted(
                GroupPagePermission.objects.filter(group=group).values_list(
                    "page_id", "permission__codename"
                )
            ),
            sorted(
                GroupCollectionPermission.objects.filter(group=group).values_list(
                    "collection_id", "permission__codename"
                )
            ),
            sorted(
                GroupLocalePermission.objects.filter(group=group).values_list(
                    "locale__language_code", flat=True
                )
            ),
        )
        for group in groups
    ]


# The command ---------------------------------------------------------------------------


def test_setup_twice_gives_the_same_groups_and_permissions(capsys):
    call_command("kommunnatverk_setup_roles")
    first = role_state()
    first_output = capsys.readouterr().out
    call_command("kommunnatverk_setup_roles")
    second_output = capsys.readouterr().out

    assert role_state() == first
    assert Group.objects.filter(name__in=[EDITOR_GROUP, TRANSLATOR_GROUP]).count() == 2
    assert f"Group '{EDITOR_GROUP}' (created)" in first_output
    assert f"Group '{EDITOR_GROUP}' (exists)" in second_output
    assert second_output.count("nothing to change") == 2
    assert " 0 added" in second_output and " 1 added" not in second_output


def test_setup_gives_each_group_its_own_language_tree(roles, network):
    (editor, _, editor_pages, editor_collection, editor_locales) = role_state()[0]
    (_, translator_codes, translator_pages, translator_collection, translator_locales) = (
        role_state()[1]
    )
    sv_network = network.page
    en_network = english(sv_network)
    assert editor == EDITOR_GROUP
    assert {page_id for page_id, _ in editor_pages} == {sv_network.pk}
    assert {code for _, code in editor_pages} == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    assert {page_id for page_id, _ in translator_pages} == {en_network.pk}
    assert {code for _, code in translator_pages} == {"add_page", "change_page", "publish_page"}
    assert {code for _, code in editor_collection} == {
        "add_image",
        "choose_image",
        "add_document",
        "choose_document",
    }
    assert {code for _, code in translator_collection} == {"choose_image"}
    assert editor_locales == ["sv"] and translator_locales == ["en"]
    assert "change_organisation" in translator_codes
    assert "add_organisation" not in translator_codes
    assert "delete_organisation" not in translator_codes


def test_setup_finds_a_network_under_a_home_page(sv, en):
    root = Page.get_first_root_node()
    home = root.add_child(instance=Page(title="Hem", slug="hem", locale=sv))
    english_home = home.copy_for_translation(en)
    call_command("kommunnatverk_setup_roles", verbosity=0)

    editor_pages = set(
        GroupPagePermission.objects.filter(group__name=EDITOR_GROUP).values_list(
            "page_id", flat=True
        )
    )
    translator_pages = set(
        GroupPagePermission.objects.filter(group__name=TRANSLATOR_GROUP).values_list(
            "page_id", flat=True
        )
    )
    assert home.pk in editor_pages and english_home.pk in translator_pages
    assert english_home.pk not in editor_pages and home.pk not in translator_pages


def test_setup_without_english_creates_only_the_editor_group(capsys):
    # As on a site that never added English (the locale's rows stay, under another code).
    Locale.objects.filter(language_code="en").update(language_code="xx")
    call_command("kommunnatverk_setup_roles")
    captured = capsys.readouterr()

    assert Group.objects.filter(name=EDITOR_GROUP).exists()
    assert not Group.objects.filter(name=TRANSLATOR_GROUP).exists()
    assert "No 'en' locale exists" in captured.err
    assert "run this command again" in captured.err


def test_dry_run_saves_nothing(capsys):
    call_command("kommunnatverk_setup_roles", dry_run=True)
    assert "Dry run: nothing was saved." in capsys.readouterr().out
    assert not Group.objects.filter(name__in=[EDITOR_GROUP, TRANSLATOR_GROUP]).exists()


# Pages ---------------------------------------------------------------------------------


def test_page_permissions_follow_the_language_trees(editor, translator):
    group = GroupPage.objects.filter(locale__language_code="sv").first()
    group_en = english(group)

    assert group.permissions_for_user(editor).can_publish()
    assert not group_en.permissions_for_user(editor).can_edit()
    assert group_en.permissions_for_user(translator).can_publish()
    assert not group.permissions_for_user(translator).can_edit()
    assert not group.permissions_for_user(translator).can_publish()


def group_page_form(title: str, action: str = "action-publish") -> dict:
    data = nested_form_data(
        {
            "title": title,
            "slug": "arbetsgrupp",
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


@pytest.fixture
def swedish_group_page(roles, network) -> GroupPage:
    return factories.add_page(
        network.page, GroupPage(title="Arbetsgrupp", slug="arbetsgrupp", intro="Ingress")
    )


def test_editor_edits_and_publishes_a_swedish_page(client, editor, swedish_group_page):
    url = reverse("wagtailadmin_pages:edit", args=[swedish_group_page.pk])
    response = login(client, editor).post(url, group_page_form("Arbetsgruppen"))

    assert response.status_code == 302, messages_of(response)
    page = GroupPage.objects.get(pk=swedish_group_page.pk)
    assert page.title == "Arbetsgruppen" and page.live and not page.has_unpublished_changes


def test_translator_cannot_open_or_publish_a_swedish_page(client, translator, swedish_group_page):
    url = reverse("wagtailadmin_pages:edit", args=[swedish_group_page.pk])
    login(client, translator)

    response = client.get(url)
    assert response.status_code == 302 and response.url == HOME
    assert messages_of(response)  # Wagtail's own "you do not have permission"
    response = client.post(url, group_page_form("Översatt av misstag"))
    assert response.status_code == 302 and response.url == HOME
    assert GroupPage.objects.get(pk=swedish_group_page.pk).title == "Arbetsgrupp"


def test_translator_opens_the_english_page_in_the_translation_editor(client, translator):
    english_group = english(GroupPage.objects.filter(locale__language_code="sv").first())
    response = login(client, translator).get(
        reverse("wagtailadmin_pages:edit", args=[english_group.pk])
    )
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]


# Snippets ------------------------------------------------------------------------------


@pytest.fixture
def swedish_org(roles) -> Organisation:
    return factories.organisation("Testkommun")


@pytest.fixture
def english_org(swedish_org, en, django_capture_on_commit_callbacks) -> Organisation:
    with django_capture_on_commit_callbacks(execute=True):
        return translate_with_strings(swedish_org, en, {"Testkommun": "Test municipality"}).instance


def test_translator_opens_the_english_snippet_in_the_translation_editor(
    client, translator, english_org
):
    response = login(client, translator).get(snippet_url(english_org, "edit"))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]


def test_translator_publishes_the_english_snippet(
    client, translator, swedish_org, en, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft = translate_with_strings(
            swedish_org, en, {"Testkommun": "Test municipality"}, publish=False
        ).instance
    assert not draft.live

    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, translator).post(snippet_url(draft, "edit"), {"action": "publish"})
    assert response.status_code == 302
    published = Organisation.objects.get(pk=draft.pk)
    assert published.live and published.name == "Test municipality"
    assert published.live_revision.user == translator


def test_translator_is_refused_on_the_swedish_snippet(client, translator, swedish_org):
    login(client, translator)

    response = client.get(snippet_url(swedish_org, "edit"))
    assert response.status_code == 302 and response.url == HOME
    assert any("Testkommun" in text and "Engelska" in text for text in messages_of(response)), (
        messages_of(response)
    )

    response = client.post(
        snippet_url(swedish_org, "edit"),
        {"name": "Ändrad", "kind": "municipality", "action-publish": "action-publish"},
    )
    assert response.status_code == 302 and response.url == HOME
    response = client.post(snippet_url(swedish_org, "delete"))
    assert response.status_code == 302 and response.url == HOME
    assert Organisation.objects.get(pk=swedish_org.pk).name == "Testkommun"


def test_editor_is_refused_on_the_english_snippet_before_the_translation_editor(
    client, editor, english_org
):
    response = login(client, editor).get(snippet_url(english_org, "edit"))
    assert response.status_code == 302 and response.url == HOME


def test_editor_may_create_swedish_snippets_only(client, editor):
    login(client, editor)
    add_url = reverse(Organisation.snippet_viewset.get_url_name("add"))
    assert client.get(add_url).status_code == 200
    response = client.get(add_url + "?locale=en")
    assert response.status_code == 302 and response.url == HOME


def test_users_without_languages_and_superusers_are_not_restricted(
    client, swedish_org, english_org
):
    group = Group.objects.create(name="Alla språk")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "change_organisation"])
    )
    user = member("allasprak", "Alla språk")
    superuser = get_user_model().objects.create_superuser("admin", "a@example.org", "secret")
    for who in (user, superuser):
        login(client, who)
        assert client.get(snippet_url(swedish_org, "edit")).status_code == 200
        assert client.get(snippet_url(english_org, "edit")).status_code == 200


def test_translator_cannot_unpublish_the_swedish_snippet(client, translator, swedish_org):
    response = login(client, translator).post(snippet_url(swedish_org, "unpublish"))
    assert response.status_code == 302 and response.url == HOME
    assert Organisation.objects.get(pk=swedish_org.pk).live


def test_permission_policy_answers_per_language(editor, swedish_org, english_org):
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(Organisation)
    assert policy.user_has_permission_for_instance(editor, "delete", swedish_org)
    assert not policy.user_has_permission_for_instance(editor, "delete", english_org)
    deletable = policy.instances_user_has_permission_for(editor, "delete")
    assert swedish_org in deletable and english_org not in deletable


def test_listing_leaves_out_actions_in_other_languages(client, editor, swedish_org, english_org):
    login(client, editor)
    index = reverse(Organisation.snippet_viewset.get_url_name("list"))
    swedish_listing = client.get(index, {"locale": "sv"}).content.decode()
    english_listing = client.get(index, {"locale": "en"}).content.decode()
    assert snippet_url(swedish_org, "delete") in swedish_listing
    assert "Test municipality" in english_listing
    assert snippet_url(english_org, "delete") not in english_listing


# wagtail-localize's own views for snippets ---------------------------------------------


def string_edit_url(translated) -> tuple[str, StringSegment]:
    translation = Translation.objects.get(
        source__object_id=translated.translation_key, target_locale=translated.locale
    )
    segment = StringSegment.objects.get(source=translation.source, string__data="Testkommun")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return url, segment


def test_only_a_translator_saves_english_snippet_strings(client, editor, translator, english_org):
    url, segment = string_edit_url(english_org)
    body = "value=Testkommunen"
    form = "application/x-www-form-urlencoded"

    response = login(client, editor).put(url, body, content_type=form)
    assert response.status_code == 302 and response.url == HOME
    stored = StringTranslation.objects.get(translation_of=segment.string, locale=english_org.locale)
    assert stored.data == "Test municipality"

    response = login(client, translator).put(url, body, content_type=form)
    assert response.status_code == 200
    stored.refresh_from_db()
    assert stored.data == "Testkommunen"


def test_starting_a_translation_needs_the_source_or_the_target_language(
    client, editor, translator, swedish_org, en
):
    german = Locale.objects.create(language_code="de")
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["kommunnatverk", "organisation", swedish_org.pk],
    )

    # A translator may take Swedish text into English, but not into German.
    login(client, translator)
    response = client.post(url, {"locales": [german.pk]})
    assert response.status_code == 302 and response.url == HOME
    assert swedish_org.get_translation_or_none(german) is None
    client.post(url, {"locales": [en.pk]})
    assert swedish_org.get_translation_or_none(en) is not None

    # The editor sends their Swedish text out into any language.
    login(client, editor)
    client.post(url, {"locales": [german.pk]})
    assert swedish_org.get_translation_or_none(german) is not None


def test_syncing_may_publish_only_in_ones_own_languages(client, editor, english_org):
    source = Translation.objects.get(
        source__object_id=english_org.translation_key, target_locale=english_org.locale
    ).source
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    login(client, editor)

    response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302 and response.url == HOME
    response = client.post(url)
    assert response.status_code == 302 and response.url != HOME


# The group panel -----------------------------------------------------------------------


def test_group_edit_view_shows_the_language_panel(client, roles, sv):
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "secret")
    group = Group.objects.get(name=EDITOR_GROUP)
    response = login(client, admin).get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="kommunnatverk_locales-locales"' in html
    add_view = client.get(reverse("wagtailusers_groups:add"))
    assert add_view.status_code == 200
    assert 'name="kommunnatverk_locales-locales"' in add_view.content.decode()


class FormValues(HTMLParser):
    """The values a browser would send for the page's form, as the user left it."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        attrs = dict(attrs)
        name, kind = attrs.get("name"), attrs.get("type", "text")
        if tag == "option" and self.select and "selected" in attrs:
            self.values.setdefault(self.select, []).append(attrs.get("value", ""))
        if not name or "__prefix__" in name:  # empty forms a script copies
            return
        if tag == "input" and kind in {"checkbox", "radio"}:
            if "checked" in attrs:
                self.values.setdefault(name, []).append(attrs.get("value") or "on")
        elif tag == "input" and kind not in {"submit", "button", "file"}:
            self.values.setdefault(name, []).append(attrs.get("value") or "")
        elif tag == "select":
            self.select = name

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = None


def test_group_edit_view_saves_the_ticked_languages(client, roles, sv, en):
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "secret")
    group = Group.objects.get(name=EDITOR_GROUP)
    url = reverse("wagtailusers_groups:edit", args=[group.pk])
    parser = FormValues()
    parser.feed(login(client, admin).get(url).content.decode())
    form = parser.values
    assert form["kommunnatverk_locales-locales"] == [str(sv.pk)]

    form["kommunnatverk_locales-locales"] = [str(en.pk)]
    assert client.post(url, form).status_code == 302
    assert [permission.locale for permission in group.kommunnatverk_locale_permissions.all()] == [
        en
    ]
    # Wagtail's own permissions on the group are kept as they were.
    assert GroupPagePermission.objects.filter(group=group).count() == 5

    del form["kommunnatverk_locales-locales"]
    assert client.post(url, form).status_code == 302
    assert not GroupLocalePermission.objects.filter(group=group).exists()
