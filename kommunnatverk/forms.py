"""The admin forms the models name as their ``base_form_class``.

Wagtail reads ``base_form_class`` from the model class, so these sit beside the models
rather than with the admin views (``admin/``), which import the models.
"""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

CREATE_INDEXES = "create_indexes"
CREATION_TOKEN = "kommunnatverk_creation"  # noqa: S105 - a form field name


class PublishableSnippetForm(WagtailAdminModelForm):
    """Asks for every required field, drafts included.

    Wagtail lets a draft leave required text fields empty, but these snippets are checked
    in full whenever they are saved (``PublishableSnippet.save``), so a draft without a
    title would fail after the form had accepted it: a server error, and the editor's
    typing lost. Checked here, the empty field gets its message and the form keeps the rest.
    """

    def defer_required_fields(self) -> None:
        return None


class PageForm(WagtailAdminPageForm):
    """The form of every page type of the package: a create form carries a token of its
    own, so the requests it sends make one page between them (``admin.creation``).

    Autosave and the editor's Publish can both post the create form before the browser
    has learnt of the page autosave made; the token tells the second request which page
    that was. A form shown again after an error keeps the token it was sent with.
    """

    kommunnatverk_creation = forms.UUIDField(
        widget=forms.HiddenInput, required=False, initial=uuid.uuid4
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            del self.fields[CREATION_TOKEN]


class NetworkPageForm(PageForm):
    """The NetworkPage form; its create form offers to create the two index pages
    (``admin.network_indexes`` creates them)."""

    create_indexes = forms.BooleanField(
        label=_("Create a news index, a project index and a meeting index"),
        help_text=_(
            "Adds the pages that list news items, projects and meetings, in this page's language: "
            "published if you publish this page, drafts if you save it as a draft."
        ),
        required=False,
        initial=True,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Only a page being created can ask for its indexes: an existing one has them,
        # or had them removed on purpose.
        if self.instance.pk is not None:
            del self.fields[CREATE_INDEXES]
