"""WCAG 2.1 contrast of colours, for text on a goal's colour and for the colour on the page.

A goal badge shows its code and title on the goal's own colour, and that colour is the
framework's or an editor's choice, not the designer's: ten of the 17 official Agenda
2030 colours are too light for white text (goal 7's #FCC30B gives 1.62:1). The text
colour is therefore computed: black or white, whichever contrasts more with the
background. For every sRGB colour one of the
two reaches at least 4.58:1 (the worst case is a background of relative luminance 0.179,
where both give 0.229 / 0.05 = 1.05 / 0.229 ≈ 4.58), so a badge is always readable at
level AA.

What a colour can still fail is to stand out from the page itself (WCAG 1.4.11, 3:1):
:func:`stands_out_on_page` says whether it does, and the admin warns when it does not.

The formulas are WCAG 2.1's definitions of relative luminance and contrast ratio; they
are a few lines, so they are written here rather than taken from a library.
"""

import re

BLACK = "#000000"
WHITE = "#FFFFFF"
# The reference templates' page background (``--kn-background``).
PAGE_BACKGROUND = WHITE
# WCAG 2.1 1.4.3: normal text on its background; 1.4.11: what shows meaning by colour.
MIN_TEXT_CONTRAST = 4.5
MIN_NON_TEXT_CONTRAST = 3.0

HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def is_hex_colour(value: object) -> bool:
    """Whether ``value`` is a colour as the package stores it: ``#`` and six hex digits."""
    return isinstance(value, str) and HEX_COLOUR.match(value) is not None


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of a ``#RRGGBB`` colour: 0 for black, 1 for white."""
    if not is_hex_colour(colour):
        raise ValueError(f"Not a #RRGGBB colour: {colour!r}")
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1's contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def text_colour(background: str) -> str:
    """The text colour for ``background``: black or white, whichever contrasts more
    (at least 4.58:1 for any colour). White where ``background`` is not a colour."""
    if not is_hex_colour(background):
        return WHITE
    if contrast_ratio(background, BLACK) > contrast_ratio(background, WHITE):
        return BLACK
    return WHITE


def text_contrast(background: str) -> float:
    """The contrast of :func:`text_colour` on ``background``."""
    return contrast_ratio(background, text_colour(background))


def stands_out_on_page(colour: str, page: str = PAGE_BACKGROUND) -> bool:
    """Whether ``colour`` on the page background reaches 3:1 (WCAG 1.4.11), as a stripe,
    a dot or a chart segment that shows a goal by its colour alone must."""
    return contrast_ratio(colour, page) >= MIN_NON_TEXT_CONTRAST
