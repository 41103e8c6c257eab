"""Helpers for tests that drive the Wagtail admin as an editor would."""

import bs4
from django.contrib.auth import get_user_model
from django.http import QueryDict
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile


def log_in_editor(client, language: str = "sv", username: str = "redaktor"):
    """Log ``client`` in as a superuser whose admin speaks ``language``."""
    user = get_user_model().objects.create_superuser(username, f"{username}@example.org", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    client.user = user
    return client


def form_data(html: str, form_id: str) -> QueryDict:
    """The data a browser would submit from the form as rendered.

    Wagtail draws StreamFields with JavaScript, so their fields are not in the HTML: the
    caller adds them (``nested_form_data({"body": streamfield([...])})``). A checked box
    without a value attribute submits "on", as in a browser.
    """
    data = querydict_from_html(html, form_id=form_id)
    form = bs4.BeautifulSoup(html, "html.parser").find("form", id=form_id)
    for box in form.find_all("input", type="checkbox", checked=True):
        if box.get("name") and "value" not in box.attrs:
            data.setlist(box["name"], ["on"])
    for textarea in form.find_all("textarea"):
        # Browsers drop the newline that HTML puts right after <textarea>.
        if (name := textarea.get("name")) and data.get(name, "").startswith("\n"):
            data[name] = data[name][1:]
    return data


def field_errors(html: str, name: str) -> list[str]:
    """The error messages the form shows on the field named ``name``."""
    soup = bs4.BeautifulSoup(html, "html.parser")
    for field in soup.select("[data-field]"):
        if field.find(attrs={"name": name}) is not None:
            errors = field.select_one("[data-field-errors]")
            return [p.get_text(" ", strip=True) for p in errors.select(".error-message")]
    raise AssertionError(f"the form has no field {name!r}")


def table(html: str) -> tuple[list[str], list[dict[str, str]]]:
    """The headings of the listing table and its rows as {heading: text}, leaving out the
    unnamed columns (bulk selection) and each title's menu of actions."""
    soup = bs4.BeautifulSoup(html, "html.parser").find("table", class_="listing")
    assert soup is not None, "no listing table in the page"
    for actions in soup.select("ul.actions"):
        actions.decompose()

    def text(cell) -> str:
        return " ".join(cell.get_text(" ", strip=True).split())

    headings = [text(th) for th in soup.select("thead th")]
    rows = [
        {
            heading: text(cell)
            for heading, cell in zip(headings, tr.find_all("td"), strict=True)
            if heading
        }
        for tr in soup.select("tbody tr")
    ]
    return [heading for heading in headings if heading], rows


def active_filters(html: str) -> list[str]:
    """The filters a listing shows as applied, as the editor reads them."""
    soup = bs4.BeautifulSoup(html, "html.parser")
    return [
        " ".join(pill.get_text(" ", strip=True).split())
        for pill in soup.select(".w-active-filters .w-pill__content")
    ]
