"""Ordered links from pages to goals, organisations and other pages.

The link rows are translatable so that wagtail-localize points an English page at the
English translation of each goal or organisation. Snippet links protect their target:
deleting a goal or organisation that a page uses is refused and the pages are named.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Orderable, TranslatableMixin

from .snippets import Goal, GoalFramework, Organisation
from .tags import TaggedItem


class LinkBase(TranslatableMixin, Orderable):
    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


class GoalLink(LinkBase):
    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.PROTECT, related_name="+"
    )
    panels = [FieldPanel("goal")]

    class Meta(LinkBase.Meta):
        abstract = True
        verbose_name = _("goal")
        verbose_name_plural = _("goals")


class OrganisationLink(LinkBase):
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    panels = [FieldPanel("organisation")]

    class Meta(LinkBase.Meta):
        abstract = True
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")


class NetworkAim(LinkBase):
    """One item of the network's ordered list of aims ("Syfte och mål")."""

    page = ParentalKey("kommunnatverk.NetworkPage", on_delete=models.CASCADE, related_name="aims")
    text = models.TextField(_("aim"))
    panels = [FieldPanel("text")]

    class Meta(LinkBase.Meta):
        verbose_name = _("aim")
        verbose_name_plural = _("aims")

    def __str__(self) -> str:
        return self.text


class NetworkPageFramework(LinkBase):
    page = ParentalKey(
        "kommunnatverk.NetworkPage", on_delete=models.CASCADE, related_name="framework_links"
    )
    framework = models.ForeignKey(
        GoalFramework, verbose_name=_("goal framework"), on_delete=models.PROTECT, related_name="+"
    )
    panels = [FieldPanel("framework")]

    class Meta(LinkBase.Meta):
        verbose_name = _("goal framework")
        verbose_name_plural = _("goal frameworks")


class NetworkPagePartner(OrganisationLink):
    page = ParentalKey(
        "kommunnatverk.NetworkPage", on_delete=models.CASCADE, related_name="partner_links"
    )

    class Meta(OrganisationLink.Meta):
        abstract = False
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class GroupPageGoal(GoalLink):
    page = ParentalKey(
        "kommunnatverk.GroupPage", on_delete=models.CASCADE, related_name="goal_links"
    )

    class Meta(GoalLink.Meta):
        abstract = False


class GroupPageMember(OrganisationLink):
    page = ParentalKey(
        "kommunnatverk.GroupPage", on_delete=models.CASCADE, related_name="member_links"
    )

    class Meta(OrganisationLink.Meta):
        abstract = False
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")


class NewsPageGoal(GoalLink):
    page = ParentalKey(
        "kommunnatverk.NewsPage", on_delete=models.CASCADE, related_name="goal_links"
    )

    class Meta(GoalLink.Meta):
        abstract = False


class NewsPageOrganisation(OrganisationLink):
    page = ParentalKey(
        "kommunnatverk.NewsPage", on_delete=models.CASCADE, related_name="organisation_links"
    )

    class Meta(OrganisationLink.Meta):
        abstract = False


class NewsPageGroup(LinkBase):
    page = ParentalKey(
        "kommunnatverk.NewsPage", on_delete=models.CASCADE, related_name="group_links"
    )
    group = models.ForeignKey(
        "kommunnatverk.GroupPage",
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [PageChooserPanel("group", "kommunnatverk.GroupPage")]

    class Meta(LinkBase.Meta):
        verbose_name = _("group")
        verbose_name_plural = _("groups")


class NewsPageProject(LinkBase):
    page = ParentalKey(
        "kommunnatverk.NewsPage", on_delete=models.CASCADE, related_name="project_links"
    )
    project = models.ForeignKey(
        "kommunnatverk.ProjectPage",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [PageChooserPanel("project", "kommunnatverk.ProjectPage")]

    class Meta(LinkBase.Meta):
        verbose_name = _("project")
        verbose_name_plural = _("projects")


class ProjectPageGoal(GoalLink):
    page = ParentalKey(
        "kommunnatverk.ProjectPage", on_delete=models.CASCADE, related_name="goal_links"
    )

    class Meta(GoalLink.Meta):
        abstract = False


class ProjectPageOrganisation(OrganisationLink):
    """A funder or partner of a project."""

    class Role(models.TextChoices):
        FUNDER = "funder", _("Funder")
        PARTNER = "partner", _("Partner")
        COORDINATOR = "coordinator", _("Project owner")

    page = ParentalKey(
        "kommunnatverk.ProjectPage", on_delete=models.CASCADE, related_name="organisation_links"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.PARTNER)
    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(OrganisationLink.Meta):
        abstract = False
        verbose_name = _("funder or partner")
        verbose_name_plural = _("funders and partners")


class ProjectPageGroup(LinkBase):
    page = ParentalKey(
        "kommunnatverk.ProjectPage", on_delete=models.CASCADE, related_name="group_links"
    )
    group = models.ForeignKey(
        "kommunnatverk.GroupPage",
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [PageChooserPanel("group", "kommunnatverk.GroupPage")]

    class Meta(LinkBase.Meta):
        verbose_name = _("group")
        verbose_name_plural = _("groups")


class TaggedNewsPage(TaggedItem):
    content_object = ParentalKey(
        "kommunnatverk.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta(TaggedItem.Meta):
        abstract = False
        verbose_name = _("tag")
        verbose_name_plural = _("tags")


class TaggedProjectPage(TaggedItem):
    content_object = ParentalKey(
        "kommunnatverk.ProjectPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta(TaggedItem.Meta):
        abstract = False
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
