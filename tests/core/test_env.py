import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import Env


def test_a_boolean_that_is_not_one_is_refused_with_the_variable_named():
    with pytest.raises(ImproperlyConfigured, match="DEBUG: expected a boolean"):
        Env({"DEBUG": "maybe"}).bool("DEBUG", False)


def test_a_number_that_is_not_one_is_refused():
    with pytest.raises(ImproperlyConfigured, match="CONN_MAX_AGE: expected a whole number"):
        Env({"CONN_MAX_AGE": "ten"}).int("CONN_MAX_AGE", 0)


def test_a_database_url_of_an_unknown_kind_is_refused():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        Env({"DATABASE_URL": "mysql://root@localhost/x"}).database("DATABASE_URL", "sqlite:///x")


def test_unset_values_take_their_default_and_lists_split_on_commas():
    env = Env({"ALLOWED_HOSTS": "a.fr, b.fr"})
    assert env.bool("DEBUG", True) is True
    assert env.list("ALLOWED_HOSTS") == ["a.fr", "b.fr"]


def _start(extra_env):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY"}
    }
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("extra_env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG: expected a boolean"),
        (
            {"DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal"},
            "SECRET_KEY: this environment variable is required",
        ),
        ({"SECRET_KEY": "short"}, "SECRET_KEY: must be at least 50 characters"),
        ({"REDIS_URL": "localhost:6379"}, "REDIS_URL: expected a URL"),
        ({"AXES_FAILURE_LIMIT": "0"}, "AXES_FAILURE_LIMIT: expected a whole number of at least 1"),
        ({"MAP_TILE_URL": "https://tiles.example.org/{z}/{x}/{y}.png"}, "MAP_TILE_ATTRIBUTION"),
        ({"MAP_TILE_URL": "https://tiles.example.org/map.png"}, "MAP_TILE_URL: expected a tile"),
    ],
)
def test_bad_environment_values_stop_start_up_with_a_clear_message(extra_env, message):
    result = _start(extra_env)
    assert result.returncode != 0
    assert message in result.stderr


def test_the_embedded_default_starts_without_any_environment():
    result = _start({})
    assert result.returncode == 0, result.stderr


def test_the_embedded_default_shows_the_portals_own_french_error_pages(tmp_path):
    """No debug page in English for a newcomer: the embedded default runs without DEBUG."""
    import json

    script = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps({'debug': settings.DEBUG, 'local': settings.LOCAL,"
        " 'two_factor': settings.REQUIRE_TWO_FACTOR, 'finders': settings.WHITENOISE_USE_FINDERS}))"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG"}}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert json.loads(result.stdout) == {
        "debug": False,
        "local": True,
        "two_factor": False,
        "finders": True,
    }
