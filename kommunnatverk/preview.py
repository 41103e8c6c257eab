"""Headless preview: Wagtail's preview panel shows the site's frontend, which reads the
draft from the API with a signed token.

Built on Wagtail's own preview machinery (``serve_preview``), not wagtail-headless-preview:
that package has no support for Wagtail's v3 API or for snippets (docs/how-to/preview.md).
A token names one object and the revision its draft starts from, and expires.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page, Revision, Site

from . import conf
from .api import addresses
from .models import PreviewDraft

SALT = "kommunnatverk.preview"
PLACEHOLDERS = ("locale", "path")


class TokenError(Exception):
    """``kind``: invalid, expired or mismatch; the API answers 401 or 403 with it."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind, self.detail = kind, detail


def frontend_url_template(site: Site | None) -> str | None:
    setting = conf.get("FRONTEND_URL")
    if not isinstance(setting, dict):
        return setting
    if site is not None:
        for key in (f"{site.hostname}:{site.port}", site.hostname):
            if key in setting:
                return setting[key]
    return setting.get("*")


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


def store_draft(obj: Model, request: HttpRequest) -> PreviewDraft:
    """Keep the previewed (unsaved) state of ``obj`` for its tokens' lifetime."""
    lifetime = timezone.timedelta(seconds=conf.get("PREVIEW_TOKEN_MAX_AGE"))
    PreviewDraft.objects.filter(updated_at__lt=timezone.now() - lifetime).delete()
    user = getattr(request, "user", None)
    draft, _created = PreviewDraft.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
        user=user if user is not None and user.is_authenticated else None,
        defaults={
            "base_revision_id": getattr(obj, "latest_revision_id", None),
            "content": obj.serializable_data(),
        },
    )
    return draft


def api_path_of(obj: Model) -> str:
    if isinstance(obj, Page):
        return addresses.api_path("preview_page", page_id=obj.pk)
    return addresses.api_path(
        "preview_snippet", snippet_type=addresses.snippet_type(type(obj)), object_id=obj.pk
    )


def frontend_url(obj: Model, request: HttpRequest) -> str | None:
    """The frontend URL to show for a preview of ``obj``, or None to render templates.

    None also for an object never saved: a token needs an object to name.
    """
    if obj.pk is None:
        return None
    site = Site.find_for_request(request)
    if isinstance(obj, Page):
        site = obj.get_site() or site
        path = addresses.relative_url(obj) or "/"
    else:
        path = f"/snippets/{addresses.snippet_type(type(obj))}/{obj.pk}/"
    template = frontend_url_template(site)
    if not template:
        return None
    draft = store_draft(obj, request)
    url = template.format(locale=obj.locale.language_code, path=path)
    scheme, netloc, url_path, query, fragment = urlsplit(url)
    params = [
        *parse_qsl(query, keep_blank_values=True),
        ("token", make_token(obj, draft=draft)),
        ("api", api_path_of(obj)),
    ]
    return urlunsplit((scheme, netloc, url_path, urlencode(params), fragment))


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
