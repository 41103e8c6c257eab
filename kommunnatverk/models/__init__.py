from .accessibility import AccessibilityStatementPage
from .base import NetworkContentPage, tabbed
from .content_version import ContentVersion
from .creation import PageCreation
from .events import EventIndexPage, EventPage, EventPageGoal, TaggedEventPage
from .links import (
    GroupPageGoal,
    GroupPageMember,
    NetworkAim,
    NetworkPageFramework,
    NetworkPagePartner,
    NewsPageGoal,
    NewsPageGroup,
    NewsPageOrganisation,
    NewsPageProject,
    ProjectPageGoal,
    ProjectPageGroup,
    ProjectPageOrganisation,
    TaggedNewsPage,
    TaggedProjectPage,
)
from .network import GroupPage, NetworkPage
from .news import NewsIndexPage, NewsPage
from .preview import PreviewDraft
from .projects import ProjectIndexPage, ProjectPage
from .purges import PendingPurge
from .roles import GroupLocalePermission
from .snippets import Contact, ContactSidebar, Goal, GoalFramework, Organisation
from .tags import NetworkTag
from .webhooks import WebhookAttempt, WebhookDelivery, WebhookEndpoint

__all__ = [
    "AccessibilityStatementPage",
    "Contact",
    "ContentVersion",
    "ContactSidebar",
    "EventIndexPage",
    "EventPage",
    "EventPageGoal",
    "Goal",
    "GoalFramework",
    "GroupLocalePermission",
    "GroupPage",
    "GroupPageGoal",
    "GroupPageMember",
    "NetworkAim",
    "NetworkContentPage",
    "NetworkPage",
    "NetworkPageFramework",
    "NetworkPagePartner",
    "NetworkTag",
    "NewsIndexPage",
    "Organisation",
    "PageCreation",
    "PendingPurge",
    "PreviewDraft",
    "NewsPage",
    "NewsPageGoal",
    "NewsPageGroup",
    "NewsPageOrganisation",
    "NewsPageProject",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPageGoal",
    "ProjectPageGroup",
    "ProjectPageOrganisation",
    "TaggedEventPage",
    "TaggedNewsPage",
    "TaggedProjectPage",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "tabbed",
]
