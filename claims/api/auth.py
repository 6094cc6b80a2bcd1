"""Who calls the API: a personal token (Authorization: Bearer …), or a signed-in desk session
(the interactive docs) that must carry the CSRF token for anything but reading."""

from django.conf import settings
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from claims.services import tokens

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class RateLimited(Exception):
    """The token made API_RATE_LIMIT requests this minute; retry after `retry_after` seconds."""

    def __init__(self, retry_after):
        self.retry_after = retry_after
        super().__init__(
            f"Too many requests: this token may make {settings.API_RATE_LIMIT} a minute. "
            f"Try again in {retry_after} seconds."
        )


class TokenAuth(HttpBearer):
    """A personal API token: the request acts as its owner, with the owner's role."""

    def authenticate(self, request, key):
        token = tokens.authenticate(key)
        if token is None:
            raise HttpError(401, "This API token is not valid, or it was revoked.")
        retry_after = tokens.take_request(token)
        if retry_after:
            raise RateLimited(retry_after)
        request.api_token = token
        return token.user


class DeskSession(APIKeyCookie):
    """The desk's own session (someone signed in, trying the API in the docs). Writes need the
    CSRF token, as every form of the desk does: a page elsewhere cannot act with the cookie."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self):
        super().__init__(csrf=True)

    def _get_key(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None  # no session: not this way in
        if request.method not in SAFE_METHODS and check_csrf(request):
            raise HttpError(
                403,
                "The CSRF token is missing or wrong: a signed-in browser must send the "
                "X-CSRFToken header. Other programs use an API token instead.",
            )
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request, key):
        return request.user if key else None
