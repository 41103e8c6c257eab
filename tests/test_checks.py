"""System checks name what a site lacks, with an id of their own and a hint."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from wagtail.models import Page

from kommunnatverk.checks import (
    check_frontend_url,
    check_localisation,
    check_page_tree,
    check_settings,
    check_task_backend,
)
from kommunnatverk.localisation import page_tree

APPS_WITHOUT_LOCALIZE = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "wagtail",
    "kommunnatverk",
]


def ids(errors) -> list[str]:
    return [error.id for error in errors]


def test_the_example_and_test_settings_pass():
    assert check_localisation() == []
    assert check_settings() == []
    assert check_frontend_url() == []
    assert check_task_backend() == []


def test_missing_wagtail_localize():
    with override_settings(INSTALLED_APPS=APPS_WITHOUT_LOCALIZE):
        errors = check_localisation()
    assert ids(errors) == ["kommunnatverk.E001"]
    assert "wagtail_localize" in errors[0].msg and "INSTALLED_APPS" in errors[0].hint


@override_settings(WAGTAIL_I18N_ENABLED=False)
def test_i18n_off():
    errors = check_localisation()
    assert ids(errors) == ["kommunnatverk.E002"]
    assert "WAGTAIL_I18N_ENABLED" in errors[0].msg


@override_settings(WAGTAIL_CONTENT_LANGUAGES=[("sv", "Svenska"), ("de", "Deutsch")])
def test_english_missing_from_the_content_languages():
    errors = check_localisation()
    assert ids(errors) == ["kommunnatverk.E003"]
    assert "'en'" in errors[0].msg and "'sv'" not in errors[0].msg


@override_settings(KOMMUNNATVERK={"API_MAX_LIMT": 50})
def test_unknown_key_is_named():
    (error,) = check_settings()
    assert error.id == "kommunnatverk.E004"
    assert "'API_MAX_LIMT'" in error.msg and "API_MAX_LIMIT" in error.hint


@override_settings(KOMMUNNATVERK=["SOURCE_LOCALE", "sv"])
def test_setting_that_is_not_a_dict():
    assert ids(check_settings()) == ["kommunnatverk.E004"]


@pytest.mark.parametrize(
    "key, value, expected",
    [
        ("SOURCE_LOCALE", "fi", "content languages"),
        ("FALLBACK_LOCALE", "xx", "None or one of the content languages"),
        ("API_DEFAULT_LIMIT", 0, "above 0"),
        ("API_MAX_LIMIT", "100", "whole number"),
        ("API_RESPONSE_CACHE", "redis", "alias in CACHES"),
        ("API_RESPONSE_CACHE_TIMEOUT", -1, "above 0"),
        ("API_CACHE_CONTROL", "", "non-empty string"),
        ("PREVIEW_TOKEN_MAX_AGE", 0, "above 0"),
        ("TASK_BACKEND", "celery", "alias in TASKS"),
        ("WEBHOOK_MAX_ATTEMPTS", 1.5, "whole number"),
        ("WEBHOOK_RETRY_DELAY", None, "whole number"),
        ("WEBHOOK_TIMEOUT", "10", "whole number"),
        ("RENDITIONS", {"thumbnail": "fill-480x270"}, "hero"),
        ("FAVICONS", "kommunnatverk/favicon.svg", "a list"),
        ("FAVICONS", ["mysite/icon.png"], "'mysite/icon.png' is not found"),
        ("LOGO", "mysite/logo.png", "'mysite/logo.png' is not found"),
        ("LOGO", "", "static file path or an absolute URL"),
        (
            "RENDITIONS",
            {"thumbnail": "fill-x", "hero": "width-1", "logo": "max-1x1", "photo": "fill-1x1"},
            "'thumbnail'",
        ),
    ],
)
def test_invalid_values_are_named_with_what_they_must_be(key, value, expected):
    with override_settings(KOMMUNNATVERK={key: value}):
        (error,) = check_settings()
    assert error.id == "kommunnatverk.E005"
    assert key in error.msg and expected in error.hint


@override_settings(
    KOMMUNNATVERK={
        "FAVICONS": ["kommunnatverk/favicon.svg", "https://cdn.example.org/icon.ico"],
        "LOGO": "example_site/logo.png",
    }
)
def test_icons_and_a_logo_found_by_the_static_files_finders_or_absolute_pass():
    assert check_settings() == []


@override_settings(KOMMUNNATVERK={"API_DEFAULT_LIMIT": 200})
def test_default_limit_above_the_maximum():
    (error,) = check_settings()
    assert error.id == "kommunnatverk.E005" and "API_MAX_LIMIT" in error.msg


@override_settings(KOMMUNNATVERK={"API_MAX_LIMT": 50}, WAGTAIL_I18N_ENABLED=False)
def test_manage_py_check_reports_them():
    with pytest.raises(SystemCheckError) as raised:
        call_command("check")
    assert "kommunnatverk.E002" in str(raised.value)
    assert "kommunnatverk.E004" in str(raised.value)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("https://www.example.org/preview", "no {path} placeholder"),
        ("https://www.example.org/{slug}", "placeholder other than"),
        ("www.example.org/{path}", "http(s) URL"),
        ("", "non-empty string"),
        ({"*": "https://ok.example/{path}", "intranet": "ftp://x/{path}"}, "http(s) URL"),
    ],
)
def test_a_frontend_url_needs_its_placeholders(value, expected):
    with override_settings(KOMMUNNATVERK={"FRONTEND_URL": value}):
        (error,) = check_frontend_url()
    assert error.id == "kommunnatverk.E006"
    assert expected in error.msg and "{path}" in error.hint


@override_settings(KOMMUNNATVERK={"FRONTEND_URL": "https://fe.example/{locale}{path}"})
def test_a_good_frontend_url_passes():
    assert check_frontend_url() == []


@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    KOMMUNNATVERK={},
)
def test_an_immediate_task_backend_is_a_warning_about_webhooks():
    (warning,) = check_task_backend()
    assert warning.id == "kommunnatverk.W001"
    assert "db_worker" in warning.hint


# The page tree (deploy, with a database) --------------------------------------------------


def run_check(**options) -> str:
    out, err = StringIO(), StringIO()
    try:
        call_command("check", stdout=out, stderr=err, **options)
    except SystemCheckError as error:
        return str(error)
    return out.getvalue() + err.getvalue()


@pytest.mark.django_db
def test_a_whole_page_tree_passes(network):
    assert check_page_tree(databases=["default"]) == []


@pytest.mark.django_db
def test_a_wrong_numchild_is_reported_with_the_fix_and_fixtree_repairs_it(network, client):
    """What wagtail-localize #773 left behind: an English parent that counts no children."""
    news_index = network.english(network.news_index)
    water_day = network.english(network.water_day)
    Page.objects.filter(pk=news_index.pk).update(numchild=0)
    assert client.get(water_day.url).status_code == 404

    (error,) = check_page_tree(databases=["default"])
    assert error.id == "kommunnatverk.E007"
    assert f"1 page with a wrong number of children (numchild) (ids {news_index.pk})" in error.msg
    assert "python manage.py fixtree" in error.hint

    call_command("fixtree", "--noinput", stdout=StringIO())
    assert check_page_tree(databases=["default"]) == []
    assert client.get(water_day.url).status_code == 200


@pytest.mark.django_db
def test_the_tree_check_runs_only_with_deploy_and_a_database(network):
    """Two queries a page: never on every ``manage.py`` command, nor in a build without a
    database."""
    Page.objects.filter(pk=network.news_index.pk).update(numchild=0)

    assert "kommunnatverk.E007" not in run_check()
    assert "kommunnatverk.E007" not in run_check(databases=["default"])
    assert "kommunnatverk.E007" not in run_check(deploy=True)
    assert "kommunnatverk.E007" in run_check(deploy=True, databases=["default"])


def _moved_under_a_missing_parent(path: str) -> dict:
    return {"path": "ZZZZ" + path[4:]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "break_it",
    [
        lambda page: {"numchild": 0},
        lambda page: {"numchild": page.numchild + 2},
        lambda page: {"depth": page.depth + 1},
        lambda page: {"path": page.path + "0"},
        lambda page: _moved_under_a_missing_parent(page.path),
    ],
    ids=["no-children", "too-many-children", "depth", "path-length", "orphan"],
)
def test_the_tree_check_finds_what_treebeard_finds(network, break_it):
    """One query, where ``Page.find_problems()`` makes two a page: the same findings."""
    assert page_tree.find_problems() == ([], [], [], [], [])
    news_index = network.english(network.news_index)
    Page.objects.filter(pk=news_index.pk).update(**break_it(news_index))

    found = page_tree.find_problems()
    assert any(found)
    assert [sorted(ids) for ids in found] == [sorted(ids) for ids in Page.find_problems()]
