"""Dates in wagtail-localize's translation editor that read right in every language.

wagtail-localize writes "last published" and "Manually translated on …" with
``strftime("%-d %B %Y")``, whose month name comes from the process's C locale: a Swedish
admin read "1 December 2026". ``strftime`` cannot follow the request's language, so the
package gives it the ISO date, which is how Swedish writes a short date (Django's
``SHORT_DATE_FORMAT`` for sv) and which an English reader reads as well.
"""

from wagtail_localize import models as localize_models
from wagtail_localize.views import edit_translation

ISO_DATE = "%Y-%m-%d"


def use_iso_dates() -> None:
    """Both modules read their own ``DATE_FORMAT`` global each time they write a date."""
    localize_models.DATE_FORMAT = ISO_DATE
    edit_translation.DATE_FORMAT = ISO_DATE
