"""Permission policies that know about the locale restriction.

Snippets: Wagtail asks the policy about single objects in a few places (the delete button
of the edit view, bulk delete, copy, preview); answering per locale there hides what a
user may not do. The views themselves are guarded by the hooks in ``roles.admin_hooks``.

Pages: Wagtail answers every page permission question from the user's
``GroupPagePermission`` rows, each a right on a page and its subtree: the edit, publish,
delete, lock and revision views, the destination of a copy or move, bulk actions, the
admin API's actions and the explorer's buttons. For a user limited to some languages the
page policy keeps only the rows on pages in those languages, and reads a row on the root
(which covers every language's tree, as Wagtail's Moderators have) as the same right on
the top page of each of their languages' trees. A page whose language differs from its
tree's is left to the hooks in ``roles.page_hooks``, which check the page's own locale.
"""

from django.db.models import Model, QuerySet
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from .locales import allowed_locale_ids, may_change

# Reading and choosing stay open: a translator must see the Swedish source.
CHANGING_ACTIONS = frozenset({"add", "change", "delete", "publish", "unpublish", "lock", "unlock"})


class LocaleRestrictedPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action: str, instance: Model) -> bool:
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        return action not in CHANGING_ACTIONS or may_change(user, instance)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        instances = super().instances_user_has_any_permission_for(user, actions)
        allowed = allowed_locale_ids(user)
        if allowed is None or not set(actions) <= CHANGING_ACTIONS:
            return instances
        return instances.filter(locale_id__in=allowed)


class LocaleRestrictedPagePermissionPolicy(PagePermissionPolicy):
    # Not Wagtail's cache names: the unrestricted rows must never be read from them.
    permission_cache_name = "_kommunnatverk_page_permission_cache"
    _explorable_root_instance_cache_name = "_kommunnatverk_explorable_root_page_cache"

    def get_all_permissions_for_user(self, user):
        """The user's page permission rows, narrowed to the trees of their languages."""
        rows = super().get_all_permissions_for_user(user)
        allowed = allowed_locale_ids(user)
        if allowed is None:
            return rows
        tops: list[Page] | None = None
        narrowed: list[GroupPagePermission] = []
        for row in rows:
            if row.page.depth == 1:
                if tops is None:
                    tops = list(Page.objects.filter(depth=2, locale_id__in=allowed))
                # Unsaved rows: only read, the way Wagtail reads the saved ones.
                narrowed += [
                    GroupPagePermission(group_id=row.group_id, page=top, permission=row.permission)
                    for top in tops
                ]
            elif row.page.locale_id in allowed:
                narrowed.append(row)
        return narrowed


def register_policies(*models: type[Model]) -> None:
    """Use the policies for pages and ``models``, unless the site registered its own first."""
    if type(policy_registry.get_by_type(Page)) is PagePermissionPolicy:
        register_permission_policy(Page, LocaleRestrictedPagePermissionPolicy(Page))
    for model in models:
        if policy_registry.get_by_type(model, fallback=False) is None:
            # Each concrete model has its own Permission rows, so no inheriting, as in Wagtail.
            register_permission_policy(
                model, LocaleRestrictedPermissionPolicy(model), exact_class=True
            )
