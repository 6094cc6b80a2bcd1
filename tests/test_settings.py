"""Settings read from the environment refuse what they cannot read, instead of guessing."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom.settings import envbool


@pytest.mark.parametrize("value", ["1", "true", "True", "YES", "on", " yes "])
def test_yes_values(monkeypatch, value):
    monkeypatch.setenv("SOME_FLAG", value)

    assert envbool("SOME_FLAG", False) is True


@pytest.mark.parametrize("value", ["0", "false", "FALSE", "no", "off"])
def test_no_values(monkeypatch, value):
    monkeypatch.setenv("SOME_FLAG", value)

    assert envbool("SOME_FLAG", True) is False


@pytest.mark.parametrize("value", [None, "", "  "])
def test_unset_or_empty_takes_the_default(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("SOME_FLAG", raising=False)
    else:
        monkeypatch.setenv("SOME_FLAG", value)

    assert envbool("SOME_FLAG", True) is True


@pytest.mark.parametrize("value", ["ture", "flase", "2", "enabled", "y e s"])
def test_anything_else_is_an_error_that_names_the_variable(monkeypatch, value):
    monkeypatch.setenv("SECURE_SSL_REDIRECT", value)

    with pytest.raises(ImproperlyConfigured) as refused:
        envbool("SECURE_SSL_REDIRECT", False)

    assert str(refused.value) == (
        f"SECURE_SSL_REDIRECT={value.strip()!r} is neither yes nor no: "
        "use 1, true, yes or on, or 0, false, no or off."
    )


def test_the_desk_does_not_start_with_a_misspelt_flag():
    env = {**os.environ, "SECURE_SSL_REDIRECT": "ture"}

    result = subprocess.run(
        [sys.executable, "manage.py", "check"], env=env, capture_output=True, text=True, timeout=60
    )

    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT='ture' is neither yes nor no" in result.stderr


def _installed_apps(**env):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c",
         "from django.conf import settings; print(','.join(settings.INSTALLED_APPS))"],
        env={**os.environ, "SECRET_KEY": "x" * 50, **env}, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().split(",")


def test_production_ships_without_the_developer_tools():
    assert "devtools" not in _installed_apps(DEBUG="0", DEVTOOLS="")


def test_the_bench_installs_the_developer_tools_with_production_settings():
    assert "devtools" in _installed_apps(DEBUG="0", DEVTOOLS="1")


@pytest.mark.django_db
def test_postgresql_connections_compile_no_queries():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
