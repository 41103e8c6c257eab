"""A create form makes one page, however many of its requests race: never a 500.

Wagtail 8's autosave posts the page create form in the background to the "add" address
(``/admin/pages/add/<app>/<model>/<parent>/``). Only when that answer arrives does the
browser point the form at the new page's edit address (``AutosaveController``: it sets
``form.action`` to the answer's ``url`` and hydrates the page into an edit view). A
Publish or Save draft clicked in between posts the same form to the "add" address again,
and Wagtail's ``CreateView`` makes the page a second time:

- after the first request has finished, the form is refused as if the editor had chosen
  a slug already taken, and a second page is half made if they change it;
- while the first is still running, both pass validation, and the second fails inside
  ``add_child`` (slug and tree path taken: ``ValidationError`` or ``IntegrityError``),
  a server error for the editor.

Each of the package's create forms carries a token (``forms.PageForm``). The first request
that posts it claims it (``models.PageCreation``) and makes the page; any later one waits
for that page and is handled as an edit of it, with the row ids the browser would have
filled in from the first answer. An autosave that arrives after the editor's own action
saves nothing: it holds no newer content than the action did.
"""

import json
import time
import uuid
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin.utils import set_query_params
from wagtail.admin.views.pages.create import CreateView

from ..forms import CREATION_TOKEN
from ..models import PageCreation
from .autosave import EDIT_VIEW, HANDLED, RecordedEditView, explained, is_autosave

CREATION_HANDLED = "_kommunnatverk_creation_handled"
CREATE_VIEW = "_kommunnatverk_create_view"
# How long a request waits for the one that claimed its form to make the page: well
# inside gunicorn's default 30 s worker timeout.
WAIT_SECONDS = 20.0
POLL_SECONDS = 0.05
# Claims are needed only while the create form is open; older ones are removed.
KEPT_FOR = timedelta(days=1)


def handle_create_request(request: HttpRequest, parent_page, page_class) -> HttpResponse | None:
    """The ``before_create_page`` hook: posts of a tokened create form are handled here."""
    if request.method != "POST" or getattr(request, CREATION_HANDLED, False):
        return None
    token = _token(request.POST.get(CREATION_TOKEN))
    if token is None:
        return None
    setattr(request, CREATION_HANDLED, True)
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        creation, claimed = _claim(token, request, parent_page)
        if claimed:
            return _create(request, parent_page, page_class, creation)
        if creation is None:
            continue  # released between our insert and our read: claim again
        if creation.user_id != request.user.pk or creation.parent_id != parent_page.pk:
            # Not this editor's form under this parent: an ordinary create.
            return _run_create_view(request, parent_page, page_class)
        creation = _wait_for_page(token, deadline)
        if creation is not None and creation.page_id is not None:
            return _edit(request, creation)
        if creation is not None:
            break
        # The first request made no page (a validation error): this one may.
    return _still_being_created(request, parent_page)


def _token(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None


def _claim(token: uuid.UUID, request: HttpRequest, parent_page) -> tuple[PageCreation | None, bool]:
    try:
        with transaction.atomic():
            creation = PageCreation.objects.create(
                token=token, user=request.user, parent=parent_page
            )
    except IntegrityError:
        return PageCreation.objects.filter(token=token).first(), False
    PageCreation.objects.filter(created_at__lt=timezone.now() - KEPT_FOR).delete()
    return creation, True


def _wait_for_page(token: uuid.UUID, deadline: float) -> PageCreation | None:
    while True:
        creation = PageCreation.objects.filter(token=token).first()
        if creation is None or creation.page_id is not None or time.monotonic() >= deadline:
            return creation
        pause()


def pause() -> None:
    time.sleep(POLL_SECONDS)


class _RecordedCreateView(CreateView):
    """Wagtail's create view, leaving itself on the request so that the claim can name
    the page it made and the row ids it gave the form."""

    def setup(self, request, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        setattr(request, CREATE_VIEW, self)


def _run_create_view(request: HttpRequest, parent_page, page_class) -> HttpResponse:
    meta = page_class._meta
    view = _RecordedCreateView.as_view()
    try:
        return view(request, meta.app_label, meta.model_name, parent_page.pk)
    except (ValidationError, IntegrityError):
        # Another form took the slug or the tree path between this form's validation and
        # its save (two editors, or a form without a token). Outside a transaction the
        # form can be checked again, and the editor then sees which field to change.
        if transaction.get_connection().in_atomic_block:
            raise
        return view(request, meta.app_label, meta.model_name, parent_page.pk)


def _create(request: HttpRequest, parent_page, page_class, creation: PageCreation) -> HttpResponse:
    try:
        response = _run_create_view(request, parent_page, page_class)
    except BaseException:
        creation.delete()
        raise
    view = getattr(request, CREATE_VIEW, None)
    page = getattr(view, "page", None)
    form = getattr(view, "form", None)
    if page is None or page.pk is None:
        # Not created (validation errors, a hook said no): the next post may try again.
        creation.delete()
        return explained(response, view)
    PageCreation.objects.filter(pk=creation.pk).update(
        page=page,
        field_updates=dict(form.get_field_updates_for_resave()) if form is not None else {},
        autosave_revision_id=page.latest_revision_id if view.expects_json_response else None,
    )
    return response


def _edit(request: HttpRequest, creation: PageCreation) -> HttpResponse:
    """The form's later post, as an edit of the page its first post made."""
    page = creation.page.specific
    data = request.POST.copy()
    for name, value in creation.field_updates.items():
        data[name] = value
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    if is_autosave(request):
        if creation.autosave_revision_id is None:
            # The editor's action made the page from this form; this autosave left the
            # browser before it and has nothing newer to save.
            return JsonResponse(
                {
                    "success": False,
                    "error_code": "invalid_revision",
                    "error_message": gettext(
                        "This page has already been created from this form. "
                        "Open it to go on editing."
                    ),
                },
                status=400,
            )
        data["overwrite_revision_id"] = str(creation.autosave_revision_id)
    elif creation.autosave_revision_id is not None:
        messages.info(
            request,
            gettext(
                "Autosave had already created “%(title)s” as a draft, so your changes "
                "were saved to that page rather than to a new one."
            )
            % {"title": page.get_admin_display_title()},
        )
    else:
        messages.info(
            request,
            gettext(
                "“%(title)s” had already been created from this form, so your changes "
                "were saved to it rather than to a second page."
            )
            % {"title": page.get_admin_display_title()},
        )
    request.POST = data
    setattr(request, HANDLED, True)  # this is the edit view; its hook need not wrap it
    response = explained(
        RecordedEditView.as_view()(request, page_id=page.pk), getattr(request, EDIT_VIEW, None)
    )
    if isinstance(response, JsonResponse) and response.status_code == 200:
        # Tell the browser the page's address, as the create view's answer does, so that
        # it moves the form there and later autosaves go to the edit view.
        content = json.loads(response.content)
        content.pop("html", None)  # the hydration below draws the edit view whole
        content["url"] = edit_url
        content["hydrate_url"] = set_query_params(edit_url, {"_w_hydrate_create_view": "1"})
        return JsonResponse(content)
    return response


def _still_being_created(request: HttpRequest, parent_page) -> HttpResponse:
    message = gettext(
        "The page is still being created from this form. Wait a moment, then open it "
        "from the page list to go on."
    )
    if is_autosave(request):
        return JsonResponse(
            {"success": False, "error_code": "validation_error", "error_message": message},
            status=400,
        )
    messages.warning(request, message)
    return redirect("wagtailadmin_explore", parent_page.pk)
