"""Which page a create form has already made.

Wagtail's autosave posts the create form to the "add" address, and the browser moves the
form to the new page's edit address only when that answer comes back. An action clicked in
between (Publish, Save draft) posts the same form to the "add" address again. Each create
form carries a random token (``forms.PageForm``); the first request that posts it claims
it here, and a later one edits the page the first made instead of making a second
(``admin.creation``).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PageCreation(models.Model):
    token = models.UUIDField(unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    # Empty while the claiming request is still creating the page.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.CASCADE, related_name="+"
    )
    # Set when autosave made the page: a later autosave overwrites that revision.
    autosave_revision_id = models.BigIntegerField(null=True)
    # What the browser would have filled in from the first answer: the ids of the
    # inline rows it saved, so an edit of the same form does not add them twice.
    field_updates = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("page creation")
        default_permissions = ()

    def __str__(self) -> str:
        return str(self.token)
