"""Validators for input that is not language: colours, phone numbers, free text, URLs."""

import ipaddress
import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

validate_hex_colour = RegexValidator(
    regex=r"^#[0-9A-Fa-f]{6}$",
    message=_("Enter a colour as a hex code with a leading #, for example #3F7E44."),
    code="invalid_colour",
)

# Swedish and international numbers: optional +, digits, spaces, dashes, parentheses,
# and 7 to 15 digits in all (ITU E.164 allows at most 15).
validate_phone_number = RegexValidator(
    regex=r"^\+?(?:[ ()-]*\d){7,15}[ ()-]*$",
    message=_("Enter a valid phone number, for example 010-123 45 67 or +46 10 123 45 67."),
    code="invalid_phone",
)


def has_control_characters(text: str) -> bool:
    """Databases refuse some (PostgreSQL: NUL); none belongs in a search or a filter."""
    return any(ord(char) < 32 or ord(char) == 127 for char in text)


# Addresses a visitor may follow: web pages, email and phone. Everything else that a
# browser runs or opens (javascript:, data:, vbscript:, file:) is refused.
SAFE_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
UNSAFE_URL_MESSAGE = _("Only http, https, mailto and tel addresses and relative links are allowed.")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def url_scheme(value: str) -> str | None:
    """The scheme a browser would read from ``value`` (it ignores case, spaces, tabs and
    control characters there), or None for a relative address."""
    squeezed = "".join(char for char in value if ord(char) > 32 and ord(char) != 127).lower()
    match = _SCHEME.match(squeezed)
    return match.group(1) if match else None


def is_safe_url(value: str | None) -> bool:
    """Whether a visitor may be sent to ``value``: relative, or http(s), mailto or tel."""
    if not value:
        return True
    scheme = url_scheme(str(value))
    return scheme is None or scheme in SAFE_URL_SCHEMES


def safe_url(value: str | None) -> str:
    """``value`` where it is safe to link to, else the empty string (no link)."""
    return str(value) if value and is_safe_url(value) else ""


def internal_address(address: str) -> bool:
    """Whether an IP address is one a webhook must not reach from the server: loopback,
    private, link-local (169.254.169.254, the cloud metadata service), unspecified,
    multicast or reserved; also IPv4 written as IPv6."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def literal_internal_host(host: str) -> bool:
    """Whether ``host``, as written (no DNS), is an internal address or a name for this
    machine (``localhost`` and its subdomains)."""
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return internal_address(host)
    except ValueError:
        return False  # a name: resolved and checked when sending
