"""When a request arrived: a trusted proxy's stamp within bounds, else the entry time."""

import doctest
from datetime import UTC, datetime, timedelta

from django.http import HttpResponse
from django.test import RequestFactory

from core import arrival
from core.arrival import RequestArrivalMiddleware

ENTERED = datetime(2026, 7, 1, 10, 0, 0, tzinfo=UTC)


def test_the_worked_examples_of_the_module_hold():
    assert doctest.testmod(arrival).failed == 0


def _arrival(settings, time_machine, header_value):
    time_machine.move_to(ENTERED, tick=False)
    seen = {}

    def view(request):
        seen["arrived_at"] = request.arrived_at
        return HttpResponse()

    request = RequestFactory().get("/", HTTP_X_REQUEST_START=header_value)
    RequestArrivalMiddleware(view)(request)
    return seen["arrived_at"]


def test_behind_the_trusted_proxy_its_stamp_is_the_arrival(settings, time_machine):
    settings.REQUEST_START_HEADER = "X-Request-Start"
    stamp = (ENTERED - timedelta(seconds=2.5)).timestamp()
    assert _arrival(settings, time_machine, f"t={stamp:.3f}") == ENTERED - timedelta(seconds=2.5)


def test_a_stamp_older_than_the_longest_plausible_wait_is_not_believed(settings, time_machine):
    settings.REQUEST_START_HEADER = "X-Request-Start"
    stamp = (ENTERED - timedelta(hours=1)).timestamp()
    assert _arrival(settings, time_machine, f"t={stamp:.3f}") == ENTERED


def test_without_a_trusted_proxy_a_client_sent_stamp_is_ignored(settings, time_machine):
    settings.REQUEST_START_HEADER = ""
    stamp = (ENTERED - timedelta(seconds=2)).timestamp()
    assert _arrival(settings, time_machine, f"t={stamp:.3f}") == ENTERED
