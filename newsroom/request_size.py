"""Request bodies over a limit are refused (413) before anything reads them.

Django reads a form's body when a view or the CSRF check first asks for request.POST, and parses
every byte of it (files are spooled to disk): an anonymous 300 MB POST to /login/ would be read
in full. Refusing by Content-Length costs nothing; a body without one (chunked) is not read by
Django at all. The proxy in front should refuse the same sizes earlier (README: nginx's
client_max_body_size), so the bytes never reach the application server.

Every request may carry REQUEST_MAX_BYTES; views marked @takes_uploads (the upload page) may
carry a full upload: ARTICLE_MAX_FILES files and the pasted text, each up to ARTICLE_MAX_BYTES;
views marked @takes_file(n) (the archive's import) one file of up to n bytes.
"""

from django.conf import settings

from newsroom.errors import refusal

# Room for the form's other fields and the multipart framing around each file.
FORM_MARGIN_BYTES = 1024 * 1024


def takes_uploads(view):
    """Let `view` receive a full upload's body rather than the general limit."""
    view.takes_uploads = True
    return view


def takes_file(max_bytes):
    """Let `view` receive one file of up to `max_bytes` (more than the general limit)."""

    def mark(view):
        view.takes_file_bytes = max_bytes
        return view

    return mark


def upload_max_bytes():
    """The largest body of a valid upload: the files and the pasted text, plus the form."""
    return (settings.ARTICLE_MAX_FILES + 1) * settings.ARTICLE_MAX_BYTES + FORM_MARGIN_BYTES


def _megabytes(n):
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


class RequestSizeMiddleware:
    """Answers 413 to a request whose declared body is over its view's limit.

    It acts in process_view (it needs the view) and must come before CsrfViewMiddleware, whose
    process_view reads the form to find the token.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads nothing from a body whose length it cannot read either
        uploads = getattr(view, "takes_uploads", False)
        file_bytes = getattr(view, "takes_file_bytes", None)
        if uploads:
            limit = upload_max_bytes()
        elif file_bytes:
            limit = max(settings.REQUEST_MAX_BYTES, file_bytes + FORM_MARGIN_BYTES)
        else:
            limit = settings.REQUEST_MAX_BYTES
        if length <= limit:
            return None
        if file_bytes and not uploads:
            message = f"The file is too large: the limit is {_megabytes(file_bytes)}."
        elif uploads:
            message = (
                f"The upload is too large: send at most {settings.ARTICLE_MAX_FILES} files of "
                f"{_megabytes(settings.ARTICLE_MAX_BYTES)} each at a time."
            )
        else:
            message = f"The request is too large: the desk takes at most {_megabytes(limit)}."
        return refusal(request, 413, "too_large", message, "413.html")
