"""Every page needs a signed-in user (Django's LoginRequiredMiddleware), and an htmx request
whose session has ended is told so rather than sent to the login page.

A redirect to /login/ is followed by htmx, which then swaps the login page into the claim page
in place of the form that was sent: the comment, reason or summary being typed is gone. A 401
is not swapped; static/js/failures.js says the person is logged out, with a link to log in in
another tab, and the form keeps what was typed, to send again.

A plain form (a bulk change, an archive import, a saved view) sent once the session ended goes
to the login page, told that nothing was saved, and from there back to the page the form was
on: Django would send it on to the form's own address, which answers a GET with an empty 405.
"""

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

LOGGED_OUT = "You are logged out (the session ended): nothing was saved."
FORM_LOST = (
    "You were logged out (the session ended), so what you sent was not saved: "
    "log in, then do it again."
)
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class DeskLoginRequiredMiddleware(LoginRequiredMiddleware):
    def handle_no_permission(self, request, view_func):
        if request.headers.get("HX-Request") == "true":
            return HttpResponse(LOGGED_OUT, status=401, content_type="text/plain; charset=utf-8")
        if request.method in SAFE_METHODS:
            return super().handle_no_permission(request, view_func)
        messages.warning(request, FORM_LOST)
        login_url = resolve_url(self.get_login_url(view_func))
        back = _page_of_the_form(request)
        if back is None:
            return redirect_to_login("", login_url, redirect_field_name=None)
        return redirect_to_login(back, login_url, self.get_redirect_field_name(view_func))


def _page_of_the_form(request):
    """Where the form that was posted came from: its `next` field (the queue's forms carry one),
    else the page that sent it (the upload page posts to its own address); None when neither
    is a page of this site."""
    candidates = []
    # Only a urlencoded body is read here: a file upload is read by its view, within its limits.
    if request.content_type == "application/x-www-form-urlencoded":
        candidates.append(request.POST.get("next", ""))
    candidates.append(request.headers.get("Referer", ""))
    for url in candidates:
        if not url or not url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            continue
        path = _local(url)
        if path:
            return path
    return None


def _local(url):
    """The path and query of a URL already checked to be of this site ("/claims/?tab=all")."""
    parts = urlsplit(url)
    if not parts.path.startswith("/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")
