"""The unsaved edits an editor previews in a headless frontend.

Wagtail keeps preview form data in the editor's session, which a frontend cannot read, so
the previewed object's content is kept here, one row per editor and object, for as long
as its tokens live.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class PreviewDraft(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+"
    )
    # The revision the edits start from: a token names it, so a later save retires tokens.
    base_revision_id = models.BigIntegerField(null=True)
    content = models.JSONField(encoder=DjangoJSONEncoder)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("preview draft")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "user"], name="kommunnatverk_one_preview"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}"
