"""When a request reached the portal: what a deadline is judged by.

At a phase's closing second hundreds of holders click at once; their requests wait in the
front proxy and in gunicorn's queue before a worker takes them. A submission is judged by the
moment it *arrived*, never by the moment a busy worker got to it.

- Behind a trusted front proxy that stamps each request (``REQUEST_START_HEADER``, e.g. nginx's
  ``proxy_set_header X-Request-Start "t=${msec}";`` in ``deploy/nginx.conf``), the stamp is the
  arrival. The proxy overwrites any value a client sent; even so a stamp is believed only
  within ``REQUEST_START_MAX_WAIT_SECONDS`` before the application saw the request, and never
  after it (a forged or skewed stamp cannot buy more than that).
- Otherwise the arrival is the moment the request entered the application (this middleware
  runs first).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone


def parse_request_start(raw: str) -> datetime | None:
    """The time in a proxy's request-start stamp: ``t=`` then seconds, milliseconds or
    microseconds since the epoch (nginx's ``$msec`` gives seconds with milliseconds).

    >>> parse_request_start("t=1767225599.250")
    datetime.datetime(2025, 12, 31, 23, 59, 59, 250000, tzinfo=datetime.timezone.utc)
    >>> parse_request_start("1767225599250")  # milliseconds
    datetime.datetime(2025, 12, 31, 23, 59, 59, 250000, tzinfo=datetime.timezone.utc)
    >>> parse_request_start("t=soon") is None
    True
    """
    value = raw.strip().removeprefix("t=")
    try:
        number = float(value)
    except ValueError:
        return None
    if number != number or number <= 0:  # NaN or nonsense
        return None
    if number > 1e14:
        number /= 1e6
    elif number > 1e11:
        number /= 1e3
    try:
        return datetime.fromtimestamp(number, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def arrival_of(stamp: datetime | None, *, entered: datetime, max_wait: timedelta) -> datetime:
    """The arrival to judge by: the proxy's stamp when it is plausible, else the entry.

    >>> entered = datetime(2026, 7, 1, 10, 0, 0, tzinfo=UTC)
    >>> wait = timedelta(seconds=60)
    >>> arrival_of(entered - timedelta(seconds=3), entered=entered, max_wait=wait)
    datetime.datetime(2026, 7, 1, 9, 59, 57, tzinfo=datetime.timezone.utc)
    >>> arrival_of(entered - timedelta(hours=1), entered=entered, max_wait=wait) == entered
    True
    >>> arrival_of(entered + timedelta(seconds=5), entered=entered, max_wait=wait) == entered
    True
    """
    if stamp is None or stamp > entered or entered - stamp > max_wait:
        return entered
    return stamp


class RequestArrivalMiddleware:
    """Sets ``request.arrived_at``; first in MIDDLEWARE, so that nothing before it counts."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        entered = timezone.now()
        header = settings.REQUEST_START_HEADER
        stamp = None
        if header:
            raw = request.META.get("HTTP_" + header.upper().replace("-", "_"))
            stamp = parse_request_start(raw) if raw else None
        request.arrived_at = arrival_of(
            stamp,
            entered=entered,
            max_wait=timedelta(seconds=settings.REQUEST_START_MAX_WAIT_SECONDS),
        )
        return self.get_response(request)


def arrived_at(request: HttpRequest) -> datetime:
    """When ``request`` reached the portal (now, for a request the middleware never saw)."""
    return getattr(request, "arrived_at", None) or timezone.now()
