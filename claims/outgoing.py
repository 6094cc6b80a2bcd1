"""Outgoing HTTP requests to addresses other people chose (webhook endpoints), made safe.

A webhook URL is typed by a person and fetched by a worker inside the newsroom's network: without
a check it could reach the database, the broker, a cloud metadata service or an admin page on
localhost (server-side request forgery). So the host is resolved once, every address it resolves
to must be public (or in WEBHOOK_ALLOWED_NETWORKS), and the connection goes to that checked
address: a DNS answer that changes between the check and the connection (DNS rebinding) cannot
send it elsewhere. Redirects are not followed (a 3xx is a failed delivery), and only a little of
the response is read.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

RESPONSE_READ_BYTES = 4096
DEFAULT_PORTS = {"http": 80, "https": 443}


class RefusedAddress(Exception):
    """The URL may not be fetched; str(exc) says why, for the editor."""


@dataclass(frozen=True)
class Response:
    status: int | None  # None: no HTTP answer at all
    error: str  # empty when an HTTP answer came
    duration_ms: int

    @property
    def ok(self):
        return self.status is not None and 200 <= self.status < 300


def _allowed_networks():
    return [ipaddress.ip_network(net, strict=False) for net in settings.WEBHOOK_ALLOWED_NETWORKS]


def address_refusal(address):
    """Why a resolved address may not be contacted, or "" when it may."""
    ip = ipaddress.ip_address(address)
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    if any(ip in network for network in _allowed_networks()):
        return ""
    if ip.is_loopback:
        return "a loopback address (this machine)"
    if ip.is_private or ip.is_link_local or ip.is_unspecified:
        return "a private address (the desk's own network)"
    if ip.is_multicast or ip.is_reserved or not ip.is_global:
        return "a reserved address"
    return ""


def check_url(url):
    """(scheme, host, port, [addresses]) for a URL that may be fetched; RefusedAddress if not."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise RefusedAddress("The URL must start with http:// or https:// and name a host.")
    if parts.username or parts.password:
        raise RefusedAddress("The URL must not carry a user name or password.")
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError:
        raise RefusedAddress("The URL's port is not a number between 1 and 65535.") from None
    host = parts.hostname
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise RefusedAddress(f"The host “{host}” could not be found.") from None
    addresses = list(dict.fromkeys(info[4][0] for info in found))
    for address in addresses:
        reason = address_refusal(address)
        if reason:
            raise RefusedAddress(
                f"The host “{host}” is {reason}: webhooks are only sent to public addresses."
            )
    return scheme, host, port, addresses


def _connection(scheme, host, port, address, timeout):
    """An HTTP(S) connection to `host` that connects to the checked `address` only (TLS still
    verifies the certificate against `host`)."""
    if scheme == "https":
        connection = http.client.HTTPSConnection(
            host, port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(host, port, timeout=timeout)

    def connect_to_checked_address(_address, *args, **kwargs):
        return socket.create_connection((address, port), *args, **kwargs)

    connection._create_connection = connect_to_checked_address
    return connection


def post(url, body, headers, *, timeout):
    """POST `body` (bytes) to `url`; a Response whatever happened (RefusedAddress excepted)."""
    scheme, host, port, addresses = check_url(url)
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    started = time.monotonic()

    def elapsed():
        return round((time.monotonic() - started) * 1000)

    connection = _connection(scheme, host, port, addresses[0], timeout)
    try:
        connection.request("POST", target, body=body, headers=headers)
        answer = connection.getresponse()
        answer.read(RESPONSE_READ_BYTES)
        return Response(answer.status, "", elapsed())
    except TimeoutError:
        return Response(None, f"No answer within {timeout:g} seconds.", elapsed())
    except ssl.SSLError as exc:
        return Response(None, f"TLS failed: {exc.reason or exc}"[:300], elapsed())
    except (OSError, http.client.HTTPException) as exc:
        return Response(None, f"{type(exc).__name__}: {exc}"[:300], elapsed())
    finally:
        connection.close()
