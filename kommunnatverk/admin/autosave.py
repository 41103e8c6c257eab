"""Autosave says what holds it back, in the editor's language.

Wagtail answers every autosave its form refuses with one sentence ("There are validation
errors, click save to highlight them."), shown under "Autosave is paused" at the foot of
the editor. An editor who had added a goal row and not yet chosen the goal saw autosave
stop without knowing why, since the row was on another tab. For the package's pages the
answer names each field and row instead: "Goals, row 1, goal: This field is required."
"""

import json

from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.admin.views.pages.edit import EditView

from ..content.registry import is_page

HANDLED = "_kommunnatverk_autosave_handled"
EDIT_VIEW = "_kommunnatverk_edit_view"
# The foot of the editor has room for a few; the rest are marked when the editor saves.
SHOWN_ERRORS = 4
# The fields Django and Wagtail add to every inline row.
ROW_FIELDS = {"id", "ORDER", "DELETE"}


class RecordedEditView(EditView):
    """Wagtail's edit view, leaving itself on the request so that its form can be read."""

    def setup(self, request, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        setattr(request, EDIT_VIEW, self)


def is_autosave(request: HttpRequest) -> bool:
    return request.method == "POST" and not request.accepts("text/html")


def handle_edit_autosave(request: HttpRequest, page) -> HttpResponse | None:
    """The ``before_edit_page`` hook: an autosave of one of the package's pages."""
    match = request.resolver_match
    if (
        not is_autosave(request)
        or getattr(request, HANDLED, False)
        or not is_page(page)
        or match is None
        or match.view_name != "wagtailadmin_pages:edit"
    ):
        return None
    setattr(request, HANDLED, True)
    response = RecordedEditView.as_view()(request, page_id=page.pk)
    return explained(response, getattr(request, EDIT_VIEW, None))


def explained(response: HttpResponse, view) -> HttpResponse:
    """An autosave refused by the form, answered with what the form found."""
    form = getattr(view, "form", None)
    if form is None or response.status_code != 400 or not isinstance(response, JsonResponse):
        return response
    answer = json.loads(response.content)
    found = errors_of(form)
    if answer.get("error_code") != "validation_error" or not found:
        return response
    shown = "; ".join(found[:SHOWN_ERRORS])
    if len(found) > SHOWN_ERRORS:
        shown += " …"
    answer["error_message"] = gettext("Autosave goes on once this is corrected: %(errors)s") % {
        "errors": shown
    }
    return JsonResponse(answer, status=400)


def errors_of(form) -> list[str]:
    """Each error of a page form and its inline rows, named as the editor sees them."""
    found = [_labelled(form, name, errors) for name, errors in form.errors.items()]
    for formset in getattr(form, "formsets", {}).values():
        rows = capfirst(formset.model._meta.verbose_name_plural)
        found += [f"{rows}: {error}" for error in formset.non_form_errors()]
        for number, row in enumerate(formset.forms, 1):
            if formset.can_delete and formset._should_delete_form(row):
                continue
            # A row of one field (a goal, an organisation) is named by its list alone.
            labelled = len([name for name in row.fields if name not in ROW_FIELDS]) > 1
            for name, errors in row.errors.items():
                error = _labelled(row, name, errors) if labelled else _text(errors)
                found.append(
                    gettext("%(rows)s, row %(number)d: %(error)s")
                    % {"rows": rows, "number": number, "error": error}
                )
    return found


def _text(errors) -> str:
    return " ".join(str(message) for message in errors)


def _labelled(form, name: str, errors) -> str:
    field = form.fields.get(name)
    if name == NON_FIELD_ERRORS or field is None or not field.label:
        return _text(errors)
    return f"{field.label}: {_text(errors)}"
