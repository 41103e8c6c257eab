"""Webhook endpoints a site's admins manage, and the log of every delivery to them.

A delivery row is written in the same transaction as the change it reports, so an event
is never lost: the task queue only decides *when* it is sent.
"""

import secrets
import uuid
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .. import conf
from ..validators import literal_internal_host

EVENTS = [
    ("page.published", _("Page published")),
    ("page.unpublished", _("Page unpublished")),
    ("page.deleted", _("Page deleted")),
    ("page.moved", _("Page moved")),
    ("snippet.published", _("Snippet published")),
    ("snippet.unpublished", _("Snippet unpublished")),
    ("snippet.deleted", _("Snippet deleted")),
    ("translation.synced", _("Translation synced")),
]
EVENT_NAMES = [name for name, _label in EVENTS]


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def validate_webhook_url(value: str) -> None:
    """http(s) with a host that is not this machine or an internal network (unless
    ``WEBHOOK_ALLOWED_HOSTS`` lists it); URLValidator alone accepts ftp:// too. Names are
    resolved and checked again whenever a delivery is sent."""
    URLValidator(schemes=["http", "https"], message=_("Enter an http:// or https:// URL."))(value)
    host = urlsplit(value).hostname or ""
    if literal_internal_host(host) and host not in conf.get("WEBHOOK_ALLOWED_HOSTS"):
        raise ValidationError(
            _(
                "Webhooks are not sent to this server itself or to internal addresses "
                "(%(host)s). Use the receiver's public address."
            ),
            params={"host": host},
            code="internal_address",
        )


def validate_events(value) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one event."))
    unknown = [name for name in value if name not in EVENT_NAMES]
    if unknown:
        raise ValidationError(
            _("Unknown events: %(names)s."), params={"names": ", ".join(map(str, unknown))}
        )


class WebhookEndpoint(models.Model):
    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[validate_webhook_url],
        help_text=_("Where the JSON events are POSTed, such as https://www.example.org/hooks/cms"),
    )
    secret = models.CharField(
        _("secret"),
        max_length=200,
        default=new_secret,
        help_text=_(
            "Shared with the receiver, which checks the X-Kommunnatverk-Signature header "
            "with it. Keep it out of version control."
        ),
    )
    events = models.JSONField(
        _("events"), default=list, validators=[validate_events], help_text=_("What to send.")
    )
    locales = models.ManyToManyField(
        Locale,
        verbose_name=_("locales"),
        blank=True,
        help_text=_("Send only events about content in these languages; none means all."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class WebhookDelivery(models.Model):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"
    STATUSES = [(PENDING, _("Pending")), (DELIVERED, _("Delivered")), (FAILED, _("Failed"))]

    uuid = models.UUIDField(_("delivery id"), default=uuid.uuid4, unique=True, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name=_("endpoint"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.CharField(_("event"), max_length=40, choices=EVENTS)
    # Deliveries of one object to one endpoint are sent in order: "page:12", "goal:3".
    object_key = models.CharField(_("object"), max_length=100)
    payload = models.JSONField(_("payload"))
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # A worker holds a delivery while it sends; a crashed worker's hold runs out.
    locked_until = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["endpoint", "object_key", "status"], name="kommunnatverk_whd_queue"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} {self.object_key} → {self.endpoint}"


class WebhookAttempt(models.Model):
    delivery = models.ForeignKey(
        WebhookDelivery,
        verbose_name=_("delivery"),
        on_delete=models.CASCADE,
        related_name="attempt_log",
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    started_at = models.DateTimeField(_("started"))
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    response_excerpt = models.TextField(_("response"), blank=True)

    class Meta:
        verbose_name = _("webhook attempt")
        verbose_name_plural = _("webhook attempts")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"#{self.number} {self.status_code or self.error[:40]}"

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
