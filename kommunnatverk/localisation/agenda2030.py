"""Agenda 2030 ships with the package: the 17 goals with official numbers and colours."""

import csv
from dataclasses import dataclass
from importlib import resources

from django.db import transaction
from wagtail.models import Locale

from ..models import Goal, GoalFramework
from .from_code import translate_with_strings

FRAMEWORK_SLUG = "agenda-2030"
FRAMEWORK_TITLE_SV = "Agenda 2030"
FRAMEWORK_TITLE_EN = "Agenda 2030"
FRAMEWORK_DESCRIPTION_SV = (
    "De 17 globala målen för hållbar utveckling, antagna av FN:s medlemsländer 2015."
)
FRAMEWORK_DESCRIPTION_EN = (
    "The 17 Global Goals for Sustainable Development, adopted by the UN member states in 2015."
)
FRAMEWORK_URL = "https://www.globalamalen.se/"


@dataclass(frozen=True)
class OfficialGoal:
    number: int
    title_sv: str
    title_en: str
    colour: str


@dataclass
class LoadReport:
    created: int = 0
    unchanged: int = 0
    translated: int = 0

    def __str__(self) -> str:
        return (
            f"{self.created} created, {self.unchanged} unchanged, "
            f"{self.translated} translations created"
        )


def official_goals() -> list[OfficialGoal]:
    """Read the goals from the TSV file that ships inside the package."""
    text = (
        resources.files("kommunnatverk")
        .joinpath("data/agenda2030-goals.tsv")
        .read_text(encoding="utf-8")
    )
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    return [
        OfficialGoal(int(row["number"]), row["title_sv"], row["title_en"], row["colour"])
        for row in rows
    ]


@transaction.atomic
def load_agenda2030(source_locale: Locale, target_locale: Locale | None) -> LoadReport:
    """Create what is missing of Agenda 2030 and, if asked, its translations.

    Existing rows are left exactly as they are, so editors' changes survive a re-run.
    """
    report = LoadReport()
    framework = GoalFramework.objects.filter(slug=FRAMEWORK_SLUG, locale=source_locale).first()
    if framework is None:
        framework = GoalFramework(
            slug=FRAMEWORK_SLUG,
            title=FRAMEWORK_TITLE_SV,
            description=FRAMEWORK_DESCRIPTION_SV,
            url=FRAMEWORK_URL,
            locale=source_locale,
        )
        _publish(framework)
        report.created += 1
    else:
        report.unchanged += 1

    goals = []
    existing = {goal.code: goal for goal in framework.goals.all()}
    for official in official_goals():
        goal = existing.get(str(official.number))
        if goal is None:
            goal = Goal(
                framework=framework,
                code=str(official.number),
                title=official.title_sv,
                colour=official.colour,
                sort_order=official.number,
                url=f"https://www.globalamalen.se/om-globala-malen/mal-{official.number}/",
                locale=source_locale,
            )
            _publish(goal)
            report.created += 1
        else:
            report.unchanged += 1
        goals.append((goal, official))

    if target_locale is not None:
        strings = {
            FRAMEWORK_TITLE_SV: FRAMEWORK_TITLE_EN,
            FRAMEWORK_DESCRIPTION_SV: FRAMEWORK_DESCRIPTION_EN,
        }
        report.translated += _translate_if_missing(framework, target_locale, strings)
        for goal, official in goals:
            strings = {official.title_sv: official.title_en}
            report.translated += _translate_if_missing(goal, target_locale, strings)
    return report


def _publish(obj) -> None:
    obj.full_clean()
    obj.save()
    obj.save_revision().publish()


def _translate_if_missing(obj, locale: Locale, strings: dict[str, str]) -> int:
    if obj.get_translation_or_none(locale) is not None:
        return 0
    translate_with_strings(obj, locale, strings)
    return 1
