"""Admin views: endpoints to manage, and the delivery log with each attempt and a resend."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from ..models import WebhookDelivery, WebhookEndpoint
from ..models.webhooks import EVENTS, validate_webhook_url
from . import tasks


class WebhookEndpointForm(WagtailAdminModelForm):
    # A plain field with the model's validator: forms.URLField would answer a generic
    # "Enter a valid URL." where the editor needs to hear "http:// or https://".
    url = forms.CharField(
        label=_("URL"),
        max_length=500,
        validators=[validate_webhook_url],
        help_text=WebhookEndpoint._meta.get_field("url").help_text,
    )
    events = forms.MultipleChoiceField(
        label=_("events"), choices=EVENTS, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "secret", "events", "locales", "is_active"]
        widgets = {"locales": forms.CheckboxSelectMultiple}


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = _("Endpoints")
    form_fields = ["name", "url", "secret", "events", "locales", "is_active"]
    list_display = ["name", "url", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]
    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("secret"),
        FieldPanel("events"),
        FieldPanel("locales"),
        FieldPanel("is_active"),
    ]

    def get_form_class(self, for_update=False):
        return WebhookEndpointForm


class DeliveryLogPolicy(ModelPermissionPolicy):
    """The log is written by the sender only: admins may view, delete and re-send."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class DeliveryIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status != WebhookDelivery.PENDING:
            buttons.append(
                MenuItem(
                    gettext("Resend"),
                    url=reverse("kommunnatverk_webhook_delivery:resend", args=[instance.pk]),
                    icon_name="redirect",
                    priority=25,
                )
            )
        return buttons


class DeliveryInspectView(InspectView):
    def get_field_label(self, field_name, field):
        if field_name == "attempt_log":  # a reverse relation has no verbose name
            return gettext("Attempt log")
        return super().get_field_label(field_name, field)

    def get_payload_display_value(self):
        text = json.dumps(self.object.payload, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        return format_html("<pre>{}</pre>", text)

    def get_attempt_log_display_value(self):
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} ms</td><td>{}</td></tr>",
            (
                (
                    attempt.number,
                    attempt.started_at.strftime("%Y-%m-%d %H:%M:%S"),
                    attempt.status_code or "–",
                    attempt.duration_ms,
                    attempt.error or gettext("Delivered"),
                )
                for attempt in self.object.attempt_log.all()
            ),
        )
        header = format_html(
            "<tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            gettext("Started"),
            gettext("HTTP status"),
            gettext("Duration"),
            gettext("Result"),
        )
        return format_html('<table class="listing">{}{}</table>', header, rows)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.status != WebhookDelivery.PENDING:
            context["header_more_buttons"] = [
                MenuItem(
                    gettext("Resend"),
                    url=reverse("kommunnatverk_webhook_delivery:resend", args=[self.object.pk]),
                    icon_name="redirect",
                )
            ]
        return context


def resend_view(request, pk: int):
    delivery = get_object_or_404(WebhookDelivery.objects.select_related("endpoint"), pk=pk)
    # Re-sending acts for the endpoint: it takes the right to manage endpoints.
    if not ModelPermissionPolicy(WebhookEndpoint).user_has_permission(request.user, "change"):
        raise PermissionDenied
    inspect_url = reverse("kommunnatverk_webhook_delivery:inspect", args=[pk])
    if request.method == "POST":
        tasks.resend(delivery)
        messages.success(
            request,
            gettext("Delivery queued again to %(endpoint)s.") % {"endpoint": delivery.endpoint},
        )
        return redirect(inspect_url)
    return TemplateResponse(
        request,
        "kommunnatverk/admin/webhook_resend.html",
        {"delivery": delivery, "cancel_url": inspect_url},
    )


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "history"
    menu_label = _("Deliveries")
    url_namespace = "kommunnatverk_webhook_delivery"
    index_view_class = DeliveryIndexView
    inspect_view_class = DeliveryInspectView
    inspect_view_enabled = True
    list_display = [
        "event",
        "object_key",
        "endpoint",
        "status",
        "attempts",
        Column("created_at", label=_("created"), sort_key="created_at"),
        "next_attempt_at",
    ]
    list_filter = ["status", "event", "endpoint"]
    search_fields = ["object_key", "event"]
    inspect_view_fields = [
        "uuid",
        "endpoint",
        "event",
        "object_key",
        "status",
        "attempts",
        "created_at",
        "next_attempt_at",
        "delivered_at",
        "payload",
        "attempt_log",
    ]
    form_fields = ["status"]  # never shown: the policy refuses add and change

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("resend/<int:pk>/", resend_view, name="resend"),
        ]


register_permission_policy(WebhookDelivery, DeliveryLogPolicy(WebhookDelivery))


class WebhookViewSetGroup(ModelViewSetGroup):
    menu_label = _("Webhooks")
    menu_icon = "link-external"
    add_to_settings_menu = True
    items = (
        WebhookEndpointViewSet("kommunnatverk_webhook_endpoint"),
        WebhookDeliveryViewSet("kommunnatverk_webhook_delivery"),
    )
