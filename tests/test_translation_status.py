"""Translation status: what a translator has left to do, per locale, and the command."""

import json
import subprocess
from concurrent.futures import ThreadPoolExecutor
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from kommunnatverk.localisation import status as translation_status
from kommunnatverk.localisation import translate_with_strings
from kommunnatverk.localisation.status import State
from kommunnatverk.models import (
    ContactSidebar,
    Goal,
    GoalFramework,
    NewsIndexPage,
    NewsPage,
    Organisation,
    ProjectPage,
)

from . import factories
from .processes import run_manage

pytestmark = pytest.mark.django_db

WATER_DAY = "internationella-vattendagen-22-mars"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """wagtail-localize publishes a translation when the transaction commits: a block
    under ``with committed():`` runs those callbacks at its end, as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def sync(obj, locale: Locale, committed, publish: bool = True) -> None:
    """What "Sync translated pages" does: refresh the source, then (with "Publish
    immediately") save the translation again."""
    source = TranslationSource.objects.get_for_instance(obj)
    with committed():
        source.update_from_db()
        if publish:
            Translation.objects.get(source=source, target_locale=locale).save_target()


def english(status) -> translation_status.LocaleStatus:
    return next(s for s in status.locales if s.locale.language_code == "en")


def water_day(sv: Locale) -> NewsPage:
    return NewsPage.objects.get(slug=WATER_DAY, locale=sv)


def new_swedish_news(slug: str = "bara-pa-svenska") -> NewsPage:
    index = NewsIndexPage.objects.get(locale__language_code="sv")
    return factories.news(index, slug, title="Bara på svenska")


def covered_in_swedish(sv: Locale) -> int:
    """The Swedish pages (all under the network page), snippets and the tags the pages
    carry, counted apart."""
    network = Page.objects.get(locale=sv, depth=2, slug="kommunnatverket")
    pages = Page.objects.descendant_of(network, inclusive=True).live().count()
    snippets = sum(
        model.objects.filter(locale=sv, live=True).count()
        for model in (GoalFramework, Goal, Organisation, ContactSidebar)
    )
    tags = {tag.pk for page in NewsPage.objects.filter(locale=sv) for tag in page.tags.all()}
    tags |= {tag.pk for page in ProjectPage.objects.filter(locale=sv) for tag in page.tags.all()}
    return pages + snippets + len(tags)


def test_the_network_is_fully_translated(sv):
    status = translation_status.compute()
    assert status.source_locale == sv
    assert [s.locale.language_code for s in status.locales] == ["en"]
    en = english(status)
    assert en.total == covered_in_swedish(sv) > 30
    assert (en.up_to_date, en.outdated, en.missing, en.percent) == (en.total, [], [], 100.0)
    assert en.translated_segments == en.segments > 100
    assert status.complete
    assert "kommunnatverk.NetworkTag" not in {i.model_label for i in en.outdated + en.missing}


def test_publishing_the_swedish_page_after_a_sync_makes_it_outdated(sv, en, committed):
    page = water_day(sv)
    page.title = "Internationella vattendagen"
    page.save_revision().publish()

    outdated = english(translation_status.compute()).outdated
    assert [item.source.pk for item in outdated] == [page.pk]
    item = outdated[0]
    assert item.state is State.OUTDATED
    assert item.type_label == "nyhetssida"
    translated = page.get_translation(en)
    assert item.translation_id == translated.pk
    # The translator acts in the translation's editor: the English page's edit view.
    assert item.action_url == reverse("wagtailadmin_pages:edit", args=[translated.pk])
    assert item.source_edit_url == reverse("wagtailadmin_pages:edit", args=[page.pk])

    sync(page, en, committed)
    # Synced and published, but the new title shows in Swedish until it is translated.
    (item,) = english(translation_status.compute()).outdated
    assert item.progress.translated == item.progress.segments - 1
    with committed():
        translate_with_strings(page, en, {page.title: "World Water Day"})
    assert english(translation_status.compute()).complete


def test_a_sync_without_publishing_leaves_it_outdated_until_published(sv, en, committed):
    page = water_day(sv)
    page.save_revision().publish()
    sync(page, en, committed, publish=False)
    assert [i.source.pk for i in english(translation_status.compute()).outdated] == [page.pk]

    source = TranslationSource.objects.get_for_instance(page)
    with committed():
        Translation.objects.get(source=source, target_locale=en).save_target(publish=True)
    assert english(translation_status.compute()).complete


def test_a_new_swedish_page_is_missing_with_a_link_to_translate_it(sv, en, committed):
    page = new_swedish_news()
    status = english(translation_status.compute())
    assert [item.source.pk for item in status.missing] == [page.pk]
    item = status.missing[0]
    assert item.translation_id is None
    submit = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert item.action_url == f"{submit}?select_locale=en"
    assert status.percent == pytest.approx(100 * (status.total - 1) / status.total)

    with committed():
        translate_with_strings(page, en, {"Bara på svenska": "Only in Swedish"})
    # Published, but its address is still Swedish.
    (item,) = english(translation_status.compute()).outdated
    assert item.progress == translation_status.Progress(segments=2, translated=1)
    with committed():
        translate_with_strings(page, en, {"bara-pa-svenska": "only-in-swedish"})
    assert english(translation_status.compute()).complete


def test_an_alias_or_a_draft_translation_is_missing(sv, en):
    alias_page = new_swedish_news("alias")
    alias_page.copy_for_translation(en, alias=True)
    draft_page = new_swedish_news("utkast")
    source, _ = TranslationSource.get_or_create_from_instance(draft_page)
    Translation.objects.create(source=source, target_locale=en).save_target(publish=False)
    draft = draft_page.get_translation(en)
    assert not draft.live

    missing = {item.source.pk: item for item in english(translation_status.compute()).missing}
    assert set(missing) == {alias_page.pk, draft_page.pk}
    # An alias becomes a translation through the submit form; a draft is finished in its editor.
    assert missing[alias_page.pk].action_url.startswith(
        reverse("wagtail_localize:submit_page_translation", args=[alias_page.pk])
    )
    assert missing[draft_page.pk].action_url == reverse("wagtailadmin_pages:edit", args=[draft.pk])


def test_a_translation_made_outside_wagtail_localize_is_outdated(sv, en):
    page = new_swedish_news()
    copy = page.copy_for_translation(en)
    copy.save_revision().publish()
    assert not TranslationSource.objects.filter(object_id=page.translation_key).exists()
    assert [i.source.pk for i in english(translation_status.compute()).outdated] == [page.pk]


def test_a_stopped_translation_is_current_once_published_by_hand(sv, en):
    """After "Stop Synced translation" the English page is edited by hand, never synced."""
    page = water_day(sv)
    source = TranslationSource.objects.get_for_instance(page)
    Translation.objects.filter(source=source, target_locale=en).update(enabled=False)
    assert english(translation_status.compute()).complete

    page.save_revision().publish()
    assert [i.source.pk for i in english(translation_status.compute()).outdated] == [page.pk]

    by_hand = page.get_translation(en)
    by_hand.title = "World Water Day"
    by_hand.save_revision().publish()
    assert english(translation_status.compute()).complete


def test_snippets_outdated_and_missing_link_to_the_snippet_views(sv, en, committed):
    goal = Goal.objects.get(framework__slug="agenda-2030", code="6", locale=sv)
    goal.title = "Rent vatten och sanitet för alla"
    goal.save_revision().publish()
    organisation = factories.organisation("Ny kommun")

    status = english(translation_status.compute())
    (outdated,) = status.outdated
    (missing,) = status.missing
    assert (outdated.source, outdated.model_label) == (goal, "kommunnatverk.Goal")
    target = goal.get_translation(en)
    assert outdated.action_url == reverse(
        Goal.snippet_viewset.get_url_name("edit"), args=[target.pk]
    )
    assert missing.source == organisation
    submit = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["kommunnatverk", "organisation", organisation.pk],
    )
    assert missing.action_url == f"{submit}?select_locale=en"

    sync(goal, en, committed)
    assert english(translation_status.compute()).outdated == []


def test_queries_do_not_grow_with_the_content(sv, en):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            translation_status.compute()
        return len(captured)

    before = queries()
    for n in range(5):
        new_swedish_news(f"ny-{n}")
        factories.organisation(f"Kommun {n}")
    page = water_day(sv)
    page.save_revision().publish()
    assert queries() == before <= 8
    assert len(english(translation_status.compute()).missing) == 10


def test_unknown_or_source_locale_is_refused(sv):
    with pytest.raises(translation_status.UnknownLocale) as error:
        translation_status.compute(["en", "de", "sv"])
    assert error.value.codes == ["de", "sv"]


# The command --------------------------------------------------------------------------


def run(*args: str) -> str:
    out = StringIO()
    call_command("kommunnatverk_translation_status", *args, stdout=out)
    return out.getvalue()


def test_command_table_and_json_for_a_translated_network(sv):
    table = run()
    assert "sv (Svenska)" in table
    assert "en (Engelska): 100,0 % aktuella" in table
    data = json.loads(run("--format", "json", "--locale", "en"))
    (en,) = data["locales"]
    assert data["source_locale"] == "sv"
    assert en["locale"] == "en"
    assert (en["up_to_date"], en["outdated"], en["missing"]) == (en["total"], 0, 0)
    assert en["percent_complete"] == 100.0
    assert run("--strict") == table


def test_command_lists_an_outdated_and_a_missing_item(sv, en, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://cms.example.org/"
    page = water_day(sv)
    page.save_revision().publish()
    missing_page = new_swedish_news()

    data = json.loads(run("--format", "json"))
    (status,) = data["locales"]
    assert (status["outdated"], status["missing"]) == (1, 1)
    assert status["percent_complete"] == round(100 * (status["total"] - 2) / status["total"], 1)
    outdated, missing = status["outdated_items"][0], status["missing_items"][0]
    assert outdated == {
        "type": "kommunnatverk.NewsPage",
        "id": page.pk,
        "title": page.title,
        "translation_id": page.get_translation(en).pk,
        "segments": outdated["segments"],
        "translated_segments": outdated["segments"],
        "source_admin_url": f"https://cms.example.org/admin/pages/{page.pk}/edit/",
        "admin_url": f"https://cms.example.org/admin/pages/{page.get_translation(en).pk}/edit/",
    }
    assert missing["id"] == missing_page.pk and missing["translation_id"] is None
    assert (missing["segments"], missing["translated_segments"]) == (None, None)
    assert outdated["segments"] > 0
    assert status["translated_segments"] == status["segments"] > 100
    assert missing["admin_url"].startswith("https://cms.example.org/admin/localize/submit/page/")

    table = run()
    assert "inaktuella: 1; saknas: 1" in table
    assert f"Inaktuell\tnyhetssida\t{page.title}\thttps://cms.example.org/admin/pages/" in table

    with pytest.raises(CommandError) as error:
        run("--strict")
    assert error.value.returncode == 1
    assert "2 translation(s) outdated or missing" in str(error.value)


def test_command_names_an_unknown_locale(sv):
    with pytest.raises(CommandError) as error:
        run("--locale", "en", "--locale", "de")
    assert error.value.returncode == 2
    assert "'de'" in str(error.value) and "choose from: en" in str(error.value)


def manage(database: Path, *args: str) -> subprocess.CompletedProcess:
    return run_manage(database, *args, WAGTAILADMIN_BASE_URL="https://cms.example.org")


def test_command_exit_statuses_from_the_shell(migrated_database):
    """What a CI job sees, in a site of its own: Agenda 2030 in Swedish only, and an
    English locale with nothing translated yet."""
    database = migrated_database
    done = manage(
        database,
        "shell",
        "-c",
        "from django.core.management import call_command; "
        "from wagtail.models import Locale; "
        "call_command('kommunnatverk_load_goals', translate_to='none'); "
        "Locale.objects.create(language_code='en')",
    )
    assert done.returncode == 0, done.stderr

    # Three jobs reading the same database: run side by side.
    with ThreadPoolExecutor() as jobs:
        report, strict, unknown = jobs.map(
            lambda args: manage(database, "kommunnatverk_translation_status", *args),
            [(), ("--strict", "--format", "json"), ("--locale", "xx")],
        )

    assert report.returncode == 0, report.stderr
    assert "(0 " in report.stdout and ": 18" in report.stdout  # up to date 0 of 18; missing 18
    assert (
        "https://cms.example.org/admin/localize/submit/snippet/kommunnatverk/goal/" in report.stdout
    )

    assert strict.returncode == 1
    assert json.loads(strict.stdout)["locales"][0]["missing"] == 18
    assert "18 translation(s) outdated or missing" in strict.stderr

    assert unknown.returncode == 2
    assert "'xx'" in unknown.stderr
