"""A page's tags in wagtail-localize's translation editor.

A page's tags are a child relation (``tagged_items``) whose rows point at translatable
tags, so wagtail-localize submits each tag with the page and records it as a related
object of the page's source. Its editor lists related objects, with their progress and a
button to translate them, but only for relations it finds in the page's panels: editors
tag through a ``FieldPanel("tags")``, not an inline panel of ``tagged_items``, so the tags
were left out and a translator never met them. This places the child relation where the
tag field is (same tab, same order), so each tag appears in the page's translation editor
and its English name is set in the tag's own translation editor, one click away.

wagtail-localize has no setting for it: this wraps two mappings of its ``TabHelper``,
once, from ``AppConfig.ready()``; tests/test_translation_tags.py fails if an upgrade
drops the tags again.
"""

from collections.abc import Callable

from django.utils.functional import cached_property
from wagtail_localize.views import edit_translation

from ..models.tags import LocalisedTaggableManager

MAPPINGS = ("field_tab_mapping", "field_ordering_mapping")


def tag_relations(model: type) -> dict[str, str]:
    """Tag field name → the name of the child relation that holds its rows."""
    relations = {}
    for field in model._meta.get_fields():
        if isinstance(field, LocalisedTaggableManager):
            parental = field.through._meta.get_field("content_object")
            relations[field.name] = parental.remote_field.related_name
    return relations


def _with_tag_relations(mapping: Callable[[object], dict]) -> Callable[[object], dict]:
    def with_tags(helper) -> dict:
        found = dict(mapping(helper))
        for tag_field, relation in tag_relations(type(helper.instance)).items():
            if tag_field in found:
                found.setdefault(relation, found[tag_field])
        return found

    return with_tags


def show_tags_in_translation_editor() -> None:
    """Let the translation editor place tag rows where the tag field is; idempotent."""
    helper = edit_translation.TabHelper
    if getattr(helper, "kommunnatverk_shows_tags", False):
        return
    for name in MAPPINGS:
        mapping = cached_property(_with_tag_relations(getattr(helper, name).func))
        mapping.__set_name__(helper, name)
        setattr(helper, name, mapping)
    helper.kommunnatverk_shows_tags = True
