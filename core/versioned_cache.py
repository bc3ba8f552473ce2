"""Figures computed over a whole table (counts, rankings), kept in the cache until the data
they come from changes.

A *dataset* (``"ami.dossiers"``, ``"sites.valuations"``) has a version, kept in the database
(``core.DatasetVersion``). Every service that changes the dataset calls
``dataset_changed(name)`` inside its transaction, which gives the dataset a new version that
nobody has used before; ``remember(name, key, compute)`` stores ``compute()`` in the cache
under the current version. So a page reads a count or a ranking in one cache hit instead of
scanning the table on every view, and never shows a figure older than the last committed
change:

- the new version becomes visible exactly when the change commits (same transaction); a
  figure computed from the data as it was stays under the old version, which nobody reads
  any more;
- a rolled-back change leaves its version unused, never reused (versions come from the clock
  and only grow within a process; they need only differ, not be ordered);
- the cache may be unreachable (``core.cache``): writes still commit, pages compute their
  figures, and once Redis is back its old entries sit under versions nobody reads.

Why the database rather than the cache for the version: it is the only way a write neither
depends on Redis nor leaves a stale figure readable when Redis returns (versions forgotten on
the cache's return would need every process to notice the return). The price is one indexed
read per figure, and one row updated per change, the row's lock held only until the change
commits — services call ``dataset_changed`` last, just before they commit.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import QuerySet

from core.models import DatasetVersion

TIMEOUT = 24 * 3600
T = TypeVar("T")

_clock_lock = threading.Lock()
_last_version = 0
# Tests roll the database back but not the cache (and runs share a Redis): each test starts a
# new, random epoch, so that no figure of another test or another run is ever read. Processes
# of one deployment share epoch "0", and so the cached figures.
_epoch = "0"


def _new_version() -> int:
    global _last_version
    with _clock_lock:
        _last_version = max(time.time_ns(), _last_version + 1)
        return _last_version


def dataset_version(name: str) -> int:
    """The current version of ``name``; 0 for a dataset that has never changed."""
    return DatasetVersion.objects.filter(name=name).values_list("version", flat=True).first() or 0


def dataset_changed(name: str) -> None:
    """Give ``name`` a new version, in the caller's transaction (call it just before commit)."""
    DatasetVersion.objects.bulk_create(
        [DatasetVersion(name=name, version=_new_version())],
        update_conflicts=True,
        unique_fields=["name"],
        update_fields=["version"],
    )


def forget_versions() -> None:
    """Start every dataset afresh (tests: the database is rolled back, the cache is not)."""
    global _epoch
    _epoch = secrets.token_hex(8)


def remember(name: str, key: str, compute: Callable[[], T], timeout: int = TIMEOUT) -> T:
    # Keys name filters and weights freely; hashed, they suit any cache backend.
    digest = hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
    return cache.get_or_set(
        f"dataset:{_epoch}:{name}:{dataset_version(name)}:{digest}", compute, timeout
    )


def paginator_remembering_count(
    queryset: QuerySet, per_page: int, *, dataset: str, key: str
) -> Paginator:
    """A paginator whose total is counted once per version of ``dataset`` (``key`` names what
    the queryset selects: its filters and, when it depends on them, the user)."""
    paginator = Paginator(queryset, per_page)
    paginator.count = remember(dataset, f"count:{key}", queryset.count)
    return paginator
