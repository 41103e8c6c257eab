"""The unsaved edits an editor previews in a headless frontend.

Wagtail keeps preview form data in the editor's session, which a frontend cannot read, so
the previewed object's content is kept here, one row per editor and object, for as long
as its tokens live.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _


class HeadlessPreviewMixin:
    """Previews show the site's frontend when ``KOMMUNNATVERK["FRONTEND_URL"]`` is set,
    else the reference templates. Pages and snippets share it."""

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        # The one import from a layer above the models, and it is deferred: Wagtail asks
        # the model itself to serve its preview, and the preview layer imports the models.
        from ..preview.frontend import frontend_url

        if url := frontend_url(self, request):
            return redirect(url)
        return super().serve_preview(request, mode_name)


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
