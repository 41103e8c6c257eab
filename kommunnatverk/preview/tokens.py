"""Signed preview tokens: one object, the revision its draft starts from, an expiry, and
the user who asked for it.

A token is checked against its issuer's rights when it is used, not only when it was
made: it stops working as soon as the issuer is deactivated or loses the right to edit
the object, and a token for a draft stops once that draft is published.

Built on Wagtail's own preview machinery (``serve_preview``), not wagtail-headless-preview:
that package has no support for Wagtail's v3 API or for snippets (docs/how-to/preview.md).
"""

from django.contrib.auth import get_permission_codename, get_user_model
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
    obj: Model,
    *,
    draft: PreviewDraft | None = None,
    revision: Revision | None = None,
    user=None,
) -> str:
    """A token for ``obj``'s ``draft`` or ``revision``. With ``user`` (the preview panel
    passes the editor) it holds only while that user may still edit ``obj``; without one
    (made in code, docs/how-to/preview.md) it holds until it expires."""
    rev = revision.pk if revision else (draft.base_revision_id if draft else None)
    payload = {
        "ct": ContentType.objects.get_for_model(type(obj)).pk,
        "id": str(obj.pk),
        "rev": rev,
        "draft": draft.pk if draft else None,
        "user": user.pk if user is not None and user.is_authenticated else None,
        # Whether the revision was already published: a token for an unpublished one
        # ends when it is.
        "was_live": rev is not None and rev == getattr(obj, "live_revision_id", None),
    }
    return signing.dumps(payload, salt=SALT, compress=True)


def may_preview(user, obj: Model) -> bool:
    """Whether ``user`` may still edit ``obj``, as the admin decides it."""
    if user is None or not user.is_active:
        return False
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    codename = get_permission_codename("change", obj._meta)
    return user.has_perm(f"{obj._meta.app_label}.{codename}")


def _check_issuer(payload: dict, base: Model) -> None:
    user_id = payload.get("user")
    if user_id is None:
        return
    user = get_user_model()._default_manager.filter(pk=user_id).first()
    if not may_preview(user, base):
        raise TokenError("mismatch", "The user who made this preview can no longer edit it.")
    rev = payload.get("rev")
    published = rev is not None and rev == getattr(base, "live_revision_id", None)
    if published and not payload.get("was_live", False):
        raise TokenError("expired", "This draft has been published; see the page itself.")


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
    _check_issuer(payload, base)
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
