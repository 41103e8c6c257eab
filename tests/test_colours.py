"""Goal badges are readable in every colour (WCAG 2.1 1.4.3), and the admin says when a
colour is too light to stand out on the page (1.4.11)."""

import random

import bs4
import pytest
from django.urls import reverse

from kommunnatverk import colours
from kommunnatverk.localisation.agenda2030 import official_goals
from kommunnatverk.models import Goal

from . import factories
from .admin_forms import form_data, log_in_editor

OFFICIAL = {goal.number: goal.colour for goal in official_goals()}


# The formulas --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#000000", "#FFFFFF", 21.0),
        ("#FFFFFF", "#FFFFFF", 1.0),
        # Figures any WCAG contrast checker gives.
        ("#777777", "#FFFFFF", 4.48),
        ("#767676", "#FFFFFF", 4.54),
        ("#FCC30B", "#FFFFFF", 1.62),
        ("#3F7E44", "#FFFFFF", 4.91),
    ],
)
def test_contrast_ratios_are_wcags(first, second, ratio):
    assert round(colours.contrast_ratio(first, second), 2) == ratio
    assert colours.contrast_ratio(second, first) == colours.contrast_ratio(first, second)


def test_luminance_refuses_what_is_not_a_colour():
    with pytest.raises(ValueError):
        colours.relative_luminance("red")
    assert colours.text_colour("red") == colours.WHITE  # never a 500 in a template


# Every colour is readable ----------------------------------------------------------------


@pytest.mark.parametrize("number", sorted(OFFICIAL))
def test_every_official_goal_colour_gets_readable_text(number):
    colour = OFFICIAL[number]
    assert colours.contrast_ratio(colour, colours.text_colour(colour)) >= 4.5


def test_white_text_fails_on_ten_official_colours_and_the_computed_text_on_none():
    """What the badges did before: white text on every goal colour."""
    failing_white = sorted(
        n for n, c in OFFICIAL.items() if colours.contrast_ratio(c, "#FFFFFF") < 4.5
    )
    assert failing_white == [2, 3, 5, 6, 7, 9, 11, 12, 14, 15]
    assert round(colours.contrast_ratio(OFFICIAL[7], "#FFFFFF"), 2) == 1.62
    assert colours.text_colour(OFFICIAL[7]) == colours.BLACK
    assert round(colours.text_contrast(OFFICIAL[7]), 2) == 12.95
    assert colours.text_colour(OFFICIAL[17]) == colours.WHITE  # #19486A: dark blue


RANDOM = random.Random(2030)


@pytest.mark.parametrize("colour", [f"#{RANDOM.randrange(0x1000000):06X}" for _ in range(200)])
def test_any_colour_an_editor_enters_gets_readable_text(colour):
    assert colours.text_contrast(colour) >= 4.5


def test_the_worst_colour_of_a_fine_grid_still_reaches_4_58():
    """Every 15th step of each channel (4,913 colours, mid-greys included) and the
    greys in between: the lowest ratio is at relative luminance 0.179."""
    steps = range(0, 256, 15)
    grid = [f"#{r:02X}{g:02X}{b:02X}" for r in steps for g in steps for b in steps]
    greys = [f"#{v:02X}{v:02X}{v:02X}" for v in range(256)]
    worst = min(grid + greys, key=colours.text_contrast)
    assert colours.text_contrast(worst) >= 4.58
    assert abs(colours.relative_luminance(worst) - 0.179) < 0.01


# The page says what the page shows ----------------------------------------------------------


def badge_styles(html: str) -> dict[str, str]:
    soup = bs4.BeautifulSoup(html, "html.parser")
    return {
        badge.select_one(".goal-badge__code").get_text(strip=True): badge["style"]
        for badge in soup.select(".goal-badge")
    }


@pytest.mark.django_db
def test_badges_carry_the_text_colour_computed_for_their_colour(client, network):
    page = network.projects["hallbart-resande-i-skolan"]
    styles = badge_styles(client.get(page.url).content.decode())
    assert styles, "the project shows goal badges"
    for code, style in styles.items():
        colour = OFFICIAL[int(code)]
        assert (
            style == f"--goal-colour: {colour}; --goal-text-colour: {colours.text_colour(colour)}"
        )


@pytest.mark.django_db
def test_a_goal_of_a_light_colour_gets_black_text_and_a_dark_one_white(client, network):
    page = network.projects["hallbart-resande-i-skolan"]
    framework = network.frameworks["agenda-2030"]
    link_model = page.goal_links.model
    for code in ("7", "17"):
        link_model.objects.create(page=page, goal=Goal.objects.get(framework=framework, code=code))
    styles = badge_styles(client.get(page.url).content.decode())
    assert styles["7"].endswith("--goal-text-colour: #000000")
    assert styles["17"].endswith("--goal-text-colour: #FFFFFF")


@pytest.mark.django_db
def test_the_css_takes_the_text_colour_from_the_badge():
    from django.contrib.staticfiles import finders

    css = open(finders.find("kommunnatverk/css/kommunnatverk.css"), encoding="utf-8").read()
    badge = css[css.index(".goal-badge {") :]
    badge = badge[: badge.index("}")]
    assert "color: var(--goal-text-colour" in badge
    assert "text-shadow" not in badge  # axe measured the shadow, not the colour


@pytest.mark.django_db
def test_the_api_sends_the_text_colour_with_every_goal(api):
    items = api("goals/?locale=sv").data["items"]
    assert len(items) >= 17
    for goal in items:
        assert goal["text_colour"] == colours.text_colour(goal["colour"])
    by_code = {goal["code"]: goal for goal in items if goal["framework"]["slug"] == "agenda-2030"}
    assert by_code["7"]["text_colour"] == "#000000"


# The admin ---------------------------------------------------------------------------------


@pytest.fixture
def editor(client):
    return log_in_editor(client, "sv")


def edit_url(goal: Goal) -> str:
    return reverse(Goal.snippet_viewset.get_url_name("edit"), args=(goal.pk,))


def save_colour(client, goal: Goal, colour: str):
    data = form_data(client.get(edit_url(goal)).content.decode(), "w-editor-form")
    data["colour"] = colour
    data["action-publish"] = "action-publish"
    return client.post(edit_url(goal), data, follow=True)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.mark.django_db
def test_the_admin_warns_in_swedish_about_a_colour_too_light_for_the_page(editor):
    goal = factories.goal(factories.framework(), code="1", title="Ljust mål", colour="#19486A")
    response = save_colour(editor, goal, "#FCC30B")
    assert response.status_code == 200
    goal.refresh_from_db()
    assert goal.colour == "#FCC30B"  # a warning, not a refusal
    (warning,) = [m for m in messages_of(response) if "#FCC30B" in m]
    assert "1,62:1" in warning and "3:1" in warning
    assert "svart, 12,95:1" in warning
    assert "Ljust mål" in warning


@pytest.mark.django_db
@pytest.mark.parametrize("colour", ["#3F7E44", "#19486A"])
def test_no_warning_for_a_colour_that_stands_out(editor, colour):
    goal = factories.goal(factories.framework(), code="2", title="Mörkt mål", colour="#FCC30B")
    response = save_colour(editor, goal, colour)
    assert not [m for m in messages_of(response) if colour in m]


@pytest.mark.django_db
def test_no_warning_when_the_colour_is_left_as_it_was(editor):
    goal = factories.goal(factories.framework(), code="3", title="Gult mål", colour="#FCC30B")
    response = save_colour(editor, goal, "#FCC30B")
    assert not [m for m in messages_of(response) if "#FCC30B" in m]


@pytest.mark.django_db
def test_the_colour_cell_shows_the_badges_text_colour_and_marks_light_colours(editor):
    framework = factories.framework()
    factories.goal(framework, code="7", title="Gult", colour="#FCC30B")
    factories.goal(framework, code="17", title="Blått", colour="#19486A")
    url = reverse(Goal.snippet_viewset.get_url_name("list")) + f"?framework={framework.pk}"
    soup = bs4.BeautifulSoup(editor.get(url).content.decode(), "html.parser")
    cells = {
        cell.select_one("[data-colour]").get_text(): cell
        for cell in soup.select("td")
        if cell.select_one("[data-colour]")
    }
    yellow, blue = cells["#FCC30B"], cells["#19486A"]
    assert "color: #000000" in yellow.select_one("[aria-hidden]")["style"]
    assert yellow.select_one("[data-contrast]").get_text() == "svart text 12,95:1"
    assert yellow.select_one("[data-light-colour]") is not None
    assert blue.select_one("[data-contrast]").get_text() == "vit text 9,65:1"
    assert blue.select_one("[data-light-colour]") is None
