"""The accessibility statement (tillgänglighetsredogörelse) that DOS-lagen requires.

Lag (2018:1937) om tillgänglighet till digital offentlig service and DIGG's regulations
(MDFFS 2019:2) prescribe what it holds: the organisation's and the service's names, the
compliance status (helt, delvis or inte förenlig), the inaccessible content and why,
content exempted as a disproportionate burden (12 §) and content outside the law (9 §),
how and when it was assessed and when it was last reviewed, a way to give feedback, and a
link to DIGG's complaint form. Each is a field here, so a statement cannot leave one out;
the fixed wording is the template's (DIGG's in Swedish, the EU model of Implementing
Decision (EU) 2018/1523 in English). One statement per network, translated like any page.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import BaseStreamBlock, ExemptContentBlock, InaccessibleContentBlock
from ..validators import validate_phone_number
from .base import NetworkContentPage, tabbed

# DIGG's form for reporting a lack of accessibility (anmälan om bristande tillgänglighet).
DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"

validate_web_address = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address that starts with http:// or https://."),
)


class AccessibilityStatementPage(NetworkContentPage):
    """The network's accessibility statement, linked from every page's footer."""

    api_type = "accessibility_statement"

    class Compliance(models.TextChoices):
        FULL = "full", _("Fully compliant")
        PARTIAL = "partial", _("Partially compliant")
        NONE = "none", _("Not compliant")

    class Method(models.TextChoices):
        SELF_ASSESSMENT = "self_assessment", _("Self-assessment")
        THIRD_PARTY = "third_party", _("Assessment by a third party")

    organisation_name = models.CharField(
        _("organisation"),
        max_length=255,
        help_text=_("The public body responsible for the website, such as Energikontor Väst."),
    )
    service_name = models.CharField(
        _("website or service"),
        max_length=255,
        help_text=_("The name of the website the statement is for, such as kommunnatverket.se."),
    )
    compliance = models.CharField(
        _("compliance status"),
        max_length=16,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
        help_text=_(
            "How far the website meets the requirements of the law (WCAG 2.1 AA through "
            "EN 301 549). Fully compliant only if nothing is listed as not accessible."
        ),
    )
    non_compliant = StreamField(
        [("item", InaccessibleContentBlock())],
        verbose_name=_("content that is not accessible"),
        blank=True,
        help_text=_("Each part of the website that does not meet the requirements, and why."),
    )
    disproportionate_burden = StreamField(
        [("item", ExemptContentBlock())],
        verbose_name=_("disproportionate burden"),
        blank=True,
        help_text=_(
            "Content exempted because making it accessible would be a disproportionate "
            "burden (12 § of the law), each with its grounds."
        ),
    )
    outside_scope = StreamField(
        [("item", ExemptContentBlock())],
        verbose_name=_("content outside the law"),
        blank=True,
        help_text=_(
            "Content the law does not cover (9 §), such as recorded video published before "
            "23 September 2020, or maps."
        ),
    )
    assessment_method = models.CharField(
        _("method of the assessment"),
        max_length=32,
        choices=Method.choices,
        default=Method.SELF_ASSESSMENT,
    )
    assessment_description = models.TextField(
        _("how the website was assessed"),
        blank=True,
        help_text=_("Such as the tools and browsers used, and which pages were checked."),
    )
    assessed_on = models.DateField(
        _("date of the assessment"),
        help_text=_("When the compliance this statement describes was assessed."),
    )
    reviewed_on = models.DateField(
        _("date of the last review"),
        help_text=_("When this statement was last reviewed. Review it at least once a year."),
    )
    feedback_email = models.EmailField(_("feedback email"), blank=True)
    feedback_phone = models.CharField(
        _("feedback phone"), max_length=32, blank=True, validators=[validate_phone_number]
    )
    feedback_url = models.URLField(
        _("feedback form"),
        blank=True,
        validators=[validate_web_address],
        help_text=_("The address of a form where visitors report accessibility problems."),
    )
    response_time = models.CharField(
        _("response time"),
        max_length=255,
        blank=True,
        help_text=_("Such as: We normally answer within two working days."),
    )
    complaint_url = models.URLField(
        _("DIGG's complaint form"),
        default=DIGG_COMPLAINT_URL,
        validators=[validate_web_address],
        help_text=_("Where a visitor reports a lack of accessibility to DIGG, the supervisor."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("further information"),
        blank=True,
        help_text=_("Anything else the statement should say, such as plans for improvement."),
    )

    parent_page_types = ["kommunnatverk.NetworkPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "kommunnatverk/pages/accessibility_statement_page.html"

    # Facts, not language: the same in every translation of the statement.
    override_translatable_fields = [
        SynchronizedField("compliance"),
        SynchronizedField("assessment_method"),
        SynchronizedField("assessed_on"),
        SynchronizedField("reviewed_on"),
        SynchronizedField("feedback_email"),
        SynchronizedField("feedback_phone"),
        SynchronizedField("feedback_url"),
        SynchronizedField("complaint_url"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("service_name")],
            heading=_("Who and what"),
        ),
        FieldPanel("compliance"),
        FieldPanel("non_compliant"),
        FieldPanel("disproportionate_burden"),
        FieldPanel("outside_scope"),
        MultiFieldPanel(
            [
                FieldPanel("assessment_method"),
                FieldPanel("assessment_description"),
                FieldRowPanel([FieldPanel("assessed_on"), FieldPanel("reviewed_on")]),
            ],
            heading=_("Assessment"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("feedback_email"),
                FieldPanel("feedback_phone"),
                FieldPanel("feedback_url"),
                FieldPanel("response_time"),
                FieldPanel("complaint_url"),
            ],
            heading=_("Feedback and enforcement"),
        ),
        FieldPanel("body"),
    ]
    edit_handler = tabbed(
        content_panels,
        (),
        NetworkContentPage.sidebar_panels,
        Page.promote_panels,
        Page.settings_panels,
    )
    search_fields = NetworkContentPage.search_fields + [
        index.SearchField("organisation_name"),
        index.SearchField("service_name"),
        index.SearchField("non_compliant"),
        index.SearchField("body"),
    ]
    api_fields = NetworkContentPage.api_fields + [
        APIField(name)
        for name in (
            "organisation_name",
            "service_name",
            "compliance",
            "non_compliant",
            "disproportionate_burden",
            "outside_scope",
            "assessment_method",
            "assessment_description",
            "assessed_on",
            "reviewed_on",
            "feedback_email",
            "feedback_phone",
            "feedback_url",
            "response_time",
            "complaint_url",
            "body",
        )
    ]

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if not (self.feedback_email or self.feedback_phone or self.feedback_url):
            errors["feedback_email"] = _(
                "Give at least one way to report accessibility problems: an email address, "
                "a phone number or a form."
            )
        if self.assessed_on and self.reviewed_on and self.reviewed_on < self.assessed_on:
            errors["reviewed_on"] = _(
                "The statement cannot have been reviewed before the assessment it describes."
            )
        if self.compliance == self.Compliance.FULL and self.non_compliant:
            errors["compliance"] = _(
                "A website with content that is not accessible is not fully compliant: "
                "choose partially compliant, or remove the content listed as not accessible."
            )
        if self.compliance != self.Compliance.FULL and not self.non_compliant:
            errors["non_compliant"] = _(
                "List the content that is not accessible and why: the law asks for it "
                "unless the website is fully compliant."
            )
        if errors:
            raise ValidationError(errors)
