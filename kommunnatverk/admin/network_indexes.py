"""A new network page can bring its news, project and meeting indexes with it.

The create form of a NetworkPage (``forms.NetworkPageForm``) has a box, checked by
default. When the page is saved or published with the box checked, a NewsIndexPage, a
ProjectIndexPage and an EventIndexPage are added under it, titled in the page's own
language: drafts when the page was saved as a draft, live when it was published.

Wagtail 8 autosaves a page being created: the first autosave creates it, and the form
then goes on posting to the edit view, the box still on screen. Autosaves create nothing
here; the first save or publish the editor asks for does, from the create view or from the
edit view, as the box says then. The edit form itself never shows the box.
"""

from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import pgettext
from wagtail.models import Page

from ..forms import CREATE_INDEXES
from ..models import EventIndexPage, NewsIndexPage, ProjectIndexPage


def indexes_requested(request: HttpRequest) -> bool:
    """Whether this request is an editor's save or publish with the box checked."""
    if not request.accepts("text/html"):
        return False  # an autosave: wait for the editor's own save
    return forms.CheckboxInput().value_from_datadict(request.POST, None, CREATE_INDEXES)


def index_titles(page: Page) -> dict[type[Page], str]:
    """The index page types and their titles, in the language of ``page``."""
    with translation.override(page.locale.language_code):
        return {
            NewsIndexPage: pgettext("title of a new news index page", "News"),
            ProjectIndexPage: pgettext("title of a new project index page", "Projects"),
            EventIndexPage: pgettext("title of a new event index page", "Meetings"),
        }


def create_indexes(network: Page, user) -> list[Page]:
    """Add the news, project and meeting indexes under ``network``, live if it is live.

    A type the network cannot take (a site's subclass may leave it out, or one exists
    already) is skipped, so asking twice creates nothing more.
    """
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    created = []
    for model, title in index_titles(network).items():
        if not model.can_create_at(network):
            continue
        index = model(
            title=title,
            slug=slugify(title, allow_unicode=allow_unicode),
            locale=network.locale,
            owner=user,
            live=False,
        )
        network.add_child(instance=index)
        revision = index.save_revision(user=user, log_action=True)
        if network.live:
            revision.publish(user=user)
        created.append(index)
    return created
