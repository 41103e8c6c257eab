"""The two roles the setup command creates, and how each is applied to a group.

Applying a role only adds what is missing: it never removes a permission an
administrator gave a group by hand, so running it again changes nothing.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    DraftStateMixin,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Task,
    Workflow,
)

from ..content.registry import snippet_models
from ..models import GroupLocalePermission

# Group names are data that identify the groups on every run, so they are not translated.
EDITOR_GROUP = "Redaktör"
TRANSLATOR_GROUP = "Översättare (engelska)"
TRANSLATION_LOCALE = "en"

# Wagtail's first migration makes one workflow, with one task, for the whole tree, both named
# "Moderators approval": an editor's action menu then says "Lämna in till Moderators approval".
# Like the groups' names, these are data, shown as they are in every language, so they are
# given the site's language here, and only while they still have Wagtail's name.
WAGTAIL_WORKFLOW_NAME = "Moderators approval"
WORKFLOW_NAME = "Moderatorernas granskning"
TASK_NAME = "Moderatorernas godkännande"
# The same for the tree's root page and the root collection, both "Root": the first shows in
# the page chooser's breadcrumb, the second as the collection of every uploaded image.
WAGTAIL_ROOT_NAME = "Root"
ROOT_NAME = "Rot"


class RoleSetupError(Exception):
    """Something the roles need is missing from the database."""


@dataclass(frozen=True)
class Role:
    group_name: str
    permissions: tuple[str, ...]  # "app_label.codename", for the whole site
    snippet_actions: tuple[str, ...]  # on every snippet model; "publish" where drafts exist
    page_actions: tuple[str, ...]  # on each page tree of the role's locale
    collection_permissions: tuple[str, ...]  # on the root collection


EDITOR = Role(
    group_name=EDITOR_GROUP,
    permissions=("wagtailadmin.access_admin", "wagtail_localize.submit_translation"),
    snippet_actions=("add", "change", "delete", "publish"),
    page_actions=("add", "change", "publish", "lock", "unlock"),
    collection_permissions=(
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ),
)

TRANSLATOR = Role(
    group_name=TRANSLATOR_GROUP,
    permissions=("wagtailadmin.access_admin", "wagtail_localize.submit_translation"),
    snippet_actions=("change", "publish"),
    page_actions=("add", "change", "publish"),
    collection_permissions=("wagtailimages.choose_image",),
)


@dataclass
class Change:
    """What applying one part of a role did: names of what it added, and how many it found."""

    added: list[str] = field(default_factory=list)
    already: int = 0

    def __str__(self) -> str:
        return f"{len(self.added)} added, {self.already} already set"


@dataclass
class RoleReport:
    group: str
    locale: Locale
    group_created: bool = False
    permissions: Change = field(default_factory=Change)
    pages: dict[Page, Change] = field(default_factory=dict)
    collection: Change = field(default_factory=Change)
    language: Change = field(default_factory=Change)

    @property
    def changed(self) -> bool:
        parts = [self.permissions, self.collection, self.language, *self.pages.values()]
        return self.group_created or any(part.added for part in parts)


def tree_roots(locale: Locale) -> list[Page]:
    """The tops of ``locale``'s page trees: its pages just below the root, and every site's
    root page in it (a site may start deeper). A permission on a page covers its subtree,
    so pages inside another root are left out."""
    candidates = list(Page.objects.filter(depth=2, locale=locale))
    for site in Site.objects.select_related("root_page"):
        root = site.root_page
        if root.depth > 1 and root.locale_id == locale.pk:
            candidates.append(root)
    roots: list[Page] = []
    for page in sorted(candidates, key=lambda page: page.path):
        if not any(page.path.startswith(root.path) for root in roots):
            roots.append(page)
    return roots


def _permission(label: str) -> Permission:
    app_label, codename = label.split(".", 1)
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if permission is None:
        raise RoleSetupError(f"The permission {label} does not exist; run migrate first.")
    return permission


def _snippet_permissions(actions: tuple[str, ...]) -> list[Permission]:
    permissions = []
    for model in snippet_models():
        for action in actions:
            if action == "publish" and not issubclass(model, DraftStateMixin):
                continue  # no drafts, so saving is publishing
            codename = get_permission_codename(action, model._meta)
            permissions.append(_permission(f"{model._meta.app_label}.{codename}"))
    return permissions


def _page_permission(action: str) -> Permission:
    page_type = ContentType.objects.get_for_model(Page)
    return Permission.objects.get(content_type=page_type, codename=f"{action}_page")


def apply_role(role: Role, locale: Locale) -> RoleReport:
    group, created = Group.objects.get_or_create(name=role.group_name)
    report = RoleReport(group=role.group_name, locale=locale, group_created=created)

    wanted = [_permission(label) for label in role.permissions]
    wanted += _snippet_permissions(role.snippet_actions)
    have = set(group.permissions.values_list("pk", flat=True))
    for permission in wanted:
        if permission.pk in have:
            report.permissions.already += 1
        else:
            group.permissions.add(permission)
            report.permissions.added.append(
                f"{permission.content_type.app_label}.{permission.codename}"
            )

    for page in tree_roots(locale):
        change = report.pages.setdefault(page, Change())
        for action in role.page_actions:
            _, made = GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_page_permission(action)
            )
            if made:
                change.added.append(f"wagtailcore.{action}_page on '{page.title}'")
            else:
                change.already += 1

    root_collection = Collection.get_first_root_node()
    for label in role.collection_permissions:
        _, made = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=_permission(label)
        )
        if made:
            report.collection.added.append(label)
        else:
            report.collection.already += 1

    _, made = GroupLocalePermission.objects.get_or_create(group=group, locale=locale)
    if made:
        report.language.added.append(locale.get_display_name())
    else:
        report.language.already += 1
    return report


def name_default_workflow() -> list[str]:
    """Give Wagtail's default workflow and task, and its root page and collection, Swedish
    names; returns what was renamed."""
    renamed = []
    for model, name in ((Workflow, WORKFLOW_NAME), (Task, TASK_NAME)):
        for item in model.objects.filter(name=WAGTAIL_WORKFLOW_NAME):
            item.name = name
            item.save(update_fields=["name"])
            renamed.append(f"{model._meta.model_name} '{WAGTAIL_WORKFLOW_NAME}' → '{name}'")
    for page in Page.objects.filter(depth=1, title=WAGTAIL_ROOT_NAME):
        page.title = page.draft_title = ROOT_NAME
        page.save(update_fields=["title", "draft_title"], clean=False)
        renamed.append(f"root page '{WAGTAIL_ROOT_NAME}' → '{ROOT_NAME}'")
    for collection in Collection.objects.filter(depth=1, name=WAGTAIL_ROOT_NAME):
        collection.name = ROOT_NAME
        collection.save(update_fields=["name"])
        renamed.append(f"root collection '{WAGTAIL_ROOT_NAME}' → '{ROOT_NAME}'")
    return renamed
