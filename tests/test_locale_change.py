"""A locale whose language changes moves its pages' addresses at once, without a restart
(issue 16: a site first migrated in ``en-us``, its locale then made Swedish, served its
Swedish pages at ``/en/…`` until the server was restarted)."""

import pytest
from wagtail.models import Locale, Page, Site

pytestmark = pytest.mark.django_db


def test_pages_follow_their_locales_new_language_in_the_same_process():
    locale = Locale.objects.create(language_code="de")
    root = Page.get_first_root_node()
    home = root.add_child(instance=Page(title="Startseite", slug="startseite", locale=locale))
    child = home.add_child(instance=Page(title="Seite", slug="seite", locale=locale))
    site = Site.objects.create(hostname="umgestellt.test", port=80, root_page=home)
    # The first request of a running server fills Wagtail's cache of site root paths.
    assert {(p.site_id, p.language_code) for p in Site.get_site_root_paths()} >= {(site.pk, "de")}
    assert child.get_url(None) == "http://umgestellt.test/de/seite/"

    locale.language_code = "fi"
    locale.save()

    assert (site.pk, "fi") in {(p.site_id, p.language_code) for p in Site.get_site_root_paths()}
    assert Page.objects.get(pk=child.pk).get_url(None) == "http://umgestellt.test/fi/seite/"
