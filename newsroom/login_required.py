"""Every page needs a signed-in user (Django's LoginRequiredMiddleware), and an htmx request
whose session has ended is told so rather than sent to the login page.

A redirect to /login/ is followed by htmx, which then swaps the login page into the claim page
in place of the form that was sent: the comment, reason or summary being typed is gone. A 401
is not swapped; static/js/failures.js says the person is logged out, with a link to log in in
another tab, and the form keeps what was typed, to send again.
"""

from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpResponse

LOGGED_OUT = "You are logged out (the session ended): nothing was saved."


class DeskLoginRequiredMiddleware(LoginRequiredMiddleware):
    def handle_no_permission(self, request, view_func):
        if request.headers.get("HX-Request") == "true":
            return HttpResponse(LOGGED_OUT, status=401, content_type="text/plain; charset=utf-8")
        return super().handle_no_permission(request, view_func)
