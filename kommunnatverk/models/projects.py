"""Projects of the network and their index."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from .base import NetworkContentPage, tabbed
from .links import ProjectPageOrganisation, TaggedProjectPage
from .tags import LocalisedTaggableManager


class ProjectIndexPage(NetworkContentPage):
    """Lists the network's projects; at most one per network and locale.

    The list is ``web.listings.projects``: the public projects under the index."""

    api_type = "project_index"
    parent_page_types = ["kommunnatverk.NetworkPage"]
    subpage_types = ["kommunnatverk.ProjectPage"]
    max_count_per_parent = 1
    show_in_menus_default = True
    template = "kommunnatverk/pages/project_index_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro")]
    edit_handler = tabbed(
        content_panels,
        (),
        NetworkContentPage.sidebar_panels,
        Page.promote_panels,
        Page.settings_panels,
    )

    class Meta:
        verbose_name = _("project index page")
        verbose_name_plural = _("project index pages")


class ProjectPage(NetworkContentPage):
    """A project: status, period, funders and partners, target group, call for participants."""

    api_type = "project"

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RECRUITING = "recruiting", _("Recruiting participants")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PLANNED
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the project has no end date."),
    )
    target_group = models.TextField(
        _("target group"),
        blank=True,
        help_text=_("Who the project is for, such as pupils in years 7–9 and their teachers."),
    )
    call_for_participants = RichTextField(
        _("call for participants"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Shown prominently while the project is recruiting, such as Högstadieklasser sökes."
        ),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    tags = LocalisedTaggableManager(
        through=TaggedProjectPage,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Keywords in the page's language. Separate them with commas."),
    )

    parent_page_types = ["kommunnatverk.ProjectIndexPage"]
    subpage_types: list[str] = []
    template = "kommunnatverk/pages/project_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Status and period"),
        ),
        FieldPanel("target_group"),
        FieldPanel("call_for_participants"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    relation_panels = [
        InlinePanel(
            "organisation_links", label=_("funder or partner"), heading=_("Funders and partners")
        ),
        InlinePanel("goal_links", label=_("goal"), heading=_("Goals")),
        InlinePanel("group_links", label=_("group"), heading=_("Groups")),
    ]
    edit_handler = tabbed(
        content_panels,
        relation_panels,
        NetworkContentPage.sidebar_panels,
        Page.promote_panels,
        Page.settings_panels,
    )
    search_fields = NetworkContentPage.search_fields + [
        index.SearchField("target_group"),
        index.SearchField("call_for_participants"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = NetworkContentPage.api_fields + [
        APIField("status"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("target_group"),
        APIField("call_for_participants"),
        APIField("body"),
        APIField("tags"),
        APIField("organisation_links"),
        APIField("goal_links"),
        APIField("group_links"),
    ]

    class Meta:
        verbose_name = _("project page")
        verbose_name_plural = _("project pages")

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The project cannot end before it starts.")})

    def organisations_with_role(self, role: str) -> list:
        return [link.organisation for link in self.organisation_links.all() if link.role == role]

    @property
    def owners(self) -> list:
        return self.organisations_with_role(ProjectPageOrganisation.Role.COORDINATOR)

    @property
    def funders(self) -> list:
        return self.organisations_with_role(ProjectPageOrganisation.Role.FUNDER)

    @property
    def partners(self) -> list:
        return self.organisations_with_role(ProjectPageOrganisation.Role.PARTNER)
