"""StreamField bodies: images as renditions, page links as URLs, rich text cleaned."""

from wagtail.models import Page

from ...content.richtext import rich_text_html
from ...validators import safe_url
from .context import ApiContext
from .links import localised_pages, page_ref
from .media import images_with_renditions, rendition


def body_blocks(ctx: ApiContext, stream) -> list[dict]:
    blocks = list(stream)
    image_ids = [
        b.value["image"].pk for b in blocks if b.block_type == "image" and b.value["image"]
    ]
    images = images_with_renditions(image_ids, "hero")
    return [_block(ctx, block, images) for block in blocks]


def _block(ctx: ApiContext, block, images: dict) -> dict:
    kind, value = block.block_type, block.value
    data = {"type": kind, "id": block.id or ""}
    if kind == "heading":
        data["value"] = str(value)
    elif kind == "paragraph":
        data["value"] = rich_text_html(value.source)
    elif kind == "image":
        image = value["image"]
        data["value"] = {
            "image": (
                rendition(images.get(image.pk, image), "hero", alt=value["alt_text"] or "")
                if image
                else None
            ),
            "alt_text": value["alt_text"] or "",
            "caption": value["caption"] or "",
        }
    elif kind == "quote":
        data["value"] = {"text": value["text"], "attribution": value["attribution"] or ""}
    elif kind == "link":
        page = _public_page_in_locale(ctx, value["page"])
        data["value"] = {
            "text": value["text"],
            # An address that is not http(s), mailto or tel is never sent (an override
            # can put one there without the block's validation).
            "url": ctx.page_url(page) if page else (safe_url(value["url"]) or None),
            "page": page_ref(ctx, page) if page else None,
        }
    return data


def _public_page_in_locale(ctx: ApiContext, page: Page | None) -> Page | None:
    if page is None:
        return None
    found = localised_pages(ctx, [page])
    return found[0] if found else None
