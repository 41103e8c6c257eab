"""Signed preview tokens: one object, the revision its draft starts from, an expiry.

Built on Wagtail's own preview machinery (``serve_preview``), not wagtail-headless-preview:
that package has no support for Wagtail's v3 API or for snippets (docs/how-to/preview.md).
"""

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db.models import Model
from wagtail.models import Page, Revision

from .. import conf
from ..models import PreviewDraft

SALT = "kommunnatverk.preview"


class TokenError(Exception):
    """``kind``: invalid, expired or mismatch; the API answers 401 or 403 with it."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind, self.detail = kind, detail


def make_token(
    obj: Model, *, draft: PreviewDraft | None = None, revision: Revision | None = None
) -> str:
    payload = {
        "ct": ContentType.objects.get_for_model(type(obj)).pk,
        "id": str(obj.pk),
        "rev": revision.pk if revision else (draft.base_revision_id if draft else None),
        "draft": draft.pk if draft else None,
    }
    return signing.dumps(payload, salt=SALT, compress=True)


def read_token(token: str) -> dict:
    try:
        return signing.loads(token, salt=SALT, max_age=conf.get("PREVIEW_TOKEN_MAX_AGE"))
    except signing.SignatureExpired as error:
        raise TokenError("expired", "The preview token has expired; preview again.") from error
    except signing.BadSignature as error:
        raise TokenError("invalid", "The preview token is not valid.") from error


def load(token: str, model_check, object_id: str) -> Model:
    """The object a token names, in the state it was previewed in.

    ``model_check(model)`` says whether the endpoint serves that model.
    """
    payload = read_token(token)
    content_type = ContentType.objects.get_for_id(payload["ct"])
    model = content_type.model_class()
    if model is None or not model_check(model) or payload["id"] != str(object_id):
        raise TokenError("mismatch", "The preview token is for another object.")
    base = model._default_manager.filter(pk=object_id).first()
    if base is None:
        raise TokenError("mismatch", "The object of this preview token no longer exists.")
    if isinstance(base, Page):
        base = base.specific
    if payload["draft"] is not None:
        draft = PreviewDraft.objects.filter(pk=payload["draft"]).first()
        if draft is None or draft.object_id != str(object_id):
            raise TokenError("expired", "The preview this token named is gone; preview again.")
        if draft.base_revision_id != payload["rev"]:
            raise TokenError("mismatch", "The preview token is for an earlier revision.")
        return base.with_content_json(draft.content)
    if payload["rev"] is not None:
        revision = Revision.objects.filter(pk=payload["rev"], object_id=str(object_id)).first()
        obj = revision.as_object() if revision is not None else None
        if not isinstance(obj, model):
            raise TokenError("mismatch", "The preview token's revision is not this object's.")
        return obj
    raise TokenError("invalid", "The preview token names no draft or revision.")
