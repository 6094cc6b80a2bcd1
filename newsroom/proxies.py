"""The client's address when the desk runs behind reverse proxies (TRUSTED_PROXY_COUNT)."""

import ipaddress

from django.conf import settings


def client_ip_address(request):
    """The address login throttling (django-axes) counts attempts by.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
    with N proxies the client is the N-th entry from the right. Entries further left come from
    the client itself and could be forged: they are never used. A request that did not pass
    through every proxy (too few entries, or one that is not an address) keeps REMOTE_ADDR.
    """
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < count:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-count]))
    except ValueError:
        return remote
