"""RSS 2.0 and Atom feeds of the network's news, in the language of the URL.

Mounted by ``kommunnatverk.urls`` inside ``i18n_patterns``: ``/feeds/news.rss`` is
Swedish, ``/en/feeds/news.rss`` English. Only public news (live, not expired, not under a
view restriction) of the request's site appear; tags and goals are the categories.
"""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from ..content.goals import GoalCatalogue
from ..content.languages import content_languages
from ..content.listings import NEWS_ORDER
from ..content.public import public_pages
from ..models import NewsPage

ITEMS = 20


class NewsFeed(Feed):
    def get_object(self, request: HttpRequest) -> dict:
        language = translation.get_language()
        locale = (
            Locale.objects.filter(language_code__in=content_languages())
            .filter(language_code=language)
            .first()
        )
        site = Site.find_for_request(request)
        return {"request": request, "locale": locale, "site": site}

    def title(self, obj: dict) -> str:
        site_name = obj["site"].site_name if obj["site"] else ""
        name = site_name or getattr(settings, "WAGTAIL_SITE_NAME", "")
        return _("News from %(site)s") % {"site": name} if name else _("News")

    def link(self, obj: dict) -> str:
        return obj["request"].build_absolute_uri("/")

    def description(self, obj: dict) -> str:
        return _("The network's news, newest first.")

    def feed_url(self, obj: dict) -> str:
        return obj["request"].build_absolute_uri()

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
        return item.intro

    def item_link(self, item: NewsPage) -> str:
        return item.feed_link

    def item_guid(self, item: NewsPage) -> str:
        return self.item_link(item)

    def item_pubdate(self, item: NewsPage) -> datetime | None:
        if item.date:
            return timezone.make_aware(datetime.combine(item.date, time(12)))
        return item.first_published_at

    def item_updateddate(self, item: NewsPage) -> datetime | None:
        return item.last_published_at

    def item_categories(self, item: NewsPage) -> list[str]:
        return item.feed_categories


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: dict) -> str:
        return self.description(obj)
