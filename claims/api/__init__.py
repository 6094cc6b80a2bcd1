"""The JSON API (/api/v1/) for the newsroom's systems: django-ninja, typed schemas, OpenAPI 3.

Every change goes through claims/services, as in the desk, so permissions and refusals are the
same; this package only parses requests, calls services and selectors, and shapes the answers.
"""

from django.contrib.auth.decorators import login_not_required
from ninja import NinjaAPI, Router
from ninja.openapi.docs import Swagger

from claims.api import articles, claims, errors, sources
from claims.api.auth import DeskSession, TokenAuth
from claims.api.schemas import Me
from claims.permissions import role_of

DESCRIPTION = """
The fact-check desk for the newsroom's systems. Authenticate with a personal API token
(`Authorization: Bearer fcd_…`, made under “API tokens” in the desk): it acts with your role.
Lists page with keyset cursors (`after=<next_cursor>`). Changes to a claim take the `version`
you read (or `If-Match` with its ETag) and are refused with 409 and what changed if someone
else changed it first. Refusals are JSON: `{"detail": "…", "code": "…"}`.
"""

api = NinjaAPI(
    title="Fact-check desk API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-1",
    auth=[TokenAuth(), DeskSession()],
    # Served from the desk's own static files (no CDN), under its Content-Security-Policy;
    # no validator badge, which would load an image from another site.
    docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": False}),
)
errors.install(api)
api.add_router("/articles", articles.router)
api.add_router("/claims", claims.router)
api.add_router("/sources", sources.router)
api.add_router("/verdicts", sources.verdicts_router)

me_router = Router(tags=["me"])


@me_router.get("", response=Me, url_name="me")
def me(request):
    """Who the token (or session) acts as, and with which role."""
    token = getattr(request, "api_token", None)
    return {
        "username": request.auth.get_username(),
        "role": role_of(request.auth),
        "token": token.name if token else None,
    }


api.add_router("/me", me_router)


def urls():
    """The API's URL patterns. Each request authenticates itself (a token, or the session with
    its CSRF token), so the desk's login redirect does not apply to them."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        login_not_required(pattern.callback)
    return patterns, app_name, namespace
