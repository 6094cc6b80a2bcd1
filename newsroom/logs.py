"""Log filters: what the console shows is what someone running the desk should read."""

import logging


class ClientErrorsInOneLine(logging.Filter):
    """A 4xx response is the request's doing (a page that does not exist, an action the role
    may not take), not an error of the desk: its record keeps its line but loses the traceback
    Django attaches to a PermissionDenied. A 5xx keeps its traceback."""

    def filter(self, record):
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True
