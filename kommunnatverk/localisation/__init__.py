"""Translation: from code, the guard of published snippet translations, the page tree of
a translated subtree, status, report.

``translate_with_strings`` is the documented way to translate the package's content from
code (docs/how-to/translate.md).
"""

from .from_code import TranslationResult, translate_with_strings

__all__ = ["TranslationResult", "translate_with_strings"]
