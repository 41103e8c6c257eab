import pytest
from django.test import Client


@pytest.fixture
def api(client: Client):
    """GET a path of the delivery API, returning the response with ``.data`` parsed."""

    def get(path: str, **headers):
        response = client.get(f"/api/network/{path}", **headers)
        response.data = response.json() if response.content else None
        return response

    return get
