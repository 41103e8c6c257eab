"""The success criteria of WCAG 2.1 at levels A and AA: what EN 301 549 (and so DOS-lagen)
requires of a website. An accessibility statement names the criteria its inaccessible
content fails; the names come from the W3C's own wording (and its authorised Swedish
translation, in the catalogue), so editors pick a criterion instead of typing one.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

UNDERSTANDING_URL = "https://www.w3.org/WAI/WCAG21/Understanding/{slug}.html"


@dataclass(frozen=True)
class Criterion:
    number: str
    level: str
    name: Promise
    slug: str

    @property
    def url(self) -> str:
        """The W3C's page that explains the criterion."""
        return UNDERSTANDING_URL.format(slug=self.slug)

    @property
    def label(self) -> str:
        return f"{self.number} {self.name}"


CRITERIA: tuple[Criterion, ...] = (
    Criterion("1.1.1", "A", _("Non-text Content"), "non-text-content"),
    Criterion(
        "1.2.1",
        "A",
        _("Audio-only and Video-only (Prerecorded)"),
        "audio-only-and-video-only-prerecorded",
    ),
    Criterion("1.2.2", "A", _("Captions (Prerecorded)"), "captions-prerecorded"),
    Criterion(
        "1.2.3",
        "A",
        _("Audio Description or Media Alternative (Prerecorded)"),
        "audio-description-or-media-alternative-prerecorded",
    ),
    Criterion("1.2.4", "AA", _("Captions (Live)"), "captions-live"),
    Criterion("1.2.5", "AA", _("Audio Description (Prerecorded)"), "audio-description-prerecorded"),
    Criterion("1.3.1", "A", _("Info and Relationships"), "info-and-relationships"),
    Criterion("1.3.2", "A", _("Meaningful Sequence"), "meaningful-sequence"),
    Criterion("1.3.3", "A", _("Sensory Characteristics"), "sensory-characteristics"),
    Criterion("1.3.4", "AA", _("Orientation"), "orientation"),
    Criterion("1.3.5", "AA", _("Identify Input Purpose"), "identify-input-purpose"),
    Criterion("1.4.1", "A", _("Use of Color"), "use-of-color"),
    Criterion("1.4.2", "A", _("Audio Control"), "audio-control"),
    Criterion("1.4.3", "AA", _("Contrast (Minimum)"), "contrast-minimum"),
    Criterion("1.4.4", "AA", _("Resize text"), "resize-text"),
    Criterion("1.4.5", "AA", _("Images of Text"), "images-of-text"),
    Criterion("1.4.10", "AA", _("Reflow"), "reflow"),
    Criterion("1.4.11", "AA", _("Non-text Contrast"), "non-text-contrast"),
    Criterion("1.4.12", "AA", _("Text Spacing"), "text-spacing"),
    Criterion("1.4.13", "AA", _("Content on Hover or Focus"), "content-on-hover-or-focus"),
    Criterion("2.1.1", "A", _("Keyboard"), "keyboard"),
    Criterion("2.1.2", "A", _("No Keyboard Trap"), "no-keyboard-trap"),
    Criterion("2.1.4", "A", _("Character Key Shortcuts"), "character-key-shortcuts"),
    Criterion("2.2.1", "A", _("Timing Adjustable"), "timing-adjustable"),
    Criterion("2.2.2", "A", _("Pause, Stop, Hide"), "pause-stop-hide"),
    Criterion(
        "2.3.1", "A", _("Three Flashes or Below Threshold"), "three-flashes-or-below-threshold"
    ),
    Criterion("2.4.1", "A", _("Bypass Blocks"), "bypass-blocks"),
    Criterion("2.4.2", "A", _("Page Titled"), "page-titled"),
    Criterion("2.4.3", "A", _("Focus Order"), "focus-order"),
    Criterion("2.4.4", "A", _("Link Purpose (In Context)"), "link-purpose-in-context"),
    Criterion("2.4.5", "AA", _("Multiple Ways"), "multiple-ways"),
    Criterion("2.4.6", "AA", _("Headings and Labels"), "headings-and-labels"),
    Criterion("2.4.7", "AA", _("Focus Visible"), "focus-visible"),
    Criterion("2.5.1", "A", _("Pointer Gestures"), "pointer-gestures"),
    Criterion("2.5.2", "A", _("Pointer Cancellation"), "pointer-cancellation"),
    Criterion("2.5.3", "A", _("Label in Name"), "label-in-name"),
    Criterion("2.5.4", "A", _("Motion Actuation"), "motion-actuation"),
    Criterion("3.1.1", "A", _("Language of Page"), "language-of-page"),
    Criterion("3.1.2", "AA", _("Language of Parts"), "language-of-parts"),
    Criterion("3.2.1", "A", _("On Focus"), "on-focus"),
    Criterion("3.2.2", "A", _("On Input"), "on-input"),
    Criterion("3.2.3", "AA", _("Consistent Navigation"), "consistent-navigation"),
    Criterion("3.2.4", "AA", _("Consistent Identification"), "consistent-identification"),
    Criterion("3.3.1", "A", _("Error Identification"), "error-identification"),
    Criterion("3.3.2", "A", _("Labels or Instructions"), "labels-or-instructions"),
    Criterion("3.3.3", "AA", _("Error Suggestion"), "error-suggestion"),
    Criterion(
        "3.3.4",
        "AA",
        _("Error Prevention (Legal, Financial, Data)"),
        "error-prevention-legal-financial-data",
    ),
    Criterion("4.1.1", "A", _("Parsing"), "parsing"),
    Criterion("4.1.2", "A", _("Name, Role, Value"), "name-role-value"),
    Criterion("4.1.3", "AA", _("Status Messages"), "status-messages"),
)

BY_NUMBER: dict[str, Criterion] = {criterion.number: criterion for criterion in CRITERIA}


def choices() -> list[tuple[str, Promise]]:
    """(number, "number name") for a choice field, in the guidelines' order; the names
    in the language of whoever reads them."""
    return [(c.number, format_lazy("{} {}", c.number, c.name)) for c in CRITERIA]
