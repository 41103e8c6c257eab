"""Small builders for test content beside the demo network."""

from wagtail.models import Locale, Page

from kommunnatverk.models import (
    ContactSidebar,
    Goal,
    GoalFramework,
    NetworkPage,
    NewsIndexPage,
    NewsPage,
    Organisation,
)


def publish(obj):
    obj.full_clean()
    obj.save()
    obj.save_revision().publish()
    return obj


def framework(slug: str = "test-fw", title: str = "Testramverk", **kwargs) -> GoalFramework:
    kwargs.setdefault("locale", Locale.objects.get(language_code="sv"))
    return publish(GoalFramework(slug=slug, title=title, **kwargs))


def goal(fw: GoalFramework, code: str = "1", colour: str = "#112233", **kwargs) -> Goal:
    kwargs.setdefault("title", f"Mål {code}")
    return publish(Goal(framework=fw, code=code, colour=colour, locale=fw.locale, **kwargs))


def organisation(name: str = "Testkommun", **kwargs) -> Organisation:
    kwargs.setdefault("locale", Locale.objects.get(language_code="sv"))
    return publish(Organisation(name=name, kind="municipality", **kwargs))


def sidebar(name: str = "Testkontakter", **kwargs) -> ContactSidebar:
    kwargs.setdefault("locale", Locale.objects.get(language_code="sv"))
    return publish(ContactSidebar(admin_name=name, title="Kontakt", **kwargs))


def add_page(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def network(slug: str = "testnatverk", **kwargs) -> NetworkPage:
    root = Page.get_first_root_node()
    return add_page(root, NetworkPage(title="Testnätverket", slug=slug, **kwargs))


def news_tree(**network_kwargs) -> tuple[NetworkPage, NewsIndexPage]:
    net = network(**network_kwargs)
    index = add_page(net, NewsIndexPage(title="Nyheter", slug="nyheter"))
    return net, index


def news(index: NewsIndexPage, slug: str, **kwargs) -> NewsPage:
    return add_page(index, NewsPage(title=kwargs.pop("title", slug), slug=slug, **kwargs))
