"""The one namespaced setting, ``KOMMUNNATVERK``, read with defaults.

Reading goes through :func:`get` on every call so ``override_settings`` in tests works.
"""

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Locale whose tree editors write in; translations are made from it.
    "SOURCE_LOCALE": "sv",
    # Locale served where the requested one has no live translation, unless a request
    # says otherwise with ?fallback=. None: a missing translation is a 404.
    "FALLBACK_LOCALE": None,
    # Items per page of the API's lists: default and the most a client may ask for.
    "API_DEFAULT_LIMIT": 20,
    "API_MAX_LIMIT": 100,
    # Cache alias (in CACHES) keeping rendered API responses by ETag; None turns it off.
    # Entries need no invalidation: any change gives every response a new ETag.
    "API_RESPONSE_CACHE": "default",
    "API_RESPONSE_CACHE_TIMEOUT": 3600,
    # Cache-Control of every API response (preview responses are never cached).
    "API_CACHE_CONTROL": "public, max-age=60, stale-while-revalidate=300",
    # Cache alias keeping the HTML of public pages for visitors who are not signed in, by
    # content version, host, path and language; None turns it off.
    "HTML_RESPONSE_CACHE": "default",
    "HTML_RESPONSE_CACHE_TIMEOUT": 3600,
    # Cache-Control of those pages: revalidate with the ETag every time, by default.
    "HTML_CACHE_CONTROL": "public, max-age=0, must-revalidate",
    # Image rendition specs used by templates and by the API.
    "RENDITIONS": {
        "thumbnail": "fill-480x270",
        "hero": "width-1200",
        "logo": "max-240x120",
        "photo": "fill-160x160",
    },
    # The site's icons: static file paths (or absolute URLs), each linked from every page
    # with <link rel="icon">; /favicon.ico redirects to the first .ico among them, else
    # to the first. The default is the package's own icon, in SVG and ICO.
    "FAVICONS": ["kommunnatverk/favicon.ico", "kommunnatverk/favicon.svg"],
    # The logo of the organisation that publishes the site (the network, say): a static
    # file path or an absolute URL of a PNG, JPEG, WebP or SVG at least 112 pixels square.
    # JSON-LD gives it as the publisher's logo of every news item and as the logo of the
    # organisation at the site's home page. None: no logo is named.
    "LOGO": None,
    # Headless preview: the frontend URL Wagtail's preview panel shows, with {locale} and
    # {path} placeholders; a dict maps site hostnames (or "*") to such URLs. None: the
    # reference templates render previews.
    "FRONTEND_URL": None,
    # Seconds a preview token stays valid.
    "PREVIEW_TOKEN_MAX_AGE": 3600,
    # Task backend alias (in TASKS) that delivers webhooks; it should defer tasks, so
    # failed deliveries are retried later, and not run them inside the publish request.
    "TASK_BACKEND": "default",
    # Webhook delivery: seconds to wait for a receiver, attempts before giving up, and the
    # first retry delay in seconds, doubled after each failed attempt.
    "WEBHOOK_TIMEOUT": 10,
    "WEBHOOK_MAX_ATTEMPTS": 8,
    "WEBHOOK_RETRY_DELAY": 30,
    # Hosts (names or IP addresses) a webhook may be sent to although they are loopback,
    # private or link-local addresses, for development and tests, such as ["127.0.0.1"].
    # Every other such address is refused when an endpoint is saved and when sending.
    "WEBHOOK_ALLOWED_HOSTS": [],
    # Surrogate keys (see docs/how-to/cdn.md). The response header that names them: None
    # takes it from the CDN backends in WAGTAILFRONTENDCACHE ("xkey" for Varnish,
    # "Cache-Tag" for Cloudflare, "Surrogate-Key" for Fastly), and sends none without one.
    "SURROGATE_KEY_HEADER": None,
    # Put before every key, so that several sites can share one CDN.
    "SURROGATE_KEY_PREFIX": "kn",
    # The most keys one response names; beyond it, a coarser key stands for its pages.
    "SURROGATE_KEY_MAX": 64,
    # Cache-Control for the CDN alone (sent as the backend's edge header, such as
    # Surrogate-Control), so it may keep what browsers revalidate: purges keep it fresh.
    # None: the CDN follows API_CACHE_CONTROL and HTML_CACHE_CONTROL.
    "EDGE_CACHE_CONTROL": None,
    # CDN purges: attempts before giving up, and the first retry delay in seconds,
    # doubled after each failed attempt.
    "PURGE_MAX_ATTEMPTS": 8,
    "PURGE_RETRY_DELAY": 10,
    # Seconds a 503 asks clients to wait (Retry-After) while the database cannot be
    # reached: the API's problem document and the site's 503 page both send it.
    "OUTAGE_RETRY_AFTER": 10,
}


def get(name: str) -> Any:
    """Return the value of ``KOMMUNNATVERK[name]``, or its default."""
    user_settings = getattr(settings, "KOMMUNNATVERK", {}) or {}
    if name in user_settings:
        return user_settings[name]
    return DEFAULTS[name]
