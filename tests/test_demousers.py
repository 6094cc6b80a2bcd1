"""`manage.py demousers`: one user per role, printed with where to log in."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run_demousers():
    out = io.StringIO()
    call_command("demousers", stdout=out)
    return out.getvalue()


def test_it_names_the_port_the_desk_runs_on(monkeypatch):
    """Issue 16, bug 8: it said 8000 whatever WEB_PORT was."""
    monkeypatch.setenv("WEB_PORT", "8123")

    assert "log in at http://127.0.0.1:8123/" in run_demousers()


def test_it_names_port_8000_by_default(monkeypatch):
    monkeypatch.delenv("WEB_PORT", raising=False)

    assert "log in at http://127.0.0.1:8000/" in run_demousers()


def test_a_second_run_keeps_the_passwords(monkeypatch):
    run_demousers()

    output = run_demousers()

    assert "checker" in output and "(unchanged)" in output
    assert "newsroom-demo" not in output
