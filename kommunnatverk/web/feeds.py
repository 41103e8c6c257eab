"""RSS 2.0 and Atom feeds of the network's news, in the language of the URL.

Mounted by ``kommunnatverk.urls`` inside ``i18n_patterns``: ``/feeds/news.rss`` is
Swedish, ``/en/feeds/news.rss`` English. Only public news (live, not expired, not under a
view restriction) of the request's site appear; tags and goals are the categories.

Every address in a feed is on the Site (``Site.root_url``), as its items' links are, not
on the Host header of the request. The Atom feed follows RFC 4287: its id is its own
address, so each language's feed has its own, and the site's publisher is the author
of the feed, which every entry inherits (§4.1.1).
"""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import conditional_escape
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from ..content.goals import GoalCatalogue
from ..content.languages import content_languages
from ..content.listings import NEWS_ORDER
from ..content.public import public_pages
from ..content.site_identity import SiteIdentity, identity
from ..models import NewsPage

ITEMS = 20
RSS_URL_NAME = "kommunnatverk_news_rss"
ATOM_URL_NAME = "kommunnatverk_news_atom"


def feed_title(site_name: str) -> str:
    """The feeds' title in the active language, for the feeds and the pages linking them."""
    return _("News from %(site)s") % {"site": site_name} if site_name else _("News")


def feed_paths(language: str) -> dict[str, str]:
    """``{"rss": path, "atom": path}`` of the feeds in ``language``; those a site has not
    mounted are left out."""
    paths = {}
    with translation.override(language):
        for kind, name in (("rss", RSS_URL_NAME), ("atom", ATOM_URL_NAME)):
            try:
                paths[kind] = reverse(name)
            except NoReverseMatch:
                continue
    return paths


class NewsFeed(Feed):
    def get_object(self, request: HttpRequest) -> dict:
        language = translation.get_language()
        locale = (
            Locale.objects.filter(language_code__in=content_languages())
            .filter(language_code=language)
            .first()
        )
        site = Site.find_for_request(request)
        return {
            "request": request,
            "locale": locale,
            "site": site,
            "identity": identity(site, language, request),
        }

    def title(self, obj: dict) -> str:
        return feed_title(obj["identity"].name)

    def link(self, obj: dict) -> str:
        found: SiteIdentity = obj["identity"]
        return found.home_url or found.absolute("/")

    def description(self, obj: dict) -> str:
        return _("The network's news, newest first.")

    def feed_url(self, obj: dict) -> str:
        return obj["identity"].absolute(obj["request"].path)

    def feed_guid(self, obj: dict) -> str:
        # The feed's own address: one per language and format, stable while the Site's is.
        return self.feed_url(obj)

    def author_name(self, obj: dict) -> str | None:
        return obj["identity"].name or None

    def author_link(self, obj: dict) -> str | None:
        return obj["identity"].home_url

    def items(self, obj: dict):
        if obj["locale"] is None or obj["site"] is None:
            return []
        news = public_pages(NewsPage, site=obj["site"]).filter(locale=obj["locale"])
        news = news.prefetch_related("tagged_items__tag", "goal_links")
        items = list(news.order_by(*NEWS_ORDER)[:ITEMS])
        # Worked out here, where the request is at hand: the feed object serves every
        # request, so nothing request-specific may be kept on it.
        goals = GoalCatalogue.current()
        for item in items:
            item.feed_link = item.get_full_url(obj["request"]) or ""
            goal_ids = [link.goal_id for link in item.goal_links.all()]
            item.feed_categories = [tagged.tag.name for tagged in item.tagged_items.all()] + [
                f"{goal.code}. {goal.title}" for goal in goals.localised(goal_ids, item.locale_id)
            ]
        return items

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        # The intro is plain text; both formats carry the description as HTML.
        return conditional_escape(item.intro)

    def item_link(self, item: NewsPage) -> str:
        return item.feed_link

    def item_guid(self, item: NewsPage) -> str:
        return self.item_link(item)

    def item_pubdate(self, item: NewsPage) -> datetime | None:
        if item.date:
            return timezone.make_aware(datetime.combine(item.date, time(12)))
        return item.first_published_at

    def item_updateddate(self, item: NewsPage) -> datetime | None:
        # atom:updated is required of every entry (RFC 4287 §4.1.2).
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item: NewsPage) -> list[str]:
        return item.feed_categories


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: dict) -> str:
        return self.description(obj)
