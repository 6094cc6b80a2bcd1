"""Every page needs a signed-in user (Django's LoginRequiredMiddleware), and an htmx request
whose session has ended is told so rather than sent to the login page.

A redirect to /login/ is followed by htmx, which then swaps the login page into the claim page
in place of the form that was sent: the comment, reason or summary being typed is gone. A 401
is not swapped; static/js/failures.js says the person is logged out, with a link to log in in
another tab, and the form keeps what was typed, to send again.

A plain form sent without a session goes to the login page, and from there back to the page the
form was on (not to the address it was sent to, which takes only POST): static/js/drafts.js puts
the typed text back into the form there.
"""

from urllib.parse import urlsplit

from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.utils.http import url_has_allowed_host_and_scheme

LOGGED_OUT = "You are logged out (the session ended): nothing was saved."


class DeskLoginRequiredMiddleware(LoginRequiredMiddleware):
    def handle_no_permission(self, request, view_func):
        if request.headers.get("HX-Request") == "true":
            return HttpResponse(LOGGED_OUT, status=401, content_type="text/plain; charset=utf-8")
        back = request.headers.get("Referer", "")
        if request.method == "POST" and url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            page = urlsplit(back)
            return redirect_to_login(
                page.path + (f"?{page.query}" if page.query else ""),
                self.get_login_url(view_func),
                self.get_redirect_field_name(view_func),
            )
        return super().handle_no_permission(request, view_func)
