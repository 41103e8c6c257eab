"""The goal catalogue: every goal, shared by the requests of one content version.

A few dozen rows that nearly every page embeds, which would otherwise cost a joined query
per page.
"""

from collections.abc import Iterable

from ..models import Goal
from . import snapshot
from .public import is_public_snippet

# The columns the catalogue keeps: what the API and the templates show of a goal.
TRANSLATABLE_FIELDS = ("id", "locale", "translation_key", "live")
FRAMEWORK_REF_FIELDS = ("id", "slug", "title", "live", "locale")
GOAL_FIELDS = (
    *TRANSLATABLE_FIELDS,
    *("code", "title", "short_text", "colour", "url"),
    *(f"framework__{name}" for name in FRAMEWORK_REF_FIELDS),
)


class GoalCatalogue:
    """Every goal by id and by translation, for embedding the public ones."""

    def __init__(self, goals: Iterable[Goal]) -> None:
        self.by_id = {goal.pk: goal for goal in goals}
        self.by_translation = {(g.translation_key, g.locale_id): g for g in self.by_id.values()}

    @classmethod
    def current(cls) -> "GoalCatalogue":
        goals = Goal.objects.select_related("framework").only(*GOAL_FIELDS)
        return snapshot.memo("goals", lambda: cls(goals))

    def localised(self, goal_ids: Iterable[int], locale_id: int) -> list[Goal]:
        """Each public goal in ``locale_id`` where translated there, else as linked."""
        found = []
        for goal_id in goal_ids:
            goal = self.by_id.get(goal_id)
            if goal is None:
                continue
            translated = self.by_translation.get((goal.translation_key, locale_id))
            chosen = translated if is_public_snippet(translated) else goal
            if is_public_snippet(chosen):
                found.append(chosen)
        return found
