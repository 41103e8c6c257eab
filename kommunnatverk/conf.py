"""The one namespaced setting, ``KOMMUNNATVERK``, read with defaults.

Reading goes through :func:`get` on every call so ``override_settings`` in tests works.
"""

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Locale whose tree editors write in; translations are made from it.
    "SOURCE_LOCALE": "sv",
    # Image rendition specs used by templates (and by the API).
    "RENDITIONS": {
        "thumbnail": "fill-480x270",
        "hero": "width-1200",
        "logo": "max-240x120",
        "photo": "fill-160x160",
    },
}


def get(name: str) -> Any:
    """Return the value of ``KOMMUNNATVERK[name]``, or its default."""
    user_settings = getattr(settings, "KOMMUNNATVERK", {}) or {}
    if name in user_settings:
        return user_settings[name]
    return DEFAULTS[name]
