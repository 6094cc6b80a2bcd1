"""The API as the desk's people call it: each with a personal token of their own."""

import pytest
from django.test import Client

from claims.services import tokens


class ApiClient:
    """A test client that sends a person's API token and speaks JSON."""

    def __init__(self, key):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {key}"} if key else {}

    def get(self, path, params=None, **headers):
        return self.client.get("/api/v1" + path, params or {}, headers={**self.headers, **headers})

    def post(self, path, data=None, **headers):
        return self.client.post(
            "/api/v1" + path,
            data or {},
            content_type="application/json",
            headers={**self.headers, **headers},
        )

    def upload(self, path, data, **headers):
        return self.client.post("/api/v1" + path, data, headers={**self.headers, **headers})

    def delete(self, path, **headers):
        return self.client.delete("/api/v1" + path, headers={**self.headers, **headers})


@pytest.fixture
def api(request):
    """api("bob") is an API client with a token of Bob's; api(None) sends no token."""

    def as_(name):
        if name is None:
            return ApiClient(None)
        _, key = tokens.create_token(request.getfixturevalue(name), f"{name}'s script")
        return ApiClient(key)

    return as_
