import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplan.models import Indicator
from ami.models import DossierStatus
from ami.services import (
    dossier_save,
    dossier_submit,
    dossier_transition,
    draft_reminders_send,
    evaluation_save,
)
from core.outbox import outbox_drain
from core.workflow import TransitionNotAllowed
from tests.ami_fixtures import make_dossier
from tests.pdf import pdf_text


@pytest.fixture
def submitted(draft_a, holder_a):
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    return draft_a


def test_the_workflow_refuses_a_transition_not_in_its_table(submitted, officer):
    with pytest.raises(TransitionNotAllowed):
        dossier_transition(actor=officer, dossier=submitted, event="retain", reason="Trop tôt")
    submitted.refresh_from_db()
    assert submitted.status == DossierStatus.SUBMITTED


def test_a_decision_needs_a_reason(submitted, officer):
    dossier_transition(actor=officer, dossier=submitted, event="start_review")
    with pytest.raises(ValidationError):
        dossier_transition(actor=officer, dossier=submitted, event="reject", reason="")


def test_a_holder_cannot_decide_on_their_own_dossier(submitted, holder_a):
    with pytest.raises(PermissionDenied):
        dossier_transition(actor=holder_a, dossier=submitted, event="start_review")


def test_every_transition_is_audited_with_its_reason_and_the_holder_is_told(
    submitted, officer, holder_a, run_outbox
):
    from auditlog.models import LogEntry

    dossier_transition(actor=officer, dossier=submitted, event="start_review")
    dossier_transition(actor=officer, dossier=submitted, event="return", reason="Joindre le bilan")
    run_outbox()
    outbox_drain()
    entry = LogEntry.objects.filter(object_id=submitted.pk, additional_data__event="return").get()
    assert entry.actor == officer and entry.additional_data["reason"] == "Joindre le bilan"
    assert entry.changes_dict["status"] == ["under_review", "returned"]
    notices = [
        m for m in mail.outbox if holder_a.email in m.to and "Renvoyé pour complément" in m.subject
    ]
    assert notices and "Joindre le bilan" in notices[0].body


def test_the_receipt_is_emailed_with_a_pdf_carrying_the_reference_time_and_hash(
    submitted, holder_a
):
    outbox_drain()
    receipt = next(m for m in mail.outbox if "Accusé de réception" in m.subject)
    assert receipt.to == [holder_a.email]
    name, content, mime = receipt.attachments[0]
    assert mime == "application/pdf"
    text = pdf_text(content)
    version = submitted.versions.get()
    assert submitted.reference in text and version.content_sha256 in text.replace("\n", "")
    assert "heure de Paris" in text


def test_drafts_are_never_counted_as_submitted(draft_a, holder_b, pmcb_phase, client_for, officer):
    from django.urls import reverse

    make_dossier(holder_b, pmcb_phase, title="Brouillon B")
    content = client_for(officer).get(reverse("ami:dossier_list")).content.decode()
    assert draft_a.reference not in content
    assert not draft_a.versions.exists()


def test_a_retained_pmcb_dossier_moves_indicator_3_4(submitted, officer, run_outbox):
    indicator = Indicator.objects.get(code="3.4-1")
    assert indicator.current_value is None
    dossier_transition(actor=officer, dossier=submitted, event="start_review")
    dossier_transition(
        actor=officer, dossier=submitted, event="retain", reason="Projet structurant"
    )
    run_outbox()
    indicator.refresh_from_db()
    assert indicator.current_value == 1


def test_the_decision_letter_is_attached_and_says_where_needs_are_redirected(
    submitted, officer, holder_a
):
    dossier_transition(actor=officer, dossier=submitted, event="start_review")
    dossier_transition(
        actor=officer,
        dossier=submitted,
        event="redirect",
        reason="Investissement",
        redirected_to="fratri",
    )
    outbox_drain()
    letter = next(m for m in mail.outbox if "Orienté" in m.subject)
    text = pdf_text(letter.attachments[0][1])
    assert "FRATRI" in text and submitted.reference in text


def test_redirecting_requires_a_scheme(submitted, officer):
    dossier_transition(actor=officer, dossier=submitted, event="start_review")
    with pytest.raises(ValidationError):
        dossier_transition(actor=officer, dossier=submitted, event="redirect", reason="x")


def test_typed_html_embeds_nothing_in_the_dossier_pdf(draft_a, holder_a, officer, client_for):
    from django.urls import reverse

    dossier_save(
        actor=holder_a, dossier=draft_a, impacts='<img src="file:///etc/passwd"> huit emplois'
    )
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    response = client_for(officer).get(reverse("ami:dossier_zip", args=[draft_a.pk]))
    import io
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    pdf = archive.read(f"{draft_a.reference}-v1.pdf")
    assert b"/Subtype /Image" not in pdf and b"/Subtype/Image" not in pdf
    assert '<img src="file:///etc/passwd">' in pdf_text(pdf)


def test_reviewers_scores_are_consolidated_and_ranked(
    submitted, officer, second_officer, holder_b, pmcb_phase
):
    from ami.selectors import phase_ranking

    dossier_transition(actor=officer, dossier=submitted, event="start_review")
    criteria = list(submitted.phase.call.criteria.all())
    evaluation_save(
        actor=officer,
        dossier=submitted,
        conflict_of_interest=False,
        scores={c.pk: (4, "") for c in criteria},
        completed=True,
    )
    evaluation_save(
        actor=second_officer,
        dossier=submitted,
        conflict_of_interest=False,
        scores={c.pk: (2, "") for c in criteria},
        completed=True,
    )
    other = make_dossier(holder_b, pmcb_phase, title="B")
    dossier_submit(actor=holder_b, dossier_pk=other.pk)
    ranked, unevaluated = phase_ranking(pmcb_phase)
    assert [(d.pk, d.consolidated_score) for d in ranked] == [(submitted.pk, 3)]
    assert list(unevaluated) == [other]


def test_the_ranking_page_shows_unevaluated_dossiers_apart_without_a_rank(
    client_for, submitted, officer, holder_b, pmcb_phase
):
    other = make_dossier(holder_b, pmcb_phase, title="Sans note")
    dossier_submit(actor=holder_b, dossier_pk=other.pk)
    content = client_for(officer).get(reverse("ami:phase_ranking", args=[pmcb_phase.pk]))
    text = content.content.decode()
    assert "Aucun dossier évalué pour l'instant." in text
    assert "2 dossiers non évalués" in text


def test_an_incomplete_grid_cannot_be_marked_finished(submitted, officer):
    dossier_transition(actor=officer, dossier=submitted, event="start_review")
    criterion = submitted.phase.call.criteria.first()
    with pytest.raises(ValidationError):
        evaluation_save(
            actor=officer,
            dossier=submitted,
            conflict_of_interest=False,
            scores={criterion.pk: (3, "")},
            completed=True,
        )


def test_drafts_get_a_reminder_seven_days_then_one_day_before_closing_once_each(
    draft_a, holder_a, pmcb_phase
):
    from datetime import timedelta

    closing = pmcb_phase.closes_at
    assert draft_reminders_send(now=closing - timedelta(days=6)) == 1
    assert draft_reminders_send(now=closing - timedelta(days=5)) == 0
    assert draft_reminders_send(now=closing - timedelta(hours=20)) == 1
    outbox_drain()
    reminders = [m for m in mail.outbox if "pas encore déposé" in m.subject]
    assert len(reminders) == 2 and reminders[0].to == [holder_a.email]


def test_a_message_with_an_attachment_notifies_the_holder(submitted, officer, holder_a):
    from ami.services import message_post

    message_post(
        actor=officer,
        dossier=submitted,
        body="Merci de joindre le Kbis.",
        uploads=[SimpleUploadedFile("modele.pdf", b"%PDF-1.4")],
    )
    outbox_drain()
    assert any(holder_a.email in m.to and "Nouveau message" in m.subject for m in mail.outbox)
    assert submitted.attachments.filter(message__isnull=False).count() == 1
