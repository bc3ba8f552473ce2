"""The officers' work queue, search, instruction clock, private notes and decision confirmation."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ami.models import DossierStatus
from ami.selectors import work_queue
from ami.services import dossier_submit, dossier_transition, message_post
from tests.ami_fixtures import make_dossier


def _counts(user):
    return {queue.code: count for queue, count in work_queue(user)}


@pytest.fixture
def submitted(draft_a, holder_a):
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    return draft_a


def test_a_new_dossier_is_in_the_new_queue_until_it_is_taken_into_review(submitted, officer):
    assert _counts(officer)["new"] == 1
    dossier_transition(actor=officer, dossier=submitted, event="start_review")
    counts = _counts(officer)
    assert counts["new"] == 0 and counts["evaluation"] == 1


def test_a_holder_message_is_new_to_the_instructor_until_they_open_the_dossier(
    client_for, submitted, officer, holder_a
):
    submitted.instructor = officer
    submitted.save()
    client = client_for(officer)
    client.get(reverse("ami:dossier_detail", args=[submitted.pk]))
    assert _counts(officer)["unread"] == 0
    message_post(actor=holder_a, dossier=submitted, body="Une précision sur le budget.")
    assert _counts(officer)["unread"] == 1
    listing = client.get(reverse("ami:dossier_list"), {"queue": "unread"}).content.decode()
    assert submitted.reference in listing
    client.get(reverse("ami:dossier_detail", args=[submitted.pk]))
    assert _counts(officer)["unread"] == 0


def test_the_queue_counts_take_one_query_whatever_the_number_of_dossiers(
    pmcb_phase, officer, holder_a
):
    for _ in range(3):
        dossier_submit(actor=holder_a, dossier_pk=make_dossier(holder_a, pmcb_phase).pk)
    with CaptureQueriesContext(connection) as few:
        work_queue(officer, fresh=True)
    for _ in range(6):
        dossier_submit(actor=holder_a, dossier_pk=make_dossier(holder_a, pmcb_phase).pk)
    with CaptureQueriesContext(connection) as more:
        counts = {q.code: n for q, n in work_queue(officer, fresh=True)}
    assert len(few) == len(more) == 1
    assert counts["new"] == 9


def test_the_clock_is_paused_while_the_dossier_is_with_its_holder(submitted, officer, holder_a):
    start = submitted.clock_started_at
    dossier_transition(actor=officer, dossier=submitted, event="start_review")
    with time_machine.travel(start + timedelta(days=10), tick=False):
        dossier_transition(actor=officer, dossier=submitted, event="return", reason="Le bilan")
    with time_machine.travel(start + timedelta(days=25), tick=False):
        submitted.refresh_from_db()
        assert submitted.instruction_days() == 10
        dossier_submit(actor=holder_a, dossier_pk=submitted.pk)
    submitted.refresh_from_db()
    assert submitted.clock_paused_total == timedelta(days=15)
    assert submitted.instruction_days(now=start + timedelta(days=30)) == 15


def test_a_dossier_past_the_instruction_target_net_of_pauses_is_overdue(
    settings, submitted, officer
):
    settings.INSTRUCTION_TARGET_DAYS = 20
    start = submitted.clock_started_at
    with time_machine.travel(start + timedelta(days=19)):
        assert _counts(officer)["overdue"] == 0
    with time_machine.travel(start + timedelta(days=21)):
        assert _counts(officer)["overdue"] == 1


def test_officers_search_by_reference_title_holder_or_siret(client_for, submitted, officer):
    client = client_for(officer)
    url = reverse("ami:dossier_list")
    organisation = submitted.organisation
    for term in [submitted.reference, submitted.title.split()[0], organisation.name]:
        page = client.get(url, {"search": term}).content.decode()
        assert submitted.reference in page, term
    found = client.get(url, {"search": organisation.identifier[:7]}).content.decode()
    assert submitted.reference in found
    assert submitted.reference not in client.get(url, {"search": "zzzz-rien"}).content.decode()


def test_a_private_note_is_for_officers_and_never_for_the_holder(
    client_for, submitted, officer, holder_a
):
    client = client_for(officer)
    client.post(reverse("ami:dossier_note", args=[submitted.pk]), {"body": "Porteur fragile."})
    assert (
        "Porteur fragile."
        in client.get(reverse("ami:dossier_detail", args=[submitted.pk])).content.decode()
    )
    holder = client_for(holder_a)
    assert (
        "Porteur fragile."
        not in holder.get(reverse("ami:dossier_detail", args=[submitted.pk])).content.decode()
    )
    assert "Porteur fragile." not in holder.get(f"/api/dossiers/{submitted.pk}/").content.decode()
    assert (
        holder.post(reverse("ami:dossier_note", args=[submitted.pk]), {"body": "x"}).status_code
        == 403
    )
    assert submitted.notes.count() == 1


def test_a_decision_is_applied_only_after_its_letter_was_shown(client_for, submitted, officer):
    dossier_transition(actor=officer, dossier=submitted, event="start_review")
    client = client_for(officer)
    url = reverse("ami:dossier_transition", args=[submitted.pk])
    page = client.post(url, {"event": "reject", "reason": "Hors du champ de l'appel"})
    text = page.content.decode()
    assert "n&#x27;est pas retenu" in text or "n'est pas retenu" in text
    assert "Hors du champ de l&#x27;appel" in text
    submitted.refresh_from_db()
    assert submitted.status == DossierStatus.UNDER_REVIEW and submitted.decided_at is None
    client.post(url, {"event": "reject", "reason": "Hors du champ de l'appel", "confirmed": "on"})
    submitted.refresh_from_db()
    assert submitted.status == DossierStatus.NOT_RETAINED
    assert submitted.decided_at <= timezone.now()


def test_the_remembered_counts_follow_every_change_an_officer_would_see(
    submitted, officer, holder_a, client_for
):
    submitted.instructor = officer
    submitted.save()
    assert _counts(officer)["new"] == 1
    dossier_transition(actor=officer, dossier=submitted, event="start_review")
    assert _counts(officer)["new"] == 0  # a write moves the dossiers' version
    client_for(officer).get(reverse("ami:dossier_detail", args=[submitted.pk]))
    assert _counts(officer)["unread"] == 0
    message_post(actor=holder_a, dossier=submitted, body="Voici le bilan.")
    assert _counts(officer)["unread"] == 1  # a holder's message too
    assert _counts(officer) == {q.code: n for q, n in work_queue(officer, fresh=True)}


def test_an_empty_private_note_is_refused_and_nothing_is_saved(client_for, submitted, officer):
    response = client_for(officer).post(
        reverse("ami:dossier_note", args=[submitted.pk]), {"body": "  "}, follow=True
    )
    assert "La note est vide" in response.content.decode()
    assert not submitted.notes.exists()
