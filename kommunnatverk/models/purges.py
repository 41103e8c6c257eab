"""A CDN purge waiting to be sent: kept in the database until the CDN confirms it, so a
CDN that is down, or a worker that dies, loses no purge (``changes.purge_queue``)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PendingPurge(models.Model):
    PENDING, FAILED = "pending", "failed"
    STATUSES = [(PENDING, _("Pending")), (FAILED, _("Failed"))]

    backend = models.CharField(_("CDN backend"), max_length=100)
    keys = models.JSONField(_("surrogate keys"), default=list, blank=True)
    urls = models.JSONField(_("URLs"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # Claimed by a worker until then; a worker that died leaves it to the next.
    locked_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("pending CDN purge")
        verbose_name_plural = _("pending CDN purges")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="kn_purge_due")]

    def __str__(self) -> str:
        return f"{self.backend}: {len(self.keys)} keys, {len(self.urls)} URLs"
