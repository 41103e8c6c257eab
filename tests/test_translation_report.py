"""The translation status report in the admin: what a translator sees and where it leads."""

import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from kommunnatverk.models import NewsPage

from . import factories

pytestmark = pytest.mark.django_db

REPORT = "/admin/kommunnatverk/translation-status/"
# The reports menu, as the admin's sidebar props hold it.
MENU_ITEM = '"name": "kommunnatverk-translation-status", "label": "\\u00d6vers\\u00e4ttningsstatus"'


def login(client, *, superuser: bool = False, permissions=(), language: str | None = None):
    User = get_user_model()  # noqa: N806
    if superuser:
        user = User.objects.create_superuser("admin", "admin@example.org", "secret")
    else:
        user = User.objects.create_user("user", "user@example.org", "secret")
        group = Group.objects.create(name="Översättare")
        for codename in ("wagtailadmin.access_admin", *permissions):
            app_label, code = codename.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=code)
            )
        user.groups.add(group)
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    client.force_login(user)
    return client


def text_of(response) -> str:
    """The page as a reader hears it: tags out, whitespace collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") :]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main)))


def outdated_and_missing(network) -> tuple[NewsPage, NewsPage]:
    """One real outdated page (published again in Swedish after the sync) and one real
    missing page (new, never translated)."""
    page = network.water_day
    page.save_revision().publish()
    new = factories.news(network.news_index, "bara-pa-svenska", title="Bara på svenska")
    return page, new


def test_swedish_report_shows_percentages_and_links(client, network, en):
    page, new = outdated_and_missing(network)
    login(client, superuser=True)
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    status = response.context["status"].locales[0]
    total = status.total
    percent = 100 * (total - 2) / total
    text = text_of(response)

    assert "Översättningsstatus" in text
    assert "Engelska" in text
    with translation.override("sv"):
        shown = floatformat(percent, -1)  # 95 for 95.0, 94,7 for 94.737
    assert f"{shown} % aktuella" in text
    assert f'<progress id="translation-progress-en" max="100" value="{percent:.1f}">' in html
    assert f"Aktuell {total - 2} av {total} Inaktuell 1 Saknas 1" in text

    english = page.get_translation(en)
    edit = reverse("wagtailadmin_pages:edit", args=[english.pk])
    submit = reverse("wagtail_localize:submit_page_translation", args=[new.pk])
    assert f'href="{edit}">Uppdatera översättningen' in html
    assert f'href="{submit}?select_locale=en">Översätt' in html
    assert "Engelska: inaktuella översättningar" in text
    assert "Internationella vattendagen – 22 mars" in text and "Bara på svenska" in text


def test_english_ui_and_the_links_lead_to_wagtail_localize(client, network, en):
    page, new = outdated_and_missing(network)
    login(client, superuser=True, language="en")
    response = client.get(REPORT)
    html = response.content.decode()
    text = text_of(response)
    assert "Translation status" in text and "English" in text
    assert "% up to date" in text
    assert "Up to date" in text and "Outdated 1 Missing 1" in text
    assert ">Update translation<" in html and ">Translate<" in html

    # The missing page's link opens wagtail-localize's form with English chosen.
    submit = reverse("wagtail_localize:submit_page_translation", args=[new.pk])
    form = client.get(f"{submit}?select_locale=en")
    assert form.status_code == 200
    assert form.context["form"]["locales"].initial == [en]
    # The outdated page's link opens the English page in the translation editor.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.get_translation(en).pk]))
    assert edit.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in edit.templates]


def test_fully_translated_network(client, sv):
    login(client, superuser=True)
    text = text_of(client.get(REPORT))
    assert "100 % aktuella" in text
    assert "Alla översättningar är aktuella." in text
    assert "Saknas 0" in text


def test_translators_see_it_in_the_reports_menu_and_others_do_not(client, sv):
    login(client, permissions=["wagtail_localize.submit_translation"])
    assert client.get(REPORT).status_code == 200
    assert MENU_ITEM in client.get("/admin/").content.decode()


def test_editors_without_the_translation_permission_are_turned_away(client, sv):
    login(client, permissions=["wagtailadmin.access_admin"])
    response = client.get(REPORT)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert MENU_ITEM not in client.get("/admin/").content.decode()


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get(REPORT)
    assert response.status_code == 302 and "/admin/login/" in response.url
