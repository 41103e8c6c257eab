"""Reference templates: renditions from settings, sidebar, language switcher, dates."""

import datetime

import pytest
from django.test import override_settings
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from kommunnatverk.models import NewsPage

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
    assert 'hreflang="en"' in html
    assert item.get_translation(en).url in html

    english = item.get_translation(en)
    english.unpublish()
    html = client.get(item.url).content.decode()
    assert 'hreflang="en"' not in html


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
