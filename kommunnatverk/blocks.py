"""StreamField blocks shared by the page types."""

from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from . import wcag
from .validators import UNSAFE_URL_MESSAGE, is_safe_url

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it. Leave empty if decorative."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "kommunnatverk/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "kommunnatverk/blocks/quote.html"


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to an external address, never both."""

    text = blocks.CharBlock(label=_("link text"))
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external link"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "kommunnatverk/blocks/link.html"

    def clean(self, value):
        value = super().clean(value)
        # A draft (autosave, Save draft) may hold a link still being filled in; an
        # address that is unsafe is refused even there, since previews show drafts.
        half_filled = self.is_deferred_validation and not (value.get("page") and value.get("url"))
        if not half_filled and bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose either a page or an external link.")
            raise StructBlockValidationError(
                block_errors={"page": ErrorList([message]), "url": ErrorList([message])}
            )
        if not is_safe_url(value.get("url")):
            message = UNSAFE_URL_MESSAGE
            raise StructBlockValidationError(block_errors={"url": ErrorList([message])})
        return value


class BaseStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        icon="title",
        form_classname="title",
        template="kommunnatverk/blocks/heading.html",
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, icon="pilcrow"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    link = LinkBlock()

    class Meta:
        label = _("Body")


# The accessibility statement ------------------------------------------------------------


class InaccessibleContentBlock(blocks.StructBlock):
    """Content that does not meet the requirements: what, why, the WCAG criteria it
    fails and, where there is one, the accessible alternative."""

    content = blocks.TextBlock(
        label=_("content that is not accessible"),
        help_text=_("Such as: Goal badges have too little contrast between text and colour."),
    )
    reason = blocks.TextBlock(
        label=_("why"),
        help_text=_("Why it is not accessible yet, and when it will be fixed if known."),
    )
    criteria = blocks.MultipleChoiceBlock(
        label=_("WCAG success criteria"),
        choices=wcag.choices(),
        required=False,
        help_text=_("The WCAG 2.1 criteria the content fails."),
    )
    alternative = blocks.TextBlock(
        label=_("accessible alternative"),
        required=False,
        help_text=_("How a visitor can get the same content in an accessible way, if they can."),
    )

    class Meta:
        icon = "warning"
        label = _("Inaccessible content")


class ExemptContentBlock(blocks.StructBlock):
    """Content exempted from the requirements: what it is, and on which grounds."""

    content = blocks.TextBlock(label=_("content"))
    reason = blocks.TextBlock(
        label=_("grounds"),
        help_text=_("Why the exemption applies, stated so that a reader can judge it."),
    )

    class Meta:
        icon = "info-circle"
        label = _("Exempted content")
