"""Headless preview: Wagtail's preview panel shows the site's frontend, which reads the
draft from the API with a signed token. ``make_token`` is documented for links to a
revision (docs/how-to/preview.md)."""

from .tokens import TokenError, load, make_token, read_token

__all__ = ["TokenError", "load", "make_token", "read_token"]
