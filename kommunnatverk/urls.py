"""The package's HTML-side URLs: news feeds, meeting calendars (iCalendar), the search
page, the sitemap, robots.txt and favicon.ico.

Include the feeds and the search page inside ``i18n_patterns``, before Wagtail's pages,
so each language has its own (``/feeds/news.rss``, ``/en/feeds/news.rss``,
``/network/search/``, ``/en/network/search/``); the sitemap and the root files
(``/robots.txt``, ``/favicon.ico``) go outside it.
"""

from django.urls import path

from .web.calendar import page_calendar, site_calendar
from .web.edge import lists_pages
from .web.feeds import AtomNewsFeed, NewsFeed
from .web.search_page import search_page
from .web.site_files import favicon_ico, robots_txt
from .web.sitemaps import sitemap_view

feed_urlpatterns = [
    path("feeds/news.rss", lists_pages(NewsFeed()), name="kommunnatverk_news_rss"),
    path("feeds/news.atom", lists_pages(AtomNewsFeed()), name="kommunnatverk_news_atom"),
    # iCalendar (RFC 5545): the site's meetings, and those of one network, group or meeting.
    path("feeds/events.ics", lists_pages(site_calendar), name="kommunnatverk_events_ics"),
    path(
        "feeds/events/<int:page_id>.ics",
        lists_pages(page_calendar),
        name="kommunnatverk_page_events_ics",
    ),
]
search_urlpatterns = [
    path("network/search/", lists_pages(search_page), name="kommunnatverk_search")
]
sitemap_urlpatterns = [path("sitemap.xml", lists_pages(sitemap_view), name="kommunnatverk_sitemap")]
root_urlpatterns = [
    path("robots.txt", robots_txt, name="kommunnatverk_robots_txt"),
    path("favicon.ico", favicon_ico, name="kommunnatverk_favicon_ico"),
]
