"""Nobody let in: login everywhere but the public page, CSRF, no state change on GET, inert
payloads, private uploads, login throttling and production settings.

The URL tests enumerate the resolver, so views added later are covered without editing this file.
"""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from claims import ingest, services
from claims.extraction import extract
from claims.models import ArchiveImport, Article, Claim, ClaimEvent, ClaimEvidence, Evidence, Source
from tests.conftest import text_of

pytestmark = pytest.mark.django_db

# Views that may be seen without logging in: the login pages, the icon, the public claim page.
PUBLIC_NAMES = {"login", "admin:login", "favicon"}
PUBLIC_PAGE = re.compile(r"public|review", re.IGNORECASE)
# The JSON API's views skip the login redirect: each request authenticates itself (a token, or
# the session with its CSRF token) and is answered 401, never a login page (tested below). Its
# description and docs are open to read.
API = "api-1:"
API_OPEN = {"api-1:openapi-json", "api-1:openapi-view", "api-1:api-root"}


def url_patterns(patterns=None, prefix="", namespace=None):
    """(route, name, view) for every URL of the site."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from url_patterns(
                pattern.url_patterns, prefix + str(pattern.pattern), pattern.namespace or namespace
            )
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else str(pattern.name)
            yield prefix + str(pattern.pattern), name, pattern.callback


def is_public(view):
    return getattr(view, "login_required", True) is False


def fill(route, ids=None):
    """A concrete path for a route: path converters and admin regexes get ids or placeholders."""
    ids = ids or {}

    def converter(match):
        kind, name = match.group(1) or "str", match.group(2)
        if kind == "int":
            return str(ids.get((route.split("/")[0], name), ids.get(name, 1)))
        return "x"

    path = re.sub(r"<(?:(\w+):)?(\w+)>", converter, route)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "1", path)  # admin's regex groups
    return "/" + path.lstrip("^").rstrip("$").replace("\\", "")


ROUTES = sorted({(route, name) for route, name, view in url_patterns() if not is_public(view)})


def test_the_site_has_routes_to_check():
    assert len(ROUTES) > 20


def test_only_the_login_pages_and_the_public_claim_page_are_public():
    public = {name for _, name, view in url_patterns() if is_public(view)}
    unexpected = {
        name
        for name in public - PUBLIC_NAMES
        if not (PUBLIC_PAGE.search(name) or name.startswith(API))
    }
    assert not unexpected, f"views marked login_not_required: {unexpected}"


def test_every_api_operation_refuses_anonymous_callers(client):
    operations = [(r, n) for r, n, _ in url_patterns() if n.startswith(API) and n not in API_OPEN]
    assert len(operations) > 10
    for route, name in operations:
        for method in ("get", "post", "delete"):
            status = getattr(client, method)(fill(route)).status_code
            assert status in (401, 405), (name, method, status)


@pytest.mark.parametrize("method", ["get", "post"])
def test_every_other_view_sends_anonymous_users_to_login(client, method):
    leaks = []
    for route, name in ROUTES:
        path = fill(route)
        response = getattr(client, method)(path)
        logins = ("/login/", "/admin/login/") if name.startswith("admin:") else ("/login/",)
        if response.status_code != 302 or not response["Location"].startswith(logins):
            leaks.append((name, path, response.status_code))
    assert not leaks


def test_a_form_sent_after_the_session_ended_leads_back_to_its_page_after_login(client, alice):
    """A plain form posted once the session ended (a bulk change, an archive import) goes to the
    login page; after it, the person is back on the page the form was on, told that nothing was
    saved, not on the form's address, which answers a GET with an empty 405 page."""
    response = client.post(
        "/claims/bulk/", {"action": "dismiss"}, HTTP_REFERER="http://testserver/claims/?tab=all"
    )
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/claims/%3Ftab%3Dall"
    assert "You were logged out" in text_of(client.get(response["Location"]))

    logged_in = client.post(response["Location"], {"username": "alice", "password": "pw-alice"})
    assert logged_in["Location"] == "/claims/?tab=all"


def test_a_form_sent_to_its_own_page_after_the_session_ended_leads_back_to_it(client):
    """The upload form is sent to the page it is on, and says so (`?next=`): after logging in
    the person is back on it, where static/js/drafts.js puts the text back."""
    upload = SimpleUploadedFile("notes.txt", b"The mayor said rents fell.")
    response = client.post("/articles/new/?next=/articles/new/", {"files": upload})

    assert response["Location"] == "/login/?next=/articles/new/"
    assert not Article.objects.exists()


def test_a_page_shown_in_answer_to_a_post_is_not_where_login_leads(client, article):
    """A refused details form is shown at its POST-only address: sent again from there once
    the session ended, login leads home rather than to that address (a 405 page)."""
    path = reverse("article_details", args=[article.pk])
    response = client.post(path, {"headline": ""}, HTTP_REFERER=f"http://testserver{path}")

    assert response["Location"] == "/login/"


@pytest.mark.parametrize("referer", ["", "https://elsewhere.example/claims/"])
def test_a_form_posted_without_its_page_after_the_session_ended_leads_home(client, referer):
    response = client.post("/archive/import/", HTTP_REFERER=referer)

    assert response.status_code == 302
    assert response["Location"] == "/login/"


def test_public_claim_page_shows_only_published_claims(client, claim, claim_in_review, alice, dave):
    public = [(route, name) for route, name, view in url_patterns()
              if is_public(view) and PUBLIC_PAGE.search(name)]  # fmt: skip
    if not public:
        pytest.skip("no public ClaimReview page yet")
    for route, _ in public:
        if route.count("<int:") != 1:
            continue
        assert client.get(fill(route, {"pk": claim.pk})).status_code in (404, 403, 302)
        services.transition(claim_in_review, "approve", actor=dave)
        services.transition(Claim.objects.get(pk=claim_in_review.pk), "publish", actor=dave)
        assert client.get(fill(route, {"pk": claim_in_review.pk})).status_code == 200


# --- Permission matrix: what each role's POSTs change -----------------------------------------


@pytest.fixture
def desk(claim_in_progress, article):
    link = ClaimEvidence.objects.filter(claim=claim_in_progress).first()
    return {
        "pk": claim_in_progress.pk,
        ("claims", "pk"): claim_in_progress.pk,
        ("articles", "pk"): article.pk,
        ("sources", "pk"): Source.objects.first().pk,
        "link_pk": link.pk,
    }


def snapshot():
    """Everything a request could change, except sessions and login records."""
    rows = []
    for model in (Article, Claim, ClaimEvent, ClaimEvidence, Evidence, Source):
        rows.append(sorted(map(repr, model.objects.values_list())))
    return rows


def app_routes():
    return [(r, n) for r, n in ROUTES if not n.startswith("admin:") and n not in ("logout",)]


@pytest.mark.parametrize("who", ["alice", "bob", "vic"])
def test_no_get_request_changes_anything(client, desk, request, who):
    client.force_login(request.getfixturevalue(who))
    before = snapshot()
    for route, name in app_routes():
        response = client.get(fill(route, desk))
        assert response.status_code < 500, name
    assert snapshot() == before


def test_viewer_posts_change_nothing(client, desk, vic):
    """A viewer may read every page and change none: every POST is refused."""
    client.force_login(vic)
    before = snapshot()
    for route, _name in app_routes():
        client.post(fill(route, desk), {"version": 1, "text": "x", "action": "dismiss",
                                        "title": "t", "summary": "s", "verdict": 1})  # fmt: skip
    assert snapshot() == before


# --- CSRF -----------------------------------------------------------------------------------------


def test_every_post_without_a_csrf_token_is_refused(desk, alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    accepted = []
    for route, name in app_routes():
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.post(fill(route, desk), {"text": "x"}, **headers)
            if response.status_code != 403:
                accepted.append((name, headers, response.status_code))
    assert not accepted


def test_htmx_post_with_the_token_header_is_accepted(desk, alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    page = client.get(reverse("claim_detail", args=[desk["pk"]]))
    token = re.search(r'"x-csrftoken": "([^"]+)"', page.content.decode()).group(1)
    response = client.post(
        reverse("claim_comment", args=[desk["pk"]]), {"text": "Checked the minutes."},
        HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=token,
    )  # fmt: skip
    assert response.status_code == 200
    assert ClaimEvent.objects.filter(text="Checked the minutes.").exists()


# --- XSS: every user-supplied text is rendered inert ----------------------------------------------

PAYLOAD = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'


def hostile_desk(alice, bob):
    """An article, claims, evidence, comment, source and file name all carrying PAYLOAD."""
    body = (
        f"“We cut waste by 30 percent {PAYLOAD},” Mayor Jane Holloway told reporters.\n\n"
        f"The council approved a budget of $4.2 million {PAYLOAD} on Monday, officials said."
    )
    article = Article.objects.create(
        headline=f"Budget {PAYLOAD}", body=body, content_hash=services.content_hash(body),
        uploaded_by=alice, outlet=PAYLOAD, author=PAYLOAD,
        original_filename=f"{PAYLOAD}.txt",
    )  # fmt: skip
    services.apply_extraction(article, extract(body))
    claim = article.claims.order_by("start").first()
    assert PAYLOAD in claim.text or "<script>" in body
    Source.objects.filter(claims__article=article).update(name=f"Holloway {PAYLOAD}")
    services.assign_claim(claim, bob, actor=alice)
    services.add_evidence(
        claim, actor=bob, title=f"Minutes {PAYLOAD}", url="https://example.org/m",
        excerpt=PAYLOAD, publisher=PAYLOAD, note=PAYLOAD,
    )  # fmt: skip
    services.add_comment(claim, actor=bob, text=PAYLOAD)
    return article, claim


def hostile_pages(article, claim):
    source = claim.source or Source.objects.first()
    return [
        reverse("dashboard"), reverse("article_list"), article.get_absolute_url(),
        reverse("article_status", args=[article.pk]), reverse("claim_queue"),
        reverse("claim_queue") + "?q=" + "%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E",
        claim.get_absolute_url(), reverse("source_list"), source.get_absolute_url(),
    ]  # fmt: skip


LIVE_TAG = re.compile(r"<script>window\.__xss|<img[^>]*\sonerror\s*=", re.IGNORECASE)


def test_payloads_are_escaped_on_every_page(client, alice, bob):
    article, claim = hostile_desk(alice, bob)
    client.force_login(alice)
    for url in hostile_pages(article, claim):
        html = client.get(url).content.decode()
        assert not LIVE_TAG.search(html), url
    for url in (article.get_absolute_url(), claim.get_absolute_url()):
        assert "&lt;script&gt;window.__xss" in client.get(url).content.decode()


def test_uploaded_file_name_with_payload_is_sanitised_and_escaped(client, alice):
    client.force_login(alice)
    upload = SimpleUploadedFile(f"{PAYLOAD}.txt", b"The mayor said the budget is balanced.")
    client.post(reverse("article_upload"), {"files": [upload]})
    article = Article.objects.get()
    assert "<" not in article.original_filename and "/" not in article.original_filename
    html = client.get(article.get_absolute_url()).content.decode()
    assert not LIVE_TAG.search(html)


# --- Uploaded files ----------------------------------------------------------------------------


@pytest.fixture
def uploaded(client, alice):
    client.force_login(alice)
    upload = SimpleUploadedFile("../../evil.html", b"<html><body><p>The mayor said so.</p>")
    client.post(reverse("article_upload"), {"files": [upload]})
    client.logout()
    return Article.objects.get()


def test_upload_is_stored_under_media_with_a_safe_name(uploaded):
    path = Path(uploaded.original_file.path).resolve()
    assert path.is_relative_to(Path(django_settings.MEDIA_ROOT).resolve() / "originals")
    assert ".." not in uploaded.original_file.name
    assert uploaded.original_filename == "evil.html"


def test_upload_has_no_public_url(client, uploaded, alice):
    for prefix in ("/media/", "/static/", "/"):
        assert client.get(prefix + uploaded.original_file.name).status_code in (302, 404)
    client.force_login(alice)
    assert client.get("/media/" + uploaded.original_file.name).status_code == 404


def test_upload_is_downloaded_only_by_signed_in_users_as_an_attachment(client, uploaded, vic):
    url = reverse("article_original", args=[uploaded.pk])
    assert client.get(url)["Location"].startswith("/login/")
    client.force_login(vic)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_size_is_checked_before_the_file_is_parsed(client, alice, settings, monkeypatch):
    settings.ARTICLE_MAX_BYTES = 100
    monkeypatch.setattr(ingest, "ingest_file", lambda *a, **k: pytest.fail("parsed"))
    client.force_login(alice)
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4 " + b"x" * 1000)
    response = client.post(reverse("article_upload"), {"files": [upload]})
    assert "too large" in response.content.decode()


def test_type_is_checked_before_parsing(client, alice, monkeypatch):
    for parser in ("from_pdf", "from_docx", "from_html"):
        monkeypatch.setattr(ingest, parser, lambda *a, **k: pytest.fail("parsed"))
    client.force_login(alice)
    upload = SimpleUploadedFile("story.exe", b"%PDF-1.4 MZ")
    response = client.post(reverse("article_upload"), {"files": [upload]})
    assert "not supported" in response.content.decode()


# --- Request size --------------------------------------------------------------------------------

MB = 1024 * 1024


def post_claiming(client, path, length):
    """A multipart POST whose Content-Length says `length` bytes while only a few are sent: the
    test client's input refuses to be read past them, so any attempt to read the body fails."""
    return client.generic(
        "POST",
        path,
        b"--b\r\n",
        content_type="multipart/form-data; boundary=b",
        CONTENT_LENGTH=str(length),
    )


def test_an_oversized_body_is_refused_before_it_is_read(client, settings):
    response = post_claiming(client, "/login/", 300 * MB)

    assert response.status_code == 413
    assert "too large" in response.content.decode()


@pytest.mark.parametrize("name", ["claim_comment", "saved_view_create", "claim_bulk"])
def test_every_other_form_has_the_general_limit(client, alice, claim, settings, name):
    settings.REQUEST_MAX_BYTES = 50 * 1024
    client.force_login(alice)
    path = reverse(name, args=[claim.pk]) if name == "claim_comment" else reverse(name)

    response = post_claiming(client, path, 51 * 1024)

    assert response.status_code == 413


def test_the_archive_import_takes_a_file_as_large_as_it_promises(client, alice, settings):
    """Importing fact-checks takes files up to 50 MB (README): a 15 MB feed reaches the view
    rather than a 413 "at most 11 MB"; past 50 MB the refusal names the import's own limit."""
    settings.REQUEST_MAX_BYTES = 11 * MB
    client.force_login(alice)
    path = reverse("archive_import")
    lines = b"".join(
        b'{"id": %d, "text": "Unemployment fell to %d percent last year", "url": '
        b'"https://fc.example/%d", "verdict": "False", "notes": "%s"}\n' % (n, n, n, b"x" * 4000)
        for n in range(4000)
    )
    assert len(lines) > 15 * MB

    imported = client.post(path, {"file": SimpleUploadedFile("feed.jsonl", lines)}, follow=True)
    refused = post_claiming(client, path, 52 * MB)

    assert imported.status_code == 200
    assert "“feed.jsonl” is being imported" in imported.content.decode()
    assert ArchiveImport.objects.get().size == len(lines)
    assert refused.status_code == 413
    assert "the limit is 50 MB" in refused.content.decode()


def test_the_upload_page_takes_a_full_upload_and_no_more(client, alice, settings):
    settings.REQUEST_MAX_BYTES = 1 * MB
    settings.ARTICLE_MAX_BYTES, settings.ARTICLE_MAX_FILES = 2 * MB, 3
    client.force_login(alice)
    files = [
        SimpleUploadedFile(f"story{n}.txt", f"Story {n} said the mayor. ".encode() * 60_000)
        for n in range(3)
    ]  # about 1.5 MB each: the three together are past the general limit

    accepted = client.post(reverse("article_upload"), {"files": files, "allow_duplicate": "on"})
    refused = post_claiming(client, reverse("article_upload"), 10 * MB)

    assert accepted.status_code == 302
    assert Article.objects.count() == 3
    assert refused.status_code == 413
    assert "at most 3 files of 2 MB each" in refused.content.decode()


def test_the_server_answers_413_without_waiting_for_the_body(live_server):
    import socket
    from urllib.parse import urlsplit

    address = urlsplit(live_server.url)
    with socket.create_connection((address.hostname, address.port), timeout=5) as connection:
        connection.sendall(
            b"POST /login/ HTTP/1.1\r\nHost: localhost\r\n"
            # A CSRF cookie, so that the CSRF check has to read the form for the token.
            b"Cookie: csrftoken=abcdefghijklmnopqrstuvwxyz012345\r\n"
            b"Content-Type: multipart/form-data; boundary=b\r\n"
            + f"Content-Length: {300 * MB}\r\n\r\n".encode()
            + b"--b\r\n" * 100
        )
        reply = connection.recv(200)  # a timeout here: the server is reading the 300 MB

    assert reply.startswith(b"HTTP/1.1 413")


# --- Content-Security-Policy (tests/browser/test_csp.py checks that pages keep to it) -----------


@pytest.mark.parametrize("path", ["/login/", "/", "/claims/", "/admin/"])
def test_every_response_carries_the_content_security_policy(client, alice, path):
    client.force_login(alice)

    policy = client.get(path)["Content-Security-Policy"]

    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert (
        directives["script-src"].startswith("'self'") and "unsafe" not in directives["script-src"]
    )
    assert directives["style-src"] == "'self'" and directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'" and directives["base-uri"] == "'none'"


# --- Login throttling ----------------------------------------------------------------------------


def test_login_is_locked_after_repeated_wrong_passwords(client, alice, bob, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("login"), {"username": "alice", "password": "wrong"})
        assert response.status_code in (200, 429)
    response = client.post(reverse("login"), {"username": "alice", "password": "pw-alice"})
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    # How long, not "for a while": the person knows when to try again.
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert f"locked for {minutes} min after {settings.AXES_FAILURE_LIMIT} wrong" in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session
    # Another person at the same address is not locked out.
    response = Client().post(reverse("login"), {"username": "bob", "password": "pw-bob"})
    assert response.status_code == 302


def test_a_right_password_before_the_limit_resets_the_count(client, alice, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(reverse("login"), {"username": "alice", "password": "wrong"})
    assert (
        client.post(reverse("login"), {"username": "alice", "password": "pw-alice"}).status_code
        == 302
    )


def login_through_proxy(forwarded_for, password, username="alice"):
    """A login POST as the desk's reverse proxy (127.0.0.1) forwards it."""
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for).post(
        reverse("login"), {"username": username, "password": password}
    )


def fail_logins_through_proxy(forwarded_for, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        assert login_through_proxy(forwarded_for, "wrong").status_code in (200, 429)


def test_behind_a_proxy_a_lockout_is_per_client_address(alice, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    fail_logins_through_proxy("203.0.113.7", settings)

    assert login_through_proxy("203.0.113.7", "pw-alice").status_code == 429
    # The same person's colleague at another address, through the same proxy, is let in.
    assert login_through_proxy("198.51.100.2", "pw-alice").status_code == 302


def test_behind_a_proxy_a_forged_forwarded_for_does_not_escape_the_lockout(alice, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client sends its own X-Forwarded-For; the proxy appends the address it really saw.
    for n in range(settings.AXES_FAILURE_LIMIT):
        login_through_proxy(f"10.0.0.{n}, 203.0.113.7", "wrong")

    assert login_through_proxy("10.9.9.9, 203.0.113.7", "pw-alice").status_code == 429


def test_without_trusted_proxies_forwarded_for_is_ignored(alice, settings):
    assert settings.TRUSTED_PROXY_COUNT == 0
    fail_logins_through_proxy("203.0.113.7", settings)

    assert login_through_proxy("198.51.100.2", "pw-alice").status_code == 429


@pytest.mark.parametrize(
    ("forwarded_for", "address"),
    [
        ("198.51.100.9, 10.0.0.2", "198.51.100.9"),  # client, first proxy; the second is REMOTE
        ("6.6.6.6, 198.51.100.9, 10.0.0.2", "198.51.100.9"),  # the client forged the first
        ("10.0.0.2", "10.0.0.3"),  # fewer entries than proxies: not through both
        ("unknown, 10.0.0.2", "10.0.0.3"),  # not an address
    ],
)
def test_the_trusted_proxy_count_comes_from_the_environment(forwarded_for, address):
    result = production(
        SETUP + "from django.test import RequestFactory\n"
        "from axes.helpers import get_client_ip_address\n"
        f"request = RequestFactory().get('/', HTTP_X_FORWARDED_FOR={forwarded_for!r},"
        " REMOTE_ADDR='10.0.0.3')\n"
        "print('client', get_client_ip_address(request))\n",
        TRUSTED_PROXY_COUNT="2",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"client {address}\n" in result.stdout


# --- Production settings ------------------------------------------------------------------------


def production(code, **env):
    environment = {
        **os.environ, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "desk.example.org",
        "VAR_DIR": str(Path(django_settings.VAR_DIR) / "prod-check"), **env,
    }  # fmt: skip
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for Playwright by the browser tests
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True,
        cwd=django_settings.BASE_DIR, timeout=60,
    )  # fmt: skip


SETUP = (
    "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='newsroom.settings'; django.setup()\n"
)


def test_check_deploy_is_clean_with_production_settings():
    result = production(
        SETUP + "from django.core.management import call_command\n"
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_production_refuses_to_start_without_a_secret_key():
    result = production(SETUP, SECRET_KEY="")
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_production_responses_carry_security_headers_and_secure_cookies():
    result = production(
        SETUP + "from django.test import Client\n"
        "from django.conf import settings as s\n"
        "r = Client(HTTP_HOST='desk.example.org').get('/', secure=True)\n"
        "print(r.status_code, r['Location'])\n"
        "for h in ('Strict-Transport-Security','X-Content-Type-Options','X-Frame-Options',"
        "'Referrer-Policy','Cross-Origin-Opener-Policy'): print(h, '=', r.get(h))\n"
        "print('cookies', s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY)\n"
        "r = Client(HTTP_HOST='desk.example.org').get('/login/')\n"
        "print('plain http', r.status_code, r['Location'])\n"
    )
    out = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert "302 /login/?next=/" in out
    assert "Strict-Transport-Security = max-age=31536000; includeSubDomains; preload" in out
    assert "X-Content-Type-Options = nosniff" in out
    assert "X-Frame-Options = DENY" in out
    assert "Referrer-Policy = same-origin" in out
    assert "cookies True True True" in out
    assert "plain http 301 https://desk.example.org/login/" in out


def test_an_htmx_request_after_the_session_ended_is_told_so_not_sent_to_the_login_page(
    client, claim
):
    """htmx follows a redirect and swaps the login page in place of the form that was sent (the
    comment typed was lost); a 401 is not swapped, and static/js/failures.js says why."""
    path = reverse("claim_comment", args=[claim.pk])

    by_htmx = client.post(path, {"text": "Typed before the session ended."}, HTTP_HX_REQUEST="true")
    by_form = client.post(path, {"text": "Typed before the session ended."})

    assert by_htmx.status_code == 401
    assert "logged out" in by_htmx.content.decode()
    assert by_form.status_code == 302 and by_form["Location"].startswith("/login/")
    assert not claim.events.filter(text="Typed before the session ended.").exists()


def test_with_debug_on_an_htmx_error_does_not_replace_the_page(login, settings):
    """django-htmx's DEBUG helper swaps a 400/403/404/500 reply in place of the whole page (and
    the text typed into it): `make run` runs with DEBUG on, so it is left out."""
    settings.DEBUG = True

    content = login("alice").get(reverse("claim_queue")).content.decode()

    assert "django_htmx/htmx-2.min.js" in content
    assert "django-htmx.js" not in content
