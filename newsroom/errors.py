"""Error pages that speak the caller's language: JSON under /api/, the desk's pages elsewhere.

The API's own refusals come from claims/api/errors.py; these are the ones Django makes before a
view runs (no such address, a body over the limit), which would otherwise be HTML pages.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.defaults import page_not_found

API_PREFIX = "/api/"


def is_api(request):
    return request.path.startswith(API_PREFIX)


def refusal(request, status, code, message, template):
    """`message` as the API's JSON refusal, or on the desk's page `template`."""
    if is_api(request):
        return JsonResponse({"detail": message, "code": code}, status=status)
    return render(request, template, {"message": message}, status=status)


def not_found(request, exception):
    if is_api(request):
        return JsonResponse(
            {"detail": f"There is no {request.path} in the API.", "code": "not_found"},
            status=404,
        )
    return page_not_found(request, exception)
