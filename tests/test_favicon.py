"""The desk's icon: every page names it, and /favicon.ico (asked for by browsers on pages that
name none, such as the admin's) leads to it instead of a 404 (issue 16, bug 10)."""

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_the_icon_without_logging_in(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"] == static("favicon.ico")


def test_the_icon_files_are_an_icon_and_an_svg():
    with open(finders.find("favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # the ICO header
    with open(finders.find("favicon.svg"), encoding="utf-8") as svg:
        assert svg.read().startswith("<svg")


@pytest.mark.parametrize("url", ["/login/", "/"])
def test_pages_name_the_icon(login, url):
    content = login("bob").get(url).content.decode()

    assert f'<link rel="icon" href="{static("favicon.svg")}"' in content
