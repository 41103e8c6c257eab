"""Schemathesis generates requests from the API's own OpenAPI document, valid and invalid,
and checks every answer with all its checks: no server error, status codes, content
types, headers and bodies as documented, invalid input refused and valid input accepted.
"""

from collections.abc import Callable, Iterable

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from kommunnatverk.api.app import api as delivery_api

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 30


def in_test_transaction(app: Callable) -> Callable:
    """The WSGI app, holding the test's database connection across requests.

    Each test runs in a transaction, so Django's ``close_old_connections`` sees autocommit
    off at every request and closes the connection (on PostgreSQL; SQLite's in-memory
    database ignores it). Django's test client disconnects it around each request; this
    does the same for schemathesis' WSGI calls.
    """

    def wsgi(environ: dict, start_response: Callable) -> Iterable[bytes]:
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = app(environ, start_response)
            try:
                return list(response)
            finally:
                response.close()  # sends request_finished while it is still disconnected
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)

    return wsgi


# Loaded when the module is collected: Django is set up by then, and the document needs
# no database.
schema = schemathesis.openapi.from_wsgi(
    "/api/network/openapi.json", in_test_transaction(get_wsgi_application())
)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
def test_every_operation_holds_under_generated_requests(case):
    case.call_and_validate()


def test_the_fuzzed_document_is_the_delivery_apis():
    """The fuzz run covers every operation the API has."""
    document = delivery_api.get_openapi_schema(path_prefix="/api/network/")
    assert len(document["paths"]) >= 10
