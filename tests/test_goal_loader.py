"""Agenda 2030 ships with the package, and loading it twice changes nothing."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from kommunnatverk.localisation.agenda2030 import official_goals
from kommunnatverk.models import Goal, GoalFramework

pytestmark = pytest.mark.django_db


def test_official_goals_are_complete():
    goals = official_goals()
    assert [g.number for g in goals] == list(range(1, 18))
    assert goals[12].title_sv == "Bekämpa klimatförändringarna"
    assert goals[12].colour == "#3F7E44"


def test_loaded_goals_in_both_languages_linked_as_translations(sv, en):
    swedish = Goal.objects.filter(framework__slug="agenda-2030", locale=sv)
    assert swedish.count() == 17
    assert all(goal.live for goal in swedish)
    goal = swedish.get(code="13")
    english = goal.get_translation(en)
    assert (english.title, english.colour, english.code) == ("Climate action", "#3F7E44", "13")
    assert english.framework == goal.framework.get_translation(en)


def test_running_again_changes_nothing(sv):
    goal = Goal.objects.get(framework__slug="agenda-2030", locale=sv, code="1")
    goal.short_text = "Redaktörens egen text"
    goal.save()
    before = sorted(Goal.objects.values_list("pk", "title", "colour", "short_text", "locale_id"))
    frameworks = GoalFramework.objects.count()
    call_command("kommunnatverk_load_goals", verbosity=0)
    assert (
        sorted(Goal.objects.values_list("pk", "title", "colour", "short_text", "locale_id"))
        == before
    )
    assert GoalFramework.objects.count() == frameworks


def test_missing_goals_are_restored_and_translated(sv, en):
    Goal.objects.filter(framework__slug="agenda-2030", code="17").delete()
    call_command("kommunnatverk_load_goals", verbosity=0)
    restored = Goal.objects.get(framework__slug="agenda-2030", locale=sv, code="17")
    assert restored.get_translation(en).title == "Partnerships for the goals"


def test_without_an_english_locale_only_swedish_is_loaded(sv):
    # Make the loader start afresh: the demo's framework is renamed, "en" is hidden.
    GoalFramework.objects.filter(slug="agenda-2030").update(slug="old-agenda-2030")
    Locale.objects.filter(language_code="en").update(language_code="de")
    call_command("kommunnatverk_load_goals", verbosity=0)
    framework = GoalFramework.objects.get(slug="agenda-2030")
    assert framework.goals.filter(locale=sv).count() == 17
    assert not framework.goals.exclude(locale=sv).exists()
    assert (
        not GoalFramework.objects.filter(translation_key=framework.translation_key)
        .exclude(pk=framework.pk)
        .exists()
    )


def test_bad_arguments_exit_with_a_one_line_reason():
    with pytest.raises(CommandError, match="No locale 'xx' exists."):
        call_command("kommunnatverk_load_goals", translate_to="xx")
    with pytest.raises(CommandError, match="cannot be the source locale"):
        call_command("kommunnatverk_load_goals", translate_to="sv")


def test_dry_run_saves_nothing(sv):
    GoalFramework.objects.filter(slug="agenda-2030").update(slug="old-agenda-2030")
    count = Goal.objects.count()
    call_command("kommunnatverk_load_goals", dry_run=True, verbosity=0)
    assert Goal.objects.count() == count
    assert not GoalFramework.objects.filter(slug="agenda-2030").exists()
