"""A snippet permission policy that knows about the locale restriction.

Wagtail asks the policy about single objects in a few places (the delete button of the
edit view, bulk delete, copy, preview); answering per locale there hides what a user may
not do. The views themselves are guarded by the hooks in ``roles.admin_hooks``.
"""

from django.db.models import Model, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy
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


def register_policies(*models: type[Model]) -> None:
    """Use the policy for ``models``, unless the site registered one of its own first."""
    for model in models:
        if policy_registry.get_by_type(model, fallback=False) is None:
            # Each concrete model has its own Permission rows, so no inheriting, as in Wagtail.
            register_permission_policy(
                model, LocaleRestrictedPermissionPolicy(model), exact_class=True
            )
