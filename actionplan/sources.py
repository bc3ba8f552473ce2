"""Indicators computed from other apps register here, by the key stored in
``Indicator.computed_by``. A source returns the dated series of the value."""

from collections.abc import Callable

_SOURCES: dict[str, tuple[str, Callable]] = {}


def computed_source(key, *, label):
    def register(function):
        _SOURCES[key] = (label, function)
        return function

    return register


def source_for(key):
    return _SOURCES.get(key)


def label_for(key):
    entry = _SOURCES.get(key)
    return entry[0] if entry else None
