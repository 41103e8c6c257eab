"""The admin report of translation status: per target locale, what needs a translator."""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .status import compute

# The report leads to wagtail-localize's forms, which take this permission (superusers
# have every permission).
PERMISSION = "wagtail_localize.submit_translation"


def can_view(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "kommunnatverk/admin/translation_status.html"
    page_title = _("Translation status")
    header_icon = "site"

    def dispatch(self, request: HttpRequest, *args, **kwargs):
        if not can_view(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["status"] = compute(user=self.request.user)
        return context


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_view(request.user)
