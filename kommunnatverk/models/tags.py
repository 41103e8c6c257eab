"""Tags are language: each locale has its own tag rows, translated like snippets.

An English page carries English tags: syncing a translation links each tagged item to the
English translation of its Swedish tag, which a translator sets in wagtail-localize.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index


class NetworkTag(TranslatableMixin, TagBase):
    """A keyword in one language; its translations are the same keyword in others."""

    api_type = "tag"
    # Unique per locale instead of globally, so "Agenda 2030" can exist in both languages.
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)

    free_tagging = True
    api_fields = [APIField("name"), APIField("slug")]
    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "locale"], name="kommunnatverk_tag_unique_name"
            ),
            models.UniqueConstraint(
                fields=["slug", "locale"], name="kommunnatverk_tag_unique_slug"
            ),
        ]


class LocalisedTaggableManager(ClusterTaggableManager):
    """Resolves typed tag names to tags of the page's own locale, creating missing ones."""

    def save_form_data(self, instance, value) -> None:
        names = [str(name).strip() for name in value or [] if str(name).strip()]
        locale_id = instance.locale_id or getattr(instance.get_default_locale(), "pk", None)
        tags = [self._tag_in_locale(name, locale_id) for name in dict.fromkeys(names)]
        getattr(instance, self.name).set(tags)

    def _tag_in_locale(self, name: str, locale_id: int) -> NetworkTag:
        tag_model = self.remote_field.model
        tag = tag_model.objects.filter(name__iexact=name, locale_id=locale_id).first()
        if tag is None:
            tag = tag_model(name=name, locale_id=locale_id)
            tag.save()
        return tag


class TaggedItem(TranslatableMixin, ItemBase):
    """Base of the through models; translatable so syncing swaps in the English tag."""

    tag = models.ForeignKey(
        NetworkTag,
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_items",
        # Shown beside each tag in wagtail-localize's translation editor.
        verbose_name=_("tag"),
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True
