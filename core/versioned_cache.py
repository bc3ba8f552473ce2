"""Figures computed over a whole table (counts, rankings), kept in the cache until the data
they come from changes.

A *dataset* (``"ami.dossiers"``, ``"sites.valuations"``) has a version in the cache; every
service that changes the dataset calls ``dataset_changed(name)``, which moves the version on
at once and again when its transaction commits (a figure computed meanwhile from the data as
it was is left under a version nobody reads any more). ``remember(name, key, compute)`` stores ``compute()`` under the
current version, so a page reads a count or a ranking in one cache hit instead of scanning the
table on every view, and never shows a figure older than the last committed change. Versions
start from the clock, so a version lost from the cache never reuses an old entry's key.
"""

import hashlib
import time

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import transaction

TIMEOUT = 24 * 3600
_NAMES = set()


def _version_key(name):
    return f"dataset-version:{name}"


def dataset_version(name):
    _NAMES.add(name)
    version = cache.get(_version_key(name))
    if version is None:
        cache.add(_version_key(name), time.time_ns(), None)
        version = cache.get(_version_key(name))
    return version


def dataset_changed(name):
    def move_on():
        cache.set(_version_key(name), time.time_ns(), None)

    move_on()
    transaction.on_commit(move_on)


def forget_versions():
    """Start every dataset afresh (tests: the database is rolled back, the cache is not)."""
    cache.delete_many([_version_key(name) for name in _NAMES])


def remember(name, key, compute, timeout=TIMEOUT):
    # Keys name filters and weights freely; hashed, they suit any cache backend.
    digest = hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
    return cache.get_or_set(f"dataset:{name}:{dataset_version(name)}:{digest}", compute, timeout)


def paginator_remembering_count(queryset, per_page, *, dataset, key):
    """A paginator whose total is counted once per version of ``dataset`` (``key`` names what
    the queryset selects: its filters and, when it depends on them, the user)."""
    paginator = Paginator(queryset, per_page)
    paginator.count = remember(dataset, f"count:{key}", queryset.count)
    return paginator
