"""The accessibility statement a page links to: the law asks for a link from every page.

Public statements only (``content.public``): a draft or a private statement is linked
from nowhere. A page reads the statement in its own language and, where that language
has none yet, the source language's, so the link never disappears with a missing
translation (DIGG asks for the statement on every page, not for a translated one).
"""

from wagtail.models import Locale, Page, Site

from .. import conf
from ..models import AccessibilityStatementPage
from .public import TRANSLATION_FIELDS, public_pages


def accessibility_statement(
    site: Site | None, language: str | Locale | None, *, page: Page | None = None
) -> Page | None:
    """The public statement of ``site`` in ``language`` (a code or a locale), else in the
    source language, else in any content language; None when there is none.

    With ``page``, the statement of the network ``page`` belongs to comes first, for a
    Site that holds several networks. Only :data:`~.public.TRANSLATION_FIELDS` are loaded:
    enough for its title and its URL.
    """
    if site is None:
        return None
    code = language.language_code if isinstance(language, Locale) else language
    statements = list(
        public_pages(AccessibilityStatementPage, site=site)
        .select_related("locale")
        .only(*TRANSLATION_FIELDS, "locale__language_code")
        .order_by("path")
    )
    if not statements:
        return None
    if page is not None and getattr(page, "path", None):
        own = [s for s in statements if page.path.startswith(s.path[: -Page.steplen])]
        own_keys = {s.translation_key for s in own}
        statements = [s for s in statements if s.translation_key in own_keys] or statements
    preference = [code, conf.get("SOURCE_LOCALE")]
    for wanted in preference:
        for statement in statements:
            if statement.locale.language_code == wanted:
                return statement
    return statements[0]
