"""Factories for test content, built on wagtail-factories and factory_boy.

Every factory makes what an editor's publish makes: a validated object with a live
revision. Snippets default to the Swedish locale; pages take the locale of their parent.
Pass ``publish=False`` for a draft. The small helpers at the end (``news``, ``network``…)
are shorthands the tests have long used.
"""

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page

from kommunnatverk.models import (
    ContactSidebar,
    EventIndexPage,
    EventPage,
    Goal,
    GoalFramework,
    GroupPage,
    NetworkPage,
    NetworkTag,
    NewsIndexPage,
    NewsPage,
    Organisation,
    ProjectIndexPage,
    ProjectPage,
)


def swedish() -> Locale:
    return Locale.objects.get(language_code="sv")


def publish(obj):
    """Validate, save and publish a snippet, as its editor's Publish button does."""
    obj.full_clean()
    obj.save()
    obj.save_revision().publish()
    return obj


def add_page(parent: Page, page: Page) -> Page:
    """Add ``page`` under ``parent`` and publish it."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


# Snippets ---------------------------------------------------------------------------------


class SnippetFactory(DjangoModelFactory):
    """A published snippet; ``publish=False`` saves a draft (with its revision)."""

    locale = factory.LazyFunction(swedish)

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        live = kwargs.pop("publish", True)
        obj = model_class(*args, **kwargs)
        if live:
            return publish(obj)
        obj.live = False
        obj.full_clean()
        obj.save()
        obj.save_revision()
        return obj


class GoalFrameworkFactory(SnippetFactory):
    title = factory.Sequence(lambda n: f"Ramverk {n}")
    slug = factory.Sequence(lambda n: f"ramverk-{n}")

    class Meta:
        model = GoalFramework


class GoalFactory(SnippetFactory):
    framework = factory.SubFactory(GoalFrameworkFactory)
    code = factory.Sequence(lambda n: str(n + 1))
    title = factory.LazyAttribute(lambda goal: f"Mål {goal.code}")
    colour = "#112233"
    locale = factory.LazyAttribute(lambda goal: goal.framework.locale)

    class Meta:
        model = Goal


class OrganisationFactory(SnippetFactory):
    name = factory.Sequence(lambda n: f"Kommun {n}")
    kind = Organisation.Kind.MUNICIPALITY

    class Meta:
        model = Organisation


class ContactSidebarFactory(SnippetFactory):
    """A sidebar; give its people as ``contacts=[Contact(name=…), …]``, in their order."""

    admin_name = factory.Sequence(lambda n: f"Kontakter {n}")
    title = "Kontakt"

    class Meta:
        model = ContactSidebar

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # As the admin's inline panel numbers them; without it PostgreSQL may list the
        # contacts in either order.
        for position, contact in enumerate(kwargs.get("contacts", [])):
            if contact.sort_order is None:
                contact.sort_order = position
        return super()._create(model_class, *args, **kwargs)


class NetworkTagFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"tagg {n}")
    slug = factory.LazyAttribute(lambda tag: slugify(tag.name))
    locale = factory.LazyFunction(swedish)

    class Meta:
        model = NetworkTag
        django_get_or_create = ("name", "locale")


# Pages ------------------------------------------------------------------------------------


class PageFactory(wagtail_factories.PageFactory):
    """A page added under ``parent`` and published; ``publish=False`` leaves it a draft
    with one revision. ``tags=[…]`` tags it before the first save."""

    class Meta:
        abstract = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        tags = kwargs.pop("tags", ())
        publish = kwargs.pop("publish", True)
        if not publish:
            kwargs["live"] = False
        page = model_class(**kwargs)
        if tags:
            page.tags.add(*tags)
        if parent is None:
            raise TypeError(f"{cls.__name__} needs a parent page")
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return page


class NetworkPageFactory(PageFactory):
    title = "Testnätverket"
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = NetworkPage


class GroupPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Grupp {n}")

    class Meta:
        model = GroupPage


class NewsIndexPageFactory(PageFactory):
    title = "Nyheter"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Nyhet {n}")

    class Meta:
        model = NewsPage


class ProjectIndexPageFactory(PageFactory):
    title = "Projekt"

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Projekt {n}")

    class Meta:
        model = ProjectPage


class EventIndexPageFactory(PageFactory):
    title = "Möten"

    class Meta:
        model = EventIndexPage


class EventPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Möte {n}")
    place_name = "Stadshuset"

    class Meta:
        model = EventPage


# Shorthands -------------------------------------------------------------------------------


def framework(slug: str = "test-fw", title: str = "Testramverk", **kwargs) -> GoalFramework:
    return GoalFrameworkFactory(slug=slug, title=title, **kwargs)


def goal(fw: GoalFramework, code: str = "1", colour: str = "#112233", **kwargs) -> Goal:
    return GoalFactory(framework=fw, code=code, colour=colour, **kwargs)


def organisation(name: str = "Testkommun", **kwargs) -> Organisation:
    return OrganisationFactory(name=name, **kwargs)


def sidebar(name: str = "Testkontakter", **kwargs) -> ContactSidebar:
    return ContactSidebarFactory(admin_name=name, **kwargs)


def network(slug: str = "testnatverk", **kwargs) -> NetworkPage:
    """A network page of its own, under the root of the tree (not the site's root)."""
    return NetworkPageFactory(slug=slug, **kwargs)


def news_tree(**network_kwargs) -> tuple[NetworkPage, NewsIndexPage]:
    net = network(**network_kwargs)
    return net, NewsIndexPageFactory(parent=net, slug="nyheter")


def news(index: NewsIndexPage, slug: str, **kwargs) -> NewsPage:
    return NewsPageFactory(parent=index, slug=slug, title=kwargs.pop("title", slug), **kwargs)


def event_tree(**network_kwargs) -> tuple[NetworkPage, EventIndexPage]:
    net = network(**network_kwargs)
    return net, EventIndexPageFactory(parent=net, slug="moten")


def event(index: EventIndexPage, slug: str, **kwargs) -> EventPage:
    return EventPageFactory(parent=index, slug=slug, title=kwargs.pop("title", slug), **kwargs)
