"""The frontend URL Wagtail's preview panel shows: the site's frontend, which reads the
draft from the API with a signed token (``tokens``)."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page, Site

from .. import conf
from ..content import addresses
from ..content.registry import type_name
from ..models import PreviewDraft
from .tokens import make_token

PLACEHOLDERS = ("locale", "path")


def frontend_url_template(site: Site | None) -> str | None:
    setting = conf.get("FRONTEND_URL")
    if not isinstance(setting, dict):
        return setting
    if site is not None:
        for key in (f"{site.hostname}:{site.port}", site.hostname):
            if key in setting:
                return setting[key]
    return setting.get("*")


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
        "preview_snippet", snippet_type=type_name(type(obj)), object_id=obj.pk
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
        path = f"/snippets/{type_name(type(obj))}/{obj.pk}/"
    template = frontend_url_template(site)
    if not template:
        return None
    draft = store_draft(obj, request)
    user = getattr(request, "user", None)
    url = template.format(locale=obj.locale.language_code, path=path)
    scheme, netloc, url_path, query, fragment = urlsplit(url)
    params = [
        *parse_qsl(query, keep_blank_values=True),
        ("token", make_token(obj, draft=draft, user=user)),
        ("api", api_path_of(obj)),
    ]
    return urlunsplit((scheme, netloc, url_path, urlencode(params), fragment))
