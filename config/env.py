"""Typed access to the environment.

Every setting that comes from the environment goes through ``Env`` so that a
wrong value stops start-up with a message naming the variable, instead of
being silently coerced (``DEBUG=maybe`` must not quietly mean False).
"""

import os
from datetime import timedelta
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_UNSET = object()


class Env:
    def __init__(self, environ_mapping=None):
        self._environ = os.environ if environ_mapping is None else environ_mapping

    def _raw(self, name, default):
        value = self._environ.get(name)
        if value is None or value == "":
            if default is _UNSET:
                raise ImproperlyConfigured(f"{name}: this environment variable is required.")
            return None
        return value.strip()

    def _fail(self, name, expected, value):
        raise ImproperlyConfigured(f"{name}: expected {expected}, got {value!r}.")

    def is_set(self, name):
        return bool(self._environ.get(name, "").strip())

    def str(self, name, default=_UNSET):
        value = self._raw(name, default)
        return default if value is None else value

    def bool(self, name, default=_UNSET):
        value = self._raw(name, default)
        if value is None:
            return default
        if value.lower() in _TRUE:
            return True
        if value.lower() in _FALSE:
            return False
        self._fail(name, "a boolean (true/false, 1/0, yes/no, on/off)", value)

    def int(self, name, default=_UNSET, *, minimum=None):
        value = self._raw(name, default)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError:
            self._fail(name, "a whole number", value)
        if minimum is not None and number < minimum:
            self._fail(name, f"a whole number of at least {minimum}", value)
        return number

    def list(self, name, default=_UNSET):
        value = self._raw(name, default)
        if value is None:
            return list(default)
        return [item.strip() for item in value.split(",") if item.strip()]

    def seconds(self, name, default=_UNSET):
        return timedelta(seconds=self.int(name, default, minimum=0))

    def url(self, name, default=_UNSET, *, schemes):
        value = self._raw(name, default)
        if value is None:
            return default
        parts = urlsplit(value)
        if parts.scheme not in schemes:
            self._fail(name, f"a URL starting with one of {', '.join(sorted(schemes))}://", value)
        return value

    def tile_url(self, name, default=_UNSET):
        """A map tile server's URL template: https, with {z}, {x} and {y}."""
        value = self.url(name, default, schemes={"https"})
        if value and not all(part in value for part in ("{z}", "{x}", "{y}")):
            self._fail(name, "a tile URL template with {z}, {x} and {y}", value)
        return value

    def database(self, name, default):
        url = self.url(name, default, schemes={"sqlite", "postgres", "postgresql", "pgsql"})
        try:
            config = environ.Env.db_url_config(url)
        except Exception as error:  # django-environ raises several types here
            self._fail(name, f"a database URL ({error})", url)
        if config["ENGINE"].endswith("postgresql") and not config.get("NAME"):
            self._fail(name, "a PostgreSQL URL with a database name", url)
        return config

    def email(self, name, default):
        url = self.url(
            name,
            default,
            schemes={"smtp", "smtps", "consolemail", "filemail", "memorymail", "dummymail"},
        )
        return environ.Env.email_url_config(url)


env = Env()
