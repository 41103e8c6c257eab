"""Translatable snippets: goal frameworks, goals, organisations and contact sidebars."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .. import colours
from ..forms import PublishableSnippetForm
from ..validators import validate_hex_colour, validate_phone_number
from .preview import HeadlessPreviewMixin


class PublishableSnippet(
    HeadlessPreviewMixin,
    PreviewableMixin,
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """Base of the snippets editors publish: drafts, revisions, preview, translations, and
    search (the admin's listings and choosers search the index)."""

    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="%(app_label)s_%(class)s"
    )
    # Required fields stay required for drafts: save() below validates in full.
    base_form_class = PublishableSnippetForm

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def save(self, *args, clean: bool = True, **kwargs) -> None:
        # As Page.save does: invalid data never reaches the database, even from code.
        if clean:
            self.full_clean()
        super().save(*args, **kwargs)

    def get_preview_template(self, request, mode_name):
        return "kommunnatverk/snippets/preview.html"

    def get_preview_context(self, request, mode_name):
        return {"object": self, "snippet_template": self.snippet_template}


class GoalFramework(PublishableSnippet):
    """A set of goals a network works toward, such as Agenda 2030 or Klimat 2030."""

    api_type = "framework"
    snippet_template = "kommunnatverk/snippets/goal_framework.html"

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_("A short, stable identifier used in the API, such as agenda-2030."),
    )
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("link"), blank=True, help_text=_("The framework's official page."))

    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("url")]

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("url"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]
    api_fields = [APIField("title"), APIField("slug"), APIField("description"), APIField("url")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("goal framework")
        verbose_name_plural = _("goal frameworks")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="kommunnatverk_framework_unique_slug"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Goal(PublishableSnippet):
    """One goal of a framework: code, title, short text, colour and link."""

    api_type = "goal"
    snippet_template = "kommunnatverk/snippets/goal.html"

    framework = models.ForeignKey(
        GoalFramework,
        verbose_name=_("framework"),
        on_delete=models.PROTECT,
        related_name="goals",
    )
    code = models.CharField(
        _("code"),
        max_length=20,
        help_text=_("The goal's official number or code, such as 13. Unique within the framework."),
    )
    title = models.CharField(_("title"), max_length=255)
    short_text = models.TextField(_("short text"), blank=True)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        validators=[validate_hex_colour],
        help_text=_("The goal's official colour as a hex code, such as #3F7E44."),
    )
    url = models.URLField(_("link"), blank=True)
    sort_order = models.PositiveIntegerField(
        _("sort order"),
        default=0,
        help_text=_("Goals are listed by this number, then by code."),
    )

    override_translatable_fields = [
        SynchronizedField("code"),
        SynchronizedField("colour"),
        SynchronizedField("url"),
        SynchronizedField("sort_order"),
    ]

    panels = [
        FieldPanel("framework"),
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("short_text"),
        FieldPanel("colour"),
        FieldPanel("url"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("short_text"),
        index.AutocompleteField("code"),  # "13" finds goal 13 in the chooser
        index.FilterField("code"),
        index.FilterField("framework"),
        index.FilterField("locale"),
    ]
    api_fields = [
        APIField("framework"),
        APIField("code"),
        APIField("title"),
        APIField("short_text"),
        APIField("colour"),
        APIField("url"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["framework__title", "sort_order", "code"]
        constraints = [
            # With locale: an English goal synced before its framework was translated still
            # points at the Swedish framework, and must not clash with the Swedish goal.
            models.UniqueConstraint(
                fields=["framework", "code", "locale"],
                name="kommunnatverk_goal_unique_code_in_framework",
                violation_error_message=_("A goal with this code already exists in the framework."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"

    @property
    def text_colour(self) -> str:
        """Black or white, whichever is readable on the goal's colour (``colours``)."""
        return colours.text_colour(self.colour)

    def clean(self) -> None:
        super().clean()
        # Reported on the field, in the editor's language, before the database refuses it.
        if self.framework_id and self.code:
            clash = Goal.objects.filter(
                framework_id=self.framework_id, code=self.code, locale_id=self.locale_id
            )
            if clash.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"code": _("A goal with this code already exists in the framework.")}
                )


class Organisation(PublishableSnippet):
    """A partner: a municipality, region, authority, energy office or other body."""

    api_type = "organisation"
    snippet_template = "kommunnatverk/snippets/organisation.html"

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        MUNICIPAL_ASSOCIATION = "municipal_association", _("Association of local authorities")
        REGION = "region", _("Region")
        COUNTY_BOARD = "county_board", _("County administrative board")
        AUTHORITY = "authority", _("Government agency")
        ENERGY_AGENCY = "energy_agency", _("Energy agency")
        RESEARCH = "research", _("University or research institute")
        COMPANY = "company", _("Company")
        NON_PROFIT = "non_profit", _("Non-profit organisation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    short_text = models.TextField(_("short text"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_(
            "The organisation this one is part of, such as Innovatum for Energikontor Väst."
        ),
    )

    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("short_text"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_text"),
        index.FilterField("kind"),
        index.FilterField("locale"),
    ]
    api_fields = [
        APIField("name"),
        APIField("kind"),
        APIField("website"),
        APIField("logo"),
        APIField("short_text"),
        APIField("parent"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        ancestor = self.parent
        while ancestor is not None:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("An organisation cannot be part of itself.")})
            ancestor = ancestor.parent


class ContactSidebar(PublishableSnippet, ClusterableModel):
    """The contact persons shown beside a page; pages without one inherit an ancestor's."""

    api_type = "contact_sidebar"
    snippet_template = "kommunnatverk/includes/contact_sidebar.html"

    title = models.CharField(
        _("title"),
        max_length=255,
        help_text=_("Heading of the sidebar, such as Kontakt."),
    )
    admin_name = models.CharField(
        _("name in the admin"),
        max_length=255,
        help_text=_("Tells editors which sidebar this is, such as Nätverkets kontakter."),
    )
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=_("A line above the contacts, such as Vill du veta mer? Kontakta oss."),
    )

    panels = [
        FieldPanel("admin_name"),
        FieldPanel("title"),
        FieldPanel("text"),
        InlinePanel("contacts", label=_("contacts"), heading=_("Contacts")),
    ]
    search_fields = [
        index.SearchField("admin_name"),
        index.AutocompleteField("admin_name"),
        index.SearchField("title"),
        index.FilterField("locale"),
    ]
    api_fields = [APIField("title"), APIField("text"), APIField("contacts")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact sidebar")
        verbose_name_plural = _("contact sidebars")
        ordering = ["admin_name"]

    def __str__(self) -> str:
        return self.admin_name


class Contact(TranslatableMixin, Orderable):
    """A contact person in a sidebar. Name, email, phone and photo are synchronised."""

    sidebar = ParentalKey(ContactSidebar, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=255)
    role = models.CharField(_("role"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(
        _("phone"), max_length=32, blank=True, validators=[validate_phone_number]
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("photo"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("photo"),
    ]
    api_fields = [
        APIField("name"),
        APIField("role"),
        APIField("organisation"),
        APIField("email"),
        APIField("phone"),
        APIField("photo"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return self.name
