"""CDN backends that purge by surrogate key, built on Wagtail's frontend-cache backends:
configured in ``WAGTAILFRONTENDCACHE`` like them, and still purging URLs for Wagtail.

Unlike Wagtail's backends, :meth:`purge_keys` raises :class:`PurgeFailed` when the CDN
does not confirm, so that the purge queue (``changes.purge_queue``) retries it.

Each backend names the response header its CDN reads keys from, how the keys are
separated, and the header that holds Cache-Control meant for the CDN alone.
"""

from collections.abc import Iterable
from functools import cache
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.backends import CloudflareBackend as WagtailCloudflareBackend
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.utils import get_backends

from . import __version__, conf

TIMEOUT = 10
USER_AGENT = f"kommunnatverk/{__version__}"


class PurgeFailed(Exception):
    """The CDN did not confirm a purge; the message says what it answered."""


def _chunks(keys: Iterable[str], size: int) -> list[list[str]]:
    keys = sorted(set(keys))
    return [keys[start : start + size] for start in range(0, len(keys), size)]


def _check(response: requests.Response, what: str) -> None:
    if not response.ok:
        raise PurgeFailed(f"{what}: HTTP {response.status_code} {response.text[:300]}")


class VarnishBackend(HTTPBackend):
    """Varnish with the xkey vmod (varnish-modules): a ``PURGE`` with an ``xkey-purge``
    header drops every object filed under those keys (docs/how-to/varnish.vcl)."""

    key_header = "xkey"
    key_separator = " "
    edge_control_header = "Surrogate-Control"
    CHUNK_SIZE = 100

    def purge_keys(self, keys: Iterable[str]) -> None:
        for chunk in _chunks(keys, self.CHUNK_SIZE):
            try:
                response = requests.request(
                    "PURGE",
                    f"{self.cache_scheme}://{self.cache_netloc}/",
                    headers={"xkey-purge": " ".join(chunk), "User-Agent": USER_AGENT},
                    timeout=TIMEOUT,
                )
            except requests.RequestException as error:
                raise PurgeFailed(f"Varnish at {self.cache_netloc}: {error}") from error
            _check(response, f"Varnish at {self.cache_netloc}")


class CloudflareBackend(WagtailCloudflareBackend):
    """Wagtail's Cloudflare backend, with purges by cache tag (``Cache-Tag``).
    ``API_URL`` replaces ``https://api.cloudflare.com/client/v4``."""

    key_header = "Cache-Tag"
    key_separator = ","
    edge_control_header = "Cloudflare-CDN-Cache-Control"
    TAGS_PER_REQUEST = 30

    def __init__(self, params):
        api_url = params.pop("API_URL", "https://api.cloudflare.com/client/v4").rstrip("/")
        super().__init__(params)
        self.tag_purge_url = f"{api_url}/zones/{self.cloudflare_zoneid}/purge_cache"

    def _headers(self) -> dict[str, str]:
        if self.cloudflare_token:
            return {"Authorization": f"Bearer {self.cloudflare_token}"}
        return {"X-Auth-Email": self.cloudflare_email, "X-Auth-Key": self.cloudflare_api_key}

    def purge_keys(self, keys: Iterable[str]) -> None:
        for chunk in _chunks(keys, self.TAGS_PER_REQUEST):
            try:
                response = requests.post(
                    self.tag_purge_url,
                    json={"tags": chunk},
                    headers={**self._headers(), "User-Agent": USER_AGENT},
                    timeout=TIMEOUT,
                )
            except requests.RequestException as error:
                raise PurgeFailed(f"Cloudflare: {error}") from error
            _check(response, "Cloudflare")
            if not response.json().get("success"):
                raise PurgeFailed(f"Cloudflare: {response.text[:300]}")


class FastlyBackend(BaseBackend):
    """Fastly: URL purges and surrogate-key purges through its API.
    ``API_TOKEN`` and ``SERVICE_ID`` are required; ``API_URL`` replaces
    ``https://api.fastly.com``."""

    key_header = "Surrogate-Key"
    key_separator = " "
    edge_control_header = "Surrogate-Control"
    KEYS_PER_REQUEST = 256

    def __init__(self, params):
        super().__init__(params)
        self.api_token = params.pop("API_TOKEN")
        self.service_id = params.pop("SERVICE_ID")
        self.api_url = params.pop("API_URL", "https://api.fastly.com").rstrip("/")

    def _post(self, url: str, headers: dict[str, str] | None = None) -> None:
        try:
            response = requests.post(
                url,
                headers={"Fastly-Key": self.api_token, "User-Agent": USER_AGENT, **(headers or {})},
                timeout=TIMEOUT,
            )
        except requests.RequestException as error:
            raise PurgeFailed(f"Fastly: {error}") from error
        _check(response, "Fastly")

    def purge(self, url: str) -> None:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        self._post(f"{self.api_url}/purge/{parts.netloc}{path}")

    def purge_keys(self, keys: Iterable[str]) -> None:
        for chunk in _chunks(keys, self.KEYS_PER_REQUEST):
            self._post(
                f"{self.api_url}/service/{self.service_id}/purge",
                {"Surrogate-Key": " ".join(chunk)},
            )


def configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def backends() -> dict[str, BaseBackend]:
    return get_backends() if configured() else {}


def key_backend(backend: BaseBackend) -> bool:
    return callable(getattr(backend, "purge_keys", None))


@cache
def _first_key_backend() -> BaseBackend | None:
    """Read once per process: every response asks for its header."""
    return next((each for each in backends().values() if key_backend(each)), None)


@receiver(setting_changed)
def _forget(setting: str, **kwargs) -> None:
    if setting == "WAGTAILFRONTENDCACHE":
        _first_key_backend.cache_clear()


def key_header() -> tuple[str, str] | None:
    """(header, separator) that responses name their keys in; None: keys are not sent."""
    header = conf.get("SURROGATE_KEY_HEADER")
    if header:
        return header, "," if header.lower() in ("cache-tag", "edge-cache-tag") else " "
    backend = _first_key_backend()
    return (backend.key_header, backend.key_separator) if backend is not None else None


def edge_control_header() -> str | None:
    backend = _first_key_backend()
    return getattr(backend, "edge_control_header", None) if backend is not None else None
