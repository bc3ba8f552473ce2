"""Telling a database that is momentarily unreachable (restarting, failing over, locked) from
a fault in the portal: the first is answered 503 with Retry-After, the second 500."""

from __future__ import annotations

from django.db import InterfaceError, OperationalError, connections

# What PostgreSQL, psycopg and SQLite say when the database itself is the trouble.
_UNAVAILABLE_WORDS = (
    "terminating connection",
    "server closed the connection",
    "connection already closed",
    "the connection is closed",
    "could not connect",
    "connection refused",
    "connection timeout",
    "consuming input failed",
    "the database system is starting up",
    "the database system is shutting down",
    "the database system is in recovery mode",
    "database is locked",
)


def database_unavailable(error: BaseException | None) -> bool:
    """Whether ``error`` comes from a database that cannot be reached just now."""
    if not isinstance(error, OperationalError | InterfaceError):
        return False
    if isinstance(error, InterfaceError):
        return True  # the connection is gone
    text = str(error).lower()
    if any(words in text for words in _UNAVAILABLE_WORDS):
        return True
    # A connection the failure left unusable says so even when the message is terse.
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None and not connection.is_usable():
            return True
    return False
