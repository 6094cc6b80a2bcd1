"""The OpenAPI document is valid OpenAPI 3, and its interactive docs are served by the desk
itself (no CDN): the browser test in tests/browser/test_api_docs.py renders them."""

import json

from django.test import Client
from openapi_spec_validator import validate

from claims.api import api


def test_the_openapi_document_validates(db):
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    validate(document)
    assert document["openapi"].startswith("3.")
    paths = document["paths"]
    for path in ("/api/v1/articles", "/api/v1/claims/{claim_id}/transitions", "/api/v1/sources"):
        assert path in paths
    schemes = document["components"]["securitySchemes"]
    assert schemes["TokenAuth"] == {"type": "http", "scheme": "bearer"}


def test_every_operation_says_what_it_answers_when_refused(db):
    document = api.get_openapi_schema()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method == "get" and "{" not in path:
                continue  # lists: nothing to refuse but a token
            assert set(operation["responses"]) - {200, 201, 202}, (method, path)


def test_the_docs_page_uses_the_desks_own_assets(db):
    response = Client().get("/api/v1/docs")
    page = response.content.decode()
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn." not in page and "https://" not in page.split("<body")[0]
