"""Wagtail's cached site root paths follow a change of locale at once.

``Site.get_site_root_paths()`` keeps each site's home page with its locale's language
code in the cache for an hour, and Wagtail clears it when a Site or a home page is saved,
not when a Locale is. A site first migrated in ``en-us`` whose locale is then changed to
Swedish (the tutorial's step for such a site) kept its Swedish pages at ``/en/…``
addresses until the cache expired or the server restarted.
"""

from wagtail.models import Site


def clear_on_locale_change(**kwargs) -> None:
    Site.clear_site_root_paths_cache()
