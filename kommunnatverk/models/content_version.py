"""One counter of changes to public content, shared by every app server.

API ETags derive from it, so a change published through any server changes the ETag on
all of them at once. It lives in the database, not in a per-process cache, for that.
"""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    counter = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("content version")
        default_permissions = ()

    def __str__(self) -> str:
        return str(self.counter)

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(counter=F("counter") + 1):
            cls.objects.get_or_create(pk=1, defaults={"counter": 1})

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=1).values_list("counter", flat=True).first() or 0
