"""What the client's tests need beyond `make demo`'s content, printed as JSON
(scripts/test-client.sh runs it with `manage.py shell`): one English translation taken
offline, so that fallback has something to fall back from, and drafts with preview tokens,
made as the preview panel's are."""

import json

from wagtail.models import Locale

from kommunnatverk.models import ContactSidebar, NewsPage
from kommunnatverk.preview import make_token

sv = Locale.objects.get(language_code="sv")
en = Locale.objects.get(language_code="en")
news = NewsPage.objects.filter(locale=sv, live=True).order_by("path")
# Its English translation goes offline: English requests for it now fall back to Swedish.
untranslated = news[0]
offline = untranslated.get_translation(en)
offline.unpublish()

drafted = news[1]
drafted.title = f"{drafted.title} (utkast)"
page_revision = drafted.save_revision()
drafted_en = drafted.get_translation(en)
drafted_en.title = f"{drafted_en.title} (draft)"
page_revision_en = drafted_en.save_revision()

sidebar = ContactSidebar.objects.filter(locale=sv, live=True).order_by("pk").first()
sidebar.title = f"{sidebar.title} (utkast)"
sidebar_revision = sidebar.save_revision()

print(
    json.dumps(
        {
            "untranslated": {
                "id": untranslated.pk,
                "offline_id": offline.pk,
            },
            "preview_page": {
                "id": drafted.pk,
                "title": drafted.title,
                "token": make_token(drafted, revision=page_revision),
            },
            "preview_page_en": {
                "id": drafted_en.pk,
                "title": drafted_en.title,
                "token": make_token(drafted_en, revision=page_revision_en),
            },
            "preview_sidebar": {
                "id": sidebar.pk,
                "title": sidebar.title,
                "token": make_token(sidebar, revision=sidebar_revision),
            },
        }
    )
)
