"""The package's HTML-side URLs: news feeds and the sitemap.

Include the feeds inside ``i18n_patterns``, before Wagtail's pages, so each language has
its own (``/feeds/news.rss``, ``/en/feeds/news.rss``); the sitemap goes outside it.
"""

from django.urls import path

from .feeds import AtomNewsFeed, NewsFeed
from .sitemaps import sitemap_view

feed_urlpatterns = [
    path("feeds/news.rss", NewsFeed(), name="kommunnatverk_news_rss"),
    path("feeds/news.atom", AtomNewsFeed(), name="kommunnatverk_news_atom"),
]
sitemap_urlpatterns = [path("sitemap.xml", sitemap_view, name="kommunnatverk_sitemap")]
