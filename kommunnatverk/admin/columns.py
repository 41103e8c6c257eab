"""Table columns shared by the snippet listings and their choosers."""

from django.db.models import CharField, Count, Exists, OuterRef, QuerySet
from django.db.models.functions import Cast
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.models import DraftStateMixin, Revision

from .. import colours
from ..models import Goal


def field_label(model, name: str) -> str:
    """A heading from the field's own (translated) name, as Wagtail makes them."""
    return capfirst(model._meta.get_field(name).verbose_name)


class ColourColumn(Column):
    """A colour as a swatch beside its hex code, so editors recognise a goal at a glance.

    The swatch shows sample text in the colour the badges use on it (black or white,
    ``colours.text_colour``) with its contrast ratio, and marks a colour too light to
    stand out on the page (``colours.stands_out_on_page``)."""

    cell_template_name = "kommunnatverk/admin/colour_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        # Only a validated hex code goes into the style attribute, whatever the row holds.
        value = context["raw_value"]
        swatch = value if colours.is_hex_colour(value) else None
        context["swatch"] = swatch
        if swatch:
            context["text_colour"] = colours.text_colour(swatch)
            context["contrast"] = colours.text_contrast(swatch)
            context["stands_out"] = colours.stands_out_on_page(swatch)
        return context


def colour_column() -> ColourColumn:
    return ColourColumn("colour", label=field_label(Goal, "colour"), sort_key="colour")


def framework_column() -> Column:
    return Column("framework", label=field_label(Goal, "framework"), sort_key="framework__title")


def kind_column() -> Column:
    return Column("get_kind_display", label=_("Kind"), sort_key="kind")


def parent_column() -> Column:
    return Column("parent", label=_("Part of"), sort_key="parent__name")


def sidebar_title_column() -> Column:
    # Not named or labelled "title": the chooser's link column is, and a table keys its
    # columns by name. The field is the heading the sidebar shows.
    return Column("sidebar_title", accessor="title", label=_("Heading"), sort_key="title")


# Counted in the listing's own query, never once per row.
CONTACT_COUNT = {"contact_count": Count("contacts")}
GOAL_COUNT = {"goal_count": Count("goals")}


def contact_count_column() -> Column:
    # Annotated by the querysets (``contact_count``): one query for the whole page.
    return Column("contact_count", label=_("Contacts"), sort_key="contact_count")


def goal_count_column() -> Column:
    return Column("goal_count", label=_("Goals"), sort_key="goal_count")


def with_schedule_flag(queryset: QuerySet) -> QuerySet:
    """Annotates ``has_schedule`` for :class:`StatusColumn`: whether a revision is
    scheduled to go live. A draft-state model only."""
    if not issubclass(queryset.model, DraftStateMixin):
        return queryset
    scheduled = Revision.objects.filter(
        base_content_type=queryset.model.get_base_content_type(),
        object_id=Cast(OuterRef("pk"), CharField()),
        approved_go_live_at__isnull=False,
    )
    return queryset.annotate(has_schedule=Exists(scheduled))


def for_columns(queryset: QuerySet, related=(), annotations: dict | None = None) -> QuerySet:
    """What the columns read, fetched with the rows: one query per page of a listing."""
    if related:
        queryset = queryset.select_related(*related)
    if annotations:
        queryset = queryset.annotate(**annotations)
    return with_schedule_flag(queryset)


class StatusColumn(LiveStatusTagColumn):
    """Wagtail's status tag without its query per row: the status asks whether a revision
    is scheduled, which :func:`with_schedule_flag` has already answered for the page."""

    def __init__(self, **kwargs):
        # Wagtail's default label is translated when the column is made, at import.
        kwargs.setdefault("label", _("Status"))
        super().__init__(**kwargs)

    def get_value(self, instance):
        if getattr(instance, "has_schedule", None) is False:
            instance.__dict__.setdefault("scheduled_revision", None)
        return super().get_value(instance)
