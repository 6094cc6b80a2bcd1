"""Refusals as JSON: the services' own sentences, with an HTTP status and a short code.

401 not_authenticated   no token, or a revoked one
403 not_allowed         the role (or the claim's assignee) does not allow it (NotAllowed)
404 not_found
409 stale               someone changed the claim since you read it; what changed comes along
409 duplicate/conflict  the text is already here; an id or key already made another article
422 refused/invalid     the desk's rules refuse it now (WorkflowError), or the input is wrong
429 rate_limited        with Retry-After
"""

from django.http import Http404
from ninja.errors import AuthenticationError, HttpError, ValidationError

from claims import selectors
from claims.api.auth import RateLimited
from claims.api.schemas import ClaimDetail, EventOut
from claims.models import ClaimEvent
from claims.services import (
    DuplicateArticleError,
    NotAllowed,
    RequestConflict,
    StaleClaimError,
    WorkflowError,
)

# With a bare version the caller's copy is unknown: the latest changes come with the refusal.
RECENT_CHANGES = 20


class Refused(Exception):
    """A refusal the API itself makes (not found, bad input)."""

    def __init__(self, status, code, detail):
        self.status, self.code = status, code
        super().__init__(detail)

    @classmethod
    def not_found(cls, what, pk):
        return cls(404, "not_found", f"There is no {what} with id {pk}.")


class FormInvalid(Exception):
    """The upload form refused the input: its messages, by field."""

    def __init__(self, form):
        self.errors = {
            ("input" if field == "__all__" else field): list(messages)
            for field, messages in form.errors.items()
        }
        super().__init__(" ".join(m for messages in self.errors.values() for m in messages))


def get_or_404(queryset, pk, what):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Refused.not_found(what, pk)
    return found


def _stale(request, exc):
    """The refusal of a stale change: the claim as it is now, and what changed."""
    claim = selectors.claim_for_page(exc.claim.pk)
    seen_event = getattr(exc, "seen_event", None)
    events = ClaimEvent.objects.filter(claim_id=claim.pk).select_related("actor")
    if seen_event is not None:
        changes = list(events.filter(pk__gt=seen_event).order_by("id"))
    else:
        changes = list(events.order_by("-id")[:RECENT_CHANGES])[::-1]
    context = {"request": request}
    return _body(
        "stale",
        exc,
        current=ClaimDetail.from_orm(claim, context=context).dict(),
        changes=[EventOut.from_orm(event).dict() for event in changes],
    )


def _article_ref(article):
    return {
        "id": article.pk,
        "headline": article.headline,
        "url": article.url,
        "external_id": article.external_id,
    }


def _body(code, exc, **extra):
    return {"detail": str(exc), "code": code, **extra}


def _duplicate(request, exc):
    article = exc.existing
    detail = (
        f"This text is already here: “{article.title}” (article {article.pk}). "
        "Send allow_duplicate to add it again."
    )
    return 409, _body("duplicate", detail, existing=_article_ref(article)), {}


def _validation(request, exc):
    where = "; ".join(
        f"{'.'.join(str(p) for p in error.get('loc', ()))}: {error.get('msg', '')}"
        for error in exc.errors
    )
    return 422, _body("invalid", f"The request is not valid: {where}."), {}


NOT_AUTHENTICATED = (
    "Send an API token: Authorization: Bearer <token>. Make one under “API tokens” in the desk."
)
HTTP_CODES = {401: "not_authenticated", 403: "not_allowed", 404: "not_found"}

# exception class -> handler(request, exc) -> (status, body, headers). Ninja picks the handler of
# the nearest class in the exception's MRO, so the subclasses of WorkflowError come first here.
HANDLERS = {
    Refused: lambda request, exc: (exc.status, _body(exc.code, exc), {}),
    NotAllowed: lambda request, exc: (403, _body("not_allowed", exc), {}),
    StaleClaimError: lambda request, exc: (409, _stale(request, exc), {}),
    RequestConflict: lambda request, exc: (
        409, _body("conflict", exc, existing=_article_ref(exc.existing)), {}
    ),
    WorkflowError: lambda request, exc: (422, _body("refused", exc), {}),
    DuplicateArticleError: _duplicate,
    FormInvalid: lambda request, exc: (422, _body("invalid", exc, errors=exc.errors), {}),
    ValidationError: _validation,
    AuthenticationError: lambda request, exc: (
        401, _body("not_authenticated", NOT_AUTHENTICATED), {"WWW-Authenticate": "Bearer"}
    ),
    HttpError: lambda request, exc: (
        exc.status_code, _body(HTTP_CODES.get(exc.status_code, "refused"), exc), {}
    ),
    RateLimited: lambda request, exc: (
        429, _body("rate_limited", exc), {"Retry-After": str(exc.retry_after)}
    ),
    Http404: lambda request, exc: (404, _body("not_found", "Nothing is at this address."), {}),
}  # fmt: skip


def install(api):
    """Register the handlers on the NinjaAPI."""
    for exc_class, handler in HANDLERS.items():
        api.add_exception_handler(exc_class, _responder(api, handler))


def _responder(api, handler):
    def respond(request, exc):
        status, body, headers = handler(request, exc)
        response = api.create_response(request, body, status=status)
        for name, value in headers.items():
            response[name] = value
        return response

    return respond
