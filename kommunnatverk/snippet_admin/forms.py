"""The admin form of the snippets editors publish."""

from wagtail.admin.forms import WagtailAdminModelForm


class PublishableSnippetForm(WagtailAdminModelForm):
    """Asks for every required field, drafts included.

    Wagtail lets a draft leave required text fields empty, but these snippets are checked
    in full whenever they are saved (``PublishableSnippet.save``), so a draft without a
    title would fail after the form had accepted it: a server error, and the editor's
    typing lost. Checked here, the empty field gets its message and the form keeps the rest.
    """

    def defer_required_fields(self) -> None:
        return None
