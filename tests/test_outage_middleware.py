"""``DatabaseUnavailableMiddleware`` where tests/test_database_outage.py cannot reach it: an
error raised outside a view, on the way out (a session saved by a middleware), which
Django turns into a 500 before an outer middleware sees it; and ``DEBUG``, under which a
developer is told the database's error. The error here comes from a middleware of the
test's own; the real outage is in tests/test_database_outage.py."""

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> Client:
    """A browser's view: the test client would raise the error Django logged."""
    return Client(raise_request_exception=False)


class FailsOnTheWayOut:
    """Raises what a session save on a stopped database raises, after the view ran."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        self.get_response(request)
        raise OperationalError("no such table: django_session")


MIDDLEWARE = [
    settings.MIDDLEWARE[0],
    "tests.test_outage_middleware.FailsOnTheWayOut",
    *settings.MIDDLEWARE[1:],
]


@override_settings(MIDDLEWARE=MIDDLEWARE)
def test_an_error_outside_the_view_is_a_503_page_in_the_visitors_language(network, client):
    english = client.get("/en/")
    swedish = client.get("/")
    for response, language in ((english, "en"), (swedish, "sv")):
        assert response.status_code == 503
        assert response["Retry-After"] == "10"
        assert response["Cache-Control"] == "no-store"
        assert f'<html lang="{language}">'.encode() in response.content
        assert b"django_session" not in response.content  # DEBUG is off
    assert "<h1>The site is temporarily unavailable</h1>" in english.text
    assert "<h1>Webbplatsen är tillfälligt otillgänglig</h1>" in swedish.text
    assert "Försök igen om 10 sekunder." in swedish.text


@override_settings(MIDDLEWARE=MIDDLEWARE, KOMMUNNATVERK={"OUTAGE_RETRY_AFTER": 30})
def test_an_api_request_gets_the_problem_document(network, client):
    response = client.get("/api/network/pages/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json; charset=utf-8"
    assert response["Retry-After"] == "30"
    assert response.json()["detail"] == (
        "The content cannot be read right now. Try again in 30 seconds."
    )


@override_settings(MIDDLEWARE=MIDDLEWARE, DEBUG=True)
def test_with_debug_on_a_developer_is_told_the_databases_error(network, client):
    page = client.get("/")
    problem = client.get("/api/network/pages/")
    assert page.status_code == problem.status_code == 503
    assert b"no such table: django_session" in page.content
    assert problem.json()["detail"].endswith("The database said: no such table: django_session")
