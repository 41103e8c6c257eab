"""Reference templates: renditions from settings, sidebar, language switcher, dates."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from kommunnatverk.models import NewsPage

from .html import find_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return Image.objects.create(title="Kranvatten", file=get_test_image_file(size=(1600, 900)))


def test_news_images_use_the_rendition_specs_from_settings(client, image, network):
    item = network.water_day
    item.image = image
    item.save_revision().publish()
    index = network.news_index
    custom = {
        "thumbnail": "fill-200x100",
        "hero": "width-800",
        "logo": "max-10x10",
        "photo": "fill-1x1",
    }
    with override_settings(KOMMUNNATVERK={"RENDITIONS": custom}):
        listing = client.get(index.url).content.decode()
        detail = client.get(item.url).content.decode()
    assert ".fill-200x100." in listing and 'width="200"' in listing
    assert ".width-800." in detail


def test_page_shows_inherited_sidebar_as_aside(client, sv):
    html = client.get(NewsPage.objects.filter(locale=sv).first().url).content.decode()
    assert "<aside" in html
    assert "Maj-Liz" in html and "Maria" in html


def test_language_switcher_links_to_the_translation_and_is_omitted_without_one(client, network, en):
    item = network.water_day
    html = client.get(item.url).content.decode()
    (switcher,) = find_all(html, "nav", class_="language-switcher")
    assert switcher.first("a", hreflang="en").attrs["href"] == item.get_translation(en).url

    english = item.get_translation(en)
    english.unpublish()
    html = client.get(item.url).content.decode()
    assert find_all(html, "nav", class_="language-switcher") == []
    assert 'rel="alternate" hreflang="en"' not in html


def test_dates_are_in_the_pages_language(client, network, en):
    project = network.projects["hallbart-resande-i-skolan"]
    project.start_date = datetime.date(2012, 9, 1)
    project.end_date = datetime.date(2013, 6, 30)
    project.save_revision().publish()
    english = project.get_translation(en)
    english.start_date, english.end_date = project.start_date, project.end_date
    english.save_revision().publish()
    assert "september 2012" in client.get(project.url).content.decode()
    assert "September 2012" in client.get(english.url).content.decode()


def test_goal_badges_carry_their_colour(client, network):
    html = client.get(network.projects["hallbart-resande-i-skolan"].url).content.decode()
    assert "--goal-colour: #C5192D" in html  # goal 4
    assert "God utbildning för alla" in html


def test_news_index_lists_newest_first_and_undated_last(client, network):
    index = network.news_index
    dated = network.water_day
    dated.date = datetime.date(2013, 3, 22)
    dated.save_revision().publish()
    html = client.get(index.url).content.decode()
    assert html.index("Internationella vattendagen") < html.index("Fler jobb och bättre ekonomi")


def test_draft_organisation_is_not_shown(client, network):
    project = network.projects["hallbart-resande-i-skolan"]
    assert "Energimyndigheten</a>" in client.get(project.url).content.decode()
    org = network.organisations["Energimyndigheten"]
    org.live = False
    org.save()
    html = client.get(project.url).content.decode()
    assert "Energimyndigheten</a>" not in html


# The network page, dates and alternative texts -------------------------------------------


def test_the_network_page_lists_the_latest_news_and_the_current_projects(client, network):
    from . import factories

    dates = {
        "fler-jobb-och-battre-ekonomi-genom-kommunala-miljomal": datetime.date(2012, 5, 3),
        "internationella-vattendagen-22-mars": datetime.date(2013, 3, 22),
        "hogstadieklasser-sokes-till-nytt-projekt-om-hallbart-resande": datetime.date(2012, 8, 20),
    }
    for slug, date in dates.items():
        item = network.news[slug]
        item.date = date
        item.save_revision().publish()
    factories.news(
        network.news_index, "aldre", title="En äldre nyhet", date=datetime.date(2011, 1, 1)
    )
    factories.ProjectPageFactory(
        parent=network.project_index, title="Ett avslutat projekt", status="completed"
    )
    html = client.get("/").content.decode()
    news, projects = find_all(html, "section", class_="network-section")
    assert news.first("h2").text == "Nytt i nätverket"
    assert [h.text for h in news.all("h3")] == [
        "Internationella vattendagen – 22 mars",
        "Högstadieklasser sökes till nytt projekt om hållbart resande",
        "Fler jobb och bättre ekonomi genom kommunala miljömål",
    ]
    assert news.first("time").attrs["datetime"] == "2013-03-22"
    assert news.first("time").text == "22 mars 2013"
    assert news.first("p", class_="more").first("a").attrs["href"] == network.news_index.url
    assert projects.first("h2").text == "Projekt"
    assert [h.text for h in projects.all("h3")] == [  # recruiting first, then ongoing
        "Hållbart resande i skolan",
        "Mindre kommuners miljömålsarbete på affärsmässiga villkor",
    ]
    assert "Söker deltagare" in projects.text and "Ett avslutat projekt" not in projects.text
    assert "Ett avslutat projekt" in client.get(network.project_index.url).content.decode()


@pytest.mark.parametrize(("english", "written"), [(False, "22 mars 2013"), (True, "22 March 2013")])
def test_news_dates_are_in_the_pages_language_on_the_index_and_the_page(
    client, network, english, written
):
    item = network.water_day
    item.date = datetime.date(2013, 3, 22)
    item.save_revision().publish()
    translated = network.english(item)
    translated.date = item.date
    translated.save_revision().publish()
    shown = translated if english else item
    for url in (shown.url, shown.get_parent().url):
        html = client.get(url).content.decode()
        (time,) = [t for t in find_all(html, "time") if t.attrs["datetime"] == "2013-03-22"]
        assert time.text == written, url


def test_undated_news_shows_when_it_was_published(client, network):
    item = network.news["fler-jobb-och-battre-ekonomi-genom-kommunala-miljomal"]
    published = timezone.localtime(item.first_published_at).date()
    html = client.get(item.url).content.decode()
    meta = find_all(html, "p", class_="meta")[0]
    assert meta.text.startswith("Publicerad ")
    assert meta.first("time").attrs["datetime"] == published.isoformat()
    english = client.get(network.english(item).url).content.decode()
    assert find_all(english, "p", class_="meta")[0].text.startswith("Published ")


def test_a_news_image_carries_the_alternative_text_of_each_language(
    client, api, network, en, image, django_capture_on_commit_callbacks
):
    from kommunnatverk.localisation import translate_with_strings

    item = network.water_day
    item.image = image
    item.image_alt_text = "Ett glas kranvatten på ett mötesbord"
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
        translate_with_strings(
            item, en, {"Ett glas kranvatten på ett mötesbord": "A glass of tap water on a table"}
        )
    english = network.english(item)
    assert english.image_id == image.pk  # the image is shared, its text translated

    for page, alt in (
        (item, "Ett glas kranvatten på ett mötesbord"),
        (english, "A glass of tap water on a table"),
    ):
        detail = client.get(page.url).content.decode()
        assert find_all(detail, "figure", class_="hero")[0].first("img").attrs["alt"] == alt
        listing = client.get(page.get_parent().url).content.decode()
        assert find_all(listing, "img", class_="news-item__image")[0].attrs["alt"] == alt
        assert api(f"pages/{page.pk}/").data["image"]["alt"] == alt
    listed = api(f"pages/?type=news&locale=en&child_of={english.get_parent().pk}").data["items"]
    (thumbnail,) = [i["thumbnail"] for i in listed if i["id"] == english.pk]
    assert thumbnail["alt"] == "A glass of tap water on a table"


def test_an_image_without_alternative_text_is_decorative(client, api, network, image):
    item = network.water_day
    item.image = image  # titled "Kranvatten": the title is not a description
    item.save_revision().publish()
    html = client.get(item.url).content.decode()
    assert find_all(html, "figure", class_="hero")[0].first("img").attrs["alt"] == ""
    assert api(f"pages/{item.pk}/").data["image"]["alt"] == ""
