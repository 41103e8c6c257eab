"""System checks: a site that lacks what the package needs is told at ``check`` time,
with the setting named and a hint, never by a traceback at request time."""

from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from . import conf
from .content.languages import content_languages as _content_languages

REQUIRED_LANGUAGES = ("sv", "en")


@register(Tags.compatibility)
def check_localisation(app_configs=None, **kwargs) -> list[Error]:
    errors = []
    if not apps.is_installed("wagtail_localize"):
        errors.append(
            Error(
                "wagtail_localize is not in INSTALLED_APPS.",
                hint="Add 'wagtail_localize' and 'wagtail_localize.locales' to "
                "INSTALLED_APPS: the package's snippets and pages are translated with it.",
                id="kommunnatverk.E001",
            )
        )
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        errors.append(
            Error(
                "WAGTAIL_I18N_ENABLED is not True.",
                hint="Set WAGTAIL_I18N_ENABLED = True: the network's content is in "
                "Swedish and English.",
                id="kommunnatverk.E002",
            )
        )
    missing = [code for code in REQUIRED_LANGUAGES if code not in _content_languages()]
    if missing:
        errors.append(
            Error(
                f"The content languages lack {', '.join(repr(c) for c in missing)}.",
                hint="List ('sv', 'Svenska') and ('en', 'English') in "
                "WAGTAIL_CONTENT_LANGUAGES (and LANGUAGES).",
                id="kommunnatverk.E003",
            )
        )
    return errors


def _positive_int(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
    return None if ok else "a whole number above 0"


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "a non-empty string"


def _text_or_none(value: Any) -> str | None:
    return None if value is None else _text(value)


def _key_prefix(value: Any) -> str | None:
    # Keys are header tokens: a space or comma would split one key into two.
    ok = isinstance(value, str) and value.isascii() and value.replace("-", "").isalnum()
    return None if ok else "a non-empty string of ASCII letters, digits and hyphens"


def _locale_or_none(value: Any) -> str | None:
    if value is None:
        return None
    if value in _content_languages():
        return None
    return f"None or one of the content languages ({', '.join(_content_languages())})"


def _locale(value: Any) -> str | None:
    return (
        None
        if value in _content_languages()
        else (f"one of the content languages ({', '.join(_content_languages())})")
    )


def _cache_alias_or_none(value: Any) -> str | None:
    if value is None or value in getattr(settings, "CACHES", {}):
        return None
    return f"None or an alias in CACHES ({', '.join(getattr(settings, 'CACHES', {}))})"


def _renditions(value: Any) -> str | None:
    from wagtail.images.models import Filter

    if not isinstance(value, dict):
        return "a dict of rendition names to Wagtail filter specs"
    missing = [name for name in conf.DEFAULTS["RENDITIONS"] if name not in value]
    if missing:
        return f"a dict with the renditions {', '.join(missing)} too"
    for name, spec in value.items():
        try:
            Filter(spec=spec).operations  # noqa: B018 - parsing is the check
        except (ValueError, TypeError, AttributeError) as error:  # InvalidFilterSpecError
            return f"valid filter specs; {name!r}: {spec!r} is not ({error})"
    return None


def _task_backend(value: Any) -> str | None:
    aliases = getattr(settings, "TASKS", None) or {"default": None}
    if value in aliases:
        return None
    return f"an alias in TASKS ({', '.join(aliases)})"


def _hosts(value: Any) -> str | None:
    ok = isinstance(value, list | tuple) and all(isinstance(h, str) and h for h in value)
    return None if ok else 'a list of host names or IP addresses, such as ["127.0.0.1"]'


def _asset(value: Any) -> str | None:
    """A static file path the staticfiles finders find, or an absolute http(s) URL."""
    if not isinstance(value, str) or not value.strip():
        return "a static file path or an absolute URL"
    if value.startswith(("http://", "https://", "//")):
        return None
    if apps.is_installed("django.contrib.staticfiles"):
        from django.contrib.staticfiles import finders

        if not finders.find(value):
            return f"a static file path the static files finders find ({value!r} is not found)"
    return None


def _asset_or_none(value: Any) -> str | None:
    return None if value is None else _asset(value)


def _assets(value: Any) -> str | None:
    if not isinstance(value, list | tuple):
        return "a list of static file paths or absolute URLs"
    for item in value:
        if (problem := _asset(item)) is not None:
            return f"a list of which each item is {problem}"
    return None


VALIDATORS: dict[str, Callable[[Any], str | None]] = {
    "SOURCE_LOCALE": _locale,
    "FALLBACK_LOCALE": _locale_or_none,
    "API_DEFAULT_LIMIT": _positive_int,
    "API_MAX_LIMIT": _positive_int,
    "API_RESPONSE_CACHE": _cache_alias_or_none,
    "API_RESPONSE_CACHE_TIMEOUT": _positive_int,
    "API_CACHE_CONTROL": _text,
    "RENDITIONS": _renditions,
    "FAVICONS": _assets,
    "LOGO": _asset_or_none,
    "PREVIEW_TOKEN_MAX_AGE": _positive_int,
    "TASK_BACKEND": _task_backend,
    "WEBHOOK_TIMEOUT": _positive_int,
    "WEBHOOK_MAX_ATTEMPTS": _positive_int,
    "WEBHOOK_RETRY_DELAY": _positive_int,
    "WEBHOOK_ALLOWED_HOSTS": _hosts,
    "OUTAGE_RETRY_AFTER": _positive_int,
    "SURROGATE_KEY_HEADER": _text_or_none,
    "SURROGATE_KEY_PREFIX": _key_prefix,
    "SURROGATE_KEY_MAX": _positive_int,
    "EDGE_CACHE_CONTROL": _text_or_none,
    "PURGE_MAX_ATTEMPTS": _positive_int,
    "PURGE_RETRY_DELAY": _positive_int,
}


@register(Tags.compatibility)
def check_settings(app_configs=None, **kwargs) -> list[Error]:
    user = getattr(settings, "KOMMUNNATVERK", {})
    if not isinstance(user, dict):
        return [
            Error(
                "KOMMUNNATVERK is not a dict.",
                hint="Set KOMMUNNATVERK = {...} with the keys in the settings reference.",
                id="kommunnatverk.E004",
            )
        ]
    errors = []
    for key in sorted(set(user) - set(conf.DEFAULTS)):
        errors.append(
            Error(
                f"KOMMUNNATVERK has an unknown key {key!r}.",
                hint=f"Known keys: {', '.join(conf.DEFAULTS)}. Check the spelling.",
                id="kommunnatverk.E004",
            )
        )
    for key, validate in VALIDATORS.items():
        if key in user and (expected := validate(user[key])) is not None:
            errors.append(
                Error(
                    f"KOMMUNNATVERK[{key!r}] is {user[key]!r}.",
                    hint=f"It must be {expected}.",
                    id="kommunnatverk.E005",
                )
            )
    limits = conf.get("API_DEFAULT_LIMIT"), conf.get("API_MAX_LIMIT")
    if all(_positive_int(v) is None for v in limits) and limits[0] > limits[1]:
        errors.append(
            Error(
                f"KOMMUNNATVERK['API_DEFAULT_LIMIT'] ({limits[0]}) is above "
                f"KOMMUNNATVERK['API_MAX_LIMIT'] ({limits[1]}).",
                hint="The default page size must be one a client may ask for.",
                id="kommunnatverk.E005",
            )
        )
    return errors


FRONTEND_URL_EXAMPLE = "https://www.example.org/api/preview?locale={locale}&path={path}"


def _frontend_url_problem(value: Any) -> str | None:
    """Why a FRONTEND_URL template is unusable, or None."""
    from urllib.parse import urlsplit

    if not isinstance(value, str) or not value.strip():
        return "is not a non-empty string"
    try:
        filled = value.format(locale="sv", path="/")
    except (KeyError, IndexError, ValueError) as error:
        return f"has a placeholder other than {{locale}} and {{path}} ({error})"
    if "{path}" not in value:
        return "has no {path} placeholder, so every preview would show the same page"
    parts = urlsplit(filled)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "is not an http(s) URL with a host"
    return None


@register(Tags.compatibility)
def check_frontend_url(app_configs=None, **kwargs) -> list[Error]:
    setting = conf.get("FRONTEND_URL")
    if setting is None:
        return []
    templates = setting.items() if isinstance(setting, dict) else [(None, setting)]
    errors = []
    for site, template in templates:
        problem = _frontend_url_problem(template)
        if problem:
            where = f"KOMMUNNATVERK['FRONTEND_URL'][{site!r}]" if site else "FRONTEND_URL"
            errors.append(
                Error(
                    f"{where} {template!r} {problem}.",
                    hint=f"Use a URL with {{path}} (and {{locale}} if the frontend wants it), "
                    f"such as {FRONTEND_URL_EXAMPLE!r}; a dict maps site hostnames or '*' "
                    "to such URLs.",
                    id="kommunnatverk.E006",
                )
            )
    return errors


@register(Tags.compatibility)
def check_task_backend(app_configs=None, **kwargs) -> list[Warning]:
    """Webhooks need a queue that runs later: an immediate backend sends them inside the
    editor's publish request, and one that cannot defer cannot retry."""
    from django_tasks import task_backends
    from django_tasks.exceptions import InvalidTaskBackendError

    alias = conf.get("TASK_BACKEND")
    try:
        backend = task_backends[alias]
    except (InvalidTaskBackendError, KeyError):
        return []  # E005 names the bad alias
    from django_tasks.backends.immediate import ImmediateBackend

    if isinstance(backend, ImmediateBackend) or not backend.supports_defer:
        return [
            Warning(
                f"The task backend {alias!r} ({type(backend).__name__}) runs webhook "
                "deliveries inside the publish request or cannot retry them later.",
                hint="Use a queue that defers, such as django_tasks_db.DatabaseBackend with "
                "`manage.py kommunnatverk_worker` (db_worker that outlives a database "
                "outage), in TASKS (or name one in "
                "KOMMUNNATVERK['TASK_BACKEND']). Without webhook endpoints this is harmless.",
                id="kommunnatverk.W001",
            )
        ]
    return []


TREE_PROBLEMS = (
    "with characters outside the path alphabet",
    "with a path of the wrong length",
    "without a parent",
    "with a depth that does not match their path",
    "with a wrong number of children (numchild)",
)
SHOWN_IDS = 10


@register(Tags.database, deploy=True)
def check_page_tree(app_configs=None, databases=None, **kwargs) -> list[Error]:
    """A page whose ``numchild`` is wrong hides every page below it: they answer 404 while
    the API, which queries by path, still lists them (wagtail-localize #773 did this).

    It reads every page's tree fields, so it is a deploy check that reads the database
    only when named: ``check --deploy --database default``. Plain ``check``, ``runserver``
    and ``migrate`` never run it, nor does an image build that runs ``check --deploy``
    without a database.
    """
    from django.db import DatabaseError, router
    from wagtail.models import Page

    from .localisation.page_tree import find_problems

    if not databases or router.db_for_read(Page) not in databases:
        return []
    try:
        problems = find_problems()
    except DatabaseError:  # not migrated yet: migrate is the fix, and it says so
        return []
    found = [
        f"{len(ids)} {'page' if len(ids) == 1 else 'pages'} {what} (ids "
        f"{', '.join(map(str, ids[:SHOWN_IDS]))}{', …' if len(ids) > SHOWN_IDS else ''})"
        for what, ids in zip(TREE_PROBLEMS, problems, strict=True)
        if ids
    ]
    if not found:
        return []
    return [
        Error(
            f"The page tree has problems: {'; '.join(found)}.",
            hint="Run `python manage.py fixtree`, which repairs them (it asks before "
            "deleting pages without a parent). Until then the pages below a page with a "
            "wrong numchild answer 404 although the API lists them.",
            id="kommunnatverk.E007",
        )
    ]
