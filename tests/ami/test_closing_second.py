"""The closing second is judged by arrival: a holder who clicked in time is not refused
because their request waited for a busy worker, and the receipt states when it arrived."""

from datetime import timedelta

import pytest
from django.urls import reverse

from ami.models import DossierVersion


@pytest.fixture
def behind_the_proxy(settings):
    settings.REQUEST_START_HEADER = "X-Request-Start"


def _stamp(moment):
    return f"t={moment.timestamp():.3f}"


def test_a_click_that_arrived_before_the_deadline_is_accepted_though_handled_after_it(
    client_for, holder_a, draft_a, behind_the_proxy, time_machine
):
    deadline = draft_a.deadline()
    arrived = deadline - timedelta(milliseconds=400)
    time_machine.move_to(deadline + timedelta(seconds=3), tick=False)  # the worker's turn came late
    response = client_for(holder_a).post(
        f"/api/dossiers/{draft_a.pk}/submit/", HTTP_X_REQUEST_START=_stamp(arrived)
    )
    assert response.status_code == 200, response.content
    version = DossierVersion.objects.get(dossier=draft_a)
    assert version.submitted_at == arrived.replace(microsecond=arrived.microsecond // 1000 * 1000)


def test_a_click_that_arrived_after_the_deadline_is_refused_on_the_page(
    client_for, holder_a, draft_a, behind_the_proxy, time_machine
):
    deadline = draft_a.deadline()
    time_machine.move_to(deadline + timedelta(seconds=3), tick=False)
    response = client_for(holder_a).post(
        reverse("ami:dossier_submit", args=[draft_a.pk]),
        HTTP_X_REQUEST_START=_stamp(deadline + timedelta(milliseconds=1)),
        follow=True,
    )
    assert "La date limite est passée" in response.content.decode()
    assert not DossierVersion.objects.filter(dossier=draft_a).exists()


def test_without_the_proxy_the_entry_into_the_application_is_the_arrival(
    client_for, holder_a, draft_a, settings, time_machine
):
    settings.REQUEST_START_HEADER = ""
    deadline = draft_a.deadline()
    time_machine.move_to(deadline + timedelta(seconds=1), tick=False)
    response = client_for(holder_a).post(
        f"/api/dossiers/{draft_a.pk}/submit/",
        HTTP_X_REQUEST_START=_stamp(deadline - timedelta(seconds=1)),  # a client cannot forge it
    )
    assert response.status_code == 400
    assert not DossierVersion.objects.filter(dossier=draft_a).exists()
