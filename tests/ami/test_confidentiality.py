"""Holder B never reads holder A's dossier, by page, API, export, attachment or guessed id."""

import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ami.services import attachment_add, dossier_submit, evaluation_save, message_post


@pytest.fixture
def submitted_a(draft_a, holder_a, officer):
    attachment_add(
        actor=holder_a, dossier=draft_a, upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")
    )
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    message_post(actor=officer, dossier=draft_a, body="Pouvez-vous préciser le gisement ?")
    return draft_a


def _urls(dossier):
    attachment = dossier.attachments.get()
    return [
        reverse("ami:dossier_detail", args=[dossier.pk]),
        reverse("ami:dossier_edit", args=[dossier.pk]),
        reverse("ami:dossier_receipt", args=[dossier.pk, 1]),
        reverse("ami:attachment_download", args=[dossier.pk, attachment.pk]),
        reverse("ami:dossier_letter", args=[dossier.pk]),
        f"/api/dossiers/{dossier.pk}/",
        f"/api/dossiers/{dossier.pk}/messages/",
    ]


def test_holder_b_gets_404_on_everything_of_holder_a_and_the_attempts_are_logged(
    client_for, submitted_a, holder_b, caplog
):
    client = client_for(holder_b)
    with caplog.at_level(logging.WARNING, logger="portal.security"):
        for url in _urls(submitted_a):
            assert client.get(url).status_code == 404, url
    assert sum("dossier" in line and "not visible" in line for line in caplog.messages) >= 6


def test_holder_b_cannot_post_a_message_or_submit_holder_as_dossier(
    client_for, submitted_a, holder_b
):
    client = client_for(holder_b)
    assert (
        client.post(
            reverse("ami:dossier_detail", args=[submitted_a.pk]), {"body": "intrusion"}
        ).status_code
        == 404
    )
    assert client.post(reverse("ami:dossier_submit", args=[submitted_a.pk])).status_code == 404
    assert (
        client.post(
            f"/api/dossiers/{submitted_a.pk}/messages/",
            {"body": "x"},
            content_type="application/json",
        ).status_code
        == 404
    )
    assert submitted_a.messages.count() == 1


def test_the_api_lists_only_the_holders_own_dossiers(client_for, submitted_a, holder_b, pmcb_phase):
    from tests.ami_fixtures import make_dossier

    mine = make_dossier(holder_b, pmcb_phase, title="Le mien")
    data = client_for(holder_b).get("/api/dossiers/").json()
    assert [row["id"] for row in data["results"]] == [mine.pk]


def test_holders_cannot_reach_the_officers_list_or_exports(client_for, submitted_a, holder_a):
    client = client_for(holder_a)
    assert client.get(reverse("ami:dossier_list")).status_code == 403
    assert client.get(reverse("ami:dossier_list") + "?export=csv").status_code == 403


def test_a_holder_gets_back_their_own_submission_but_never_another_organisations(
    client_for, submitted_a, holder_a, holder_b
):
    own = client_for(holder_a).get(reverse("ami:dossier_zip", args=[submitted_a.pk]))
    assert own.status_code == 200 and own["Content-Type"] == "application/zip"
    other = client_for(holder_b).get(reverse("ami:version_zip", args=[submitted_a.pk, 1]))
    assert other.status_code == 404


def test_every_officer_opening_of_a_dossier_or_attachment_is_logged(
    client_for, submitted_a, officer
):
    from auditlog.models import LogEntry

    client = client_for(officer)
    client.get(reverse("ami:dossier_detail", args=[submitted_a.pk]))
    client.get(
        reverse("ami:attachment_download", args=[submitted_a.pk, submitted_a.attachments.get().pk])
    )
    events = list(
        LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=officer).values_list(
            "additional_data__event", flat=True
        )
    )
    assert "dossier_opened" in events and "attachment_opened" in events


def test_an_officer_reopening_a_dossier_within_the_hour_is_logged_once_per_officer(
    settings, client_for, submitted_a, officer, second_officer
):
    from auditlog.models import LogEntry
    from django.core.cache import cache

    from core.audit import access_key

    settings.AUDIT_ACCESS_WINDOW_SECONDS = 3600
    for reader in (officer, second_officer):
        cache.delete(access_key(actor=reader, obj=submitted_a, event="dossier_opened"))
    url = reverse("ami:dossier_detail", args=[submitted_a.pk])
    for _reading in range(3):
        client_for(officer).get(url)
    client_for(second_officer).get(url)
    openings = LogEntry.objects.filter(additional_data__event="dossier_opened")
    assert sorted(openings.values_list("actor__email", flat=True)) == sorted(
        [officer.email, second_officer.email]
    )


def test_a_reviewer_who_declares_a_conflict_can_no_longer_see_the_dossier(
    client_for, submitted_a, officer, second_officer
):
    from ami.services import dossier_transition

    dossier_transition(actor=officer, dossier=submitted_a, event="start_review")
    evaluation_save(
        actor=second_officer,
        dossier=submitted_a,
        conflict_of_interest=True,
        conflict_details="Ancien employeur",
    )
    client = client_for(second_officer)
    assert client.get(reverse("ami:dossier_detail", args=[submitted_a.pk])).status_code == 404
    assert submitted_a.reference not in client.get(reverse("ami:dossier_list")).content.decode()
    assert (
        client_for(officer).get(reverse("ami:dossier_detail", args=[submitted_a.pk])).status_code
        == 200
    )


def test_a_disguised_executable_is_refused_and_nothing_is_stored(client_for, draft_a, holder_a):
    response = client_for(holder_a).post(
        reverse("ami:dossier_attachment_add", args=[draft_a.pk]),
        {
            "file": SimpleUploadedFile(
                "budget.pdf", b"MZ\x90\x00\x03 not a pdf", content_type="application/pdf"
            )
        },
    )
    assert response.status_code == 400
    assert "type accepté" in response.content.decode()
    assert not draft_a.attachments.exists()


def test_a_file_over_the_size_limit_is_refused(draft_a, holder_a, settings):
    from django.core.exceptions import ValidationError

    settings.AMI_MAX_FILE_BYTES = 100
    with pytest.raises(ValidationError, match="limite"):
        attachment_add(
            actor=holder_a,
            dossier=draft_a,
            upload=SimpleUploadedFile("gros.pdf", b"%PDF-" + b"x" * 200),
        )


def test_uploaded_names_are_sanitised_and_files_kept_outside_static(draft_a, holder_a, settings):
    attachment = attachment_add(
        actor=holder_a,
        dossier=draft_a,
        upload=SimpleUploadedFile("../../etc/passwd plan.pdf", b"%PDF-1.4 x"),
    )
    assert "/" not in attachment.original_name and ".." not in attachment.original_name
    assert str(settings.MEDIA_ROOT) in attachment.file.path
    assert "static" not in attachment.file.path


def test_a_colleagues_conflict_does_not_hide_the_dossier_from_a_reviewer_who_has_none(
    client_for, submitted_a, officer, second_officer
):
    from ami.selectors import criteria_for
    from ami.services import dossier_transition

    dossier_transition(actor=officer, dossier=submitted_a, event="start_review")
    scores = {criterion.pk: (4, "") for criterion in criteria_for(submitted_a.phase)}
    evaluation_save(actor=officer, dossier=submitted_a, conflict_of_interest=False, scores=scores)
    evaluation_save(
        actor=second_officer,
        dossier=submitted_a,
        conflict_of_interest=True,
        conflict_details="Ancien employeur",
    )
    listing = client_for(officer).get(reverse("ami:dossier_list")).content.decode()
    assert submitted_a.reference in listing
    ranking = client_for(officer).get(reverse("ami:phase_ranking", args=[submitted_a.phase_id]))
    assert submitted_a.reference in ranking.content.decode()
