import re

import pytest
from django.urls import reverse

from ami.models import Dossier, DossierStatus


def test_the_public_list_shows_each_call_with_its_state(client, pmcb_phase):
    content = client.get(reverse("ami:call_list")).content.decode()
    assert "Plateformes de réemploi des PMCB" in content and "ouvert" in content
    assert "dates à confirmer par la Région" in content  # ressourceries phase 1: 31 février
    assert "clos" in content  # phase 2 closed on 5 June 2026


def test_the_public_api_lists_calls_and_phases_without_signing_in(client, pmcb_phase):
    data = client.get("/api/calls/").json()
    assert [c["code"] for c in data["results"]] == ["pmcb", "ressourceries"]
    assert data["results"][0]["phases"][0]["is_open"] is True


def test_a_holder_creates_a_draft_which_says_it_is_not_submitted(client_for, holder_a, pmcb_phase):
    client = client_for(holder_a)
    response = client.post(
        reverse("ami:dossier_create", args=[pmcb_phase.pk]),
        {"title": "Matériauthèque", "organisation": holder_a.memberships.get().organisation_id},
        follow=True,
    )
    assert "Brouillon : ce dossier n'est pas déposé" in response.content.decode()
    assert Dossier.objects.get().status == DossierStatus.DRAFT


def test_autosave_keeps_what_the_holder_typed(client_for, holder_a, draft_a):
    response = client_for(holder_a).post(
        reverse("ami:dossier_autosave", args=[draft_a.pk]),
        {"title": draft_a.title, "territory": "59", "impacts": "Douze emplois en insertion"},
    )
    assert response.json()["saved"] is True
    draft_a.refresh_from_db()
    assert draft_a.impacts == "Douze emplois en insertion"


def test_autosave_refuses_once_submitted_and_changes_nothing(client_for, holder_a, draft_a):
    from ami.services import dossier_submit

    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    response = client_for(holder_a).post(
        reverse("ami:dossier_autosave", args=[draft_a.pk]), {"title": "Changé", "impacts": "x"}
    )
    assert response.status_code == 409
    draft_a.refresh_from_db()
    assert draft_a.title != "Changé"


def test_a_share_over_100_percent_is_refused_next_to_the_field(client_for, holder_a, draft_a):
    client = client_for(holder_a)
    client.post(
        reverse("ami:dossier_partner_add", args=[draft_a.pk]),
        {"name": "A", "role": "r", "share": "70"},
    )
    response = client.post(
        reverse("ami:dossier_partner_add", args=[draft_a.pk]),
        {"name": "B", "role": "r", "share": "40"},
    )
    assert response.status_code == 400 and "dépasserait 100" in response.content.decode()
    assert draft_a.partners.count() == 1


def test_submitting_through_the_page_gives_a_receipt_link(client_for, holder_a, draft_a):
    client = client_for(holder_a)
    response = client.post(reverse("ami:dossier_submit", args=[draft_a.pk]), follow=True)
    content = response.content.decode()
    assert "Dossier déposé le" in content
    receipt = client.get(reverse("ami:dossier_receipt", args=[draft_a.pk, 1]))
    assert receipt["Content-Type"] == "application/pdf" and receipt.content.startswith(b"%PDF")


def test_officers_filter_export_and_decide(client_for, officer, holder_a, draft_a):
    from ami.services import dossier_submit

    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    client = client_for(officer)
    listing = client.get(
        reverse("ami:dossier_list"), {"status": "submitted", "territory": "62"}
    ).content.decode()
    assert draft_a.reference in listing
    assert (
        draft_a.reference
        not in client.get(reverse("ami:dossier_list"), {"territory": "59"}).content.decode()
    )
    export = (
        client.get(reverse("ami:dossier_list"), {"export": "csv"}).getvalue().decode("utf-8-sig")
    )
    assert export.splitlines()[0].startswith("Référence;Appel") and draft_a.reference in export
    client.post(reverse("ami:dossier_transition", args=[draft_a.pk]), {"event": "start_review"})
    confirmation = client.post(
        reverse("ami:dossier_transition", args=[draft_a.pk]),
        {"event": "retain", "reason": "Structurant"},
    )
    # A decision first shows its letter: nothing is applied until the officer confirms.
    assert "votre projet est retenu" in confirmation.content.decode()
    draft_a.refresh_from_db()
    assert draft_a.status == DossierStatus.UNDER_REVIEW
    client.post(
        reverse("ami:dossier_transition", args=[draft_a.pk]),
        {"event": "retain", "reason": "Structurant", "confirmed": "on"},
    )
    draft_a.refresh_from_db()
    assert draft_a.status == DossierStatus.RETAINED
    assert client.get(reverse("ami:dossier_letter", args=[draft_a.pk])).content.startswith(b"%PDF")


def test_an_officer_enters_the_enforceable_date_and_the_call_opens(client_for, officer, calls):
    from ami.models import Phase

    phase = Phase.objects.get(call__code="pmcb")
    client_for(officer).post(
        reverse("ami:phase_edit", args=[phase.pk]), {"call-enforceable_on": "2025-07-01"}
    )
    phase.refresh_from_db()
    assert phase.is_open()


def test_a_phase_closing_before_it_opens_is_refused(client_for, officer, pmcb_phase):
    response = client_for(officer).post(
        reverse("ami:phase_edit", args=[pmcb_phase.pk]),
        {
            "opens_at": "2026-06-01T00:00",
            "closes_at": "2026-05-01T00:00",
            "eligible_kinds": ["company"],
        },
    )
    assert "doit suivre l&#x27;ouverture" in response.content.decode()


@pytest.mark.parametrize("persona", ["holder_a", "committee_member", "partner_contributor"])
def test_only_officers_edit_phases_and_see_rankings(client_for, pmcb_phase, request, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("ami:phase_edit", args=[pmcb_phase.pk])).status_code == 403
    assert client.get(reverse("ami:phase_ranking", args=[pmcb_phase.pk])).status_code == 403


def test_the_dossier_api_submits_and_officers_transition(
    client_for, holder_a, officer, draft_a, client
):
    response = client_for(holder_a).post(f"/api/dossiers/{draft_a.pk}/submit/")
    assert response.json()["status"] == "submitted"
    client.force_login(officer)
    assert (
        client.post(
            f"/api/dossiers/{draft_a.pk}/transition/",
            {"event": "start_review"},
            content_type="application/json",
        ).json()["status"]
        == "under_review"
    )
    refused = client.post(
        f"/api/dossiers/{draft_a.pk}/transition/",
        {"event": "start_review"},
        content_type="application/json",
    )
    assert refused.status_code == 400


def test_an_officer_publishes_a_question_and_every_visitor_reads_the_answer(
    client_for, officer, client, calls
):
    client_for(officer).post(
        reverse("ami:call_detail", args=["pmcb"]),
        {
            "question": "Les bailleurs sociaux peuvent-ils répondre seuls ?",
            "answer": "Oui, ils sont visés par l'AMI.",
        },
    )
    client.logout()
    assert (
        "ils sont visés par l&#x27;AMI"
        in client.get(reverse("ami:call_detail", args=["pmcb"])).content.decode()
    )


def test_a_holder_cannot_publish_questions(client_for, holder_a, calls):
    response = client_for(holder_a).post(
        reverse("ami:call_detail", args=["pmcb"]), {"question": "q", "answer": "a"}
    )
    assert response.status_code == 403


def test_a_holder_updates_a_draft_through_the_api_and_bad_values_are_named(
    client_for, holder_a, draft_a
):
    client = client_for(holder_a)
    ok = client.patch(
        f"/api/dossiers/{draft_a.pk}/",
        {"impacts": "Quinze emplois"},
        content_type="application/json",
    )
    assert ok.status_code == 200
    bad = client.patch(
        f"/api/dossiers/{draft_a.pk}/",
        {"territory": "99", "impacts": "x"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "territory" in bad.json()
    draft_a.refresh_from_db()
    assert draft_a.impacts == "Quinze emplois"


def test_holder_b_cannot_patch_holder_as_draft_through_the_api(client_for, holder_b, draft_a):
    response = client_for(holder_b).patch(
        f"/api/dossiers/{draft_a.pk}/", {"impacts": "x"}, content_type="application/json"
    )
    assert response.status_code == 404
    draft_a.refresh_from_db()
    assert draft_a.impacts != "x"


def test_an_empty_message_is_refused_next_to_the_field_and_nothing_is_posted(
    client_for, holder_a, draft_a
):
    from ami.services import dossier_submit

    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    response = client_for(holder_a).post(
        reverse("ami:dossier_detail", args=[draft_a.pk]), {"body": "   "}
    )
    assert 'class="errorlist"' in response.content.decode()
    assert not draft_a.messages.exists()


def test_a_holder_cannot_open_the_evaluation_grid_of_their_own_dossier(
    client_for, holder_a, officer, draft_a
):
    from ami.services import dossier_submit, dossier_transition

    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    dossier_transition(actor=officer, dossier=draft_a, event="start_review")
    assert (
        client_for(holder_a).get(reverse("ami:dossier_evaluate", args=[draft_a.pk])).status_code
        == 403
    )


def test_the_ranking_hides_a_dossier_from_a_reviewer_with_a_conflict(
    client_for, holder_a, officer, second_officer, draft_a
):
    from ami.services import dossier_submit, dossier_transition, evaluation_save

    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    dossier_transition(actor=officer, dossier=draft_a, event="start_review")
    evaluation_save(actor=second_officer, dossier=draft_a, conflict_of_interest=True)
    url = reverse("ami:phase_ranking", args=[draft_a.phase_id])
    assert draft_a.reference not in client_for(second_officer).get(url).content.decode()
    assert draft_a.reference in client_for(officer).get(url).content.decode()


def test_a_siret_typed_with_spaces_is_accepted_in_the_consortium(client_for, holder_a, draft_a):
    client_for(holder_a).post(
        reverse("ami:dossier_partner_add", args=[draft_a.pk]),
        {"name": "TEAM2", "identifier": "528 827 264 000 29", "role": "Animation"},
    )
    assert draft_a.partners.get().identifier == "52882726400029"


def test_a_refused_upload_is_summarised_at_the_top_with_a_link_to_its_field(
    client_for, holder_a, draft_a
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(holder_a).post(
        reverse("ami:dossier_attachment_add", args=[draft_a.pk]),
        {"file": SimpleUploadedFile("devis.pdf", b"not a pdf at all")},
    )
    content = response.content.decode()
    summary = content.index('class="error-summary"')
    assert summary < content.index('id="pieces"')  # above the sections, not 3 000 px down
    assert 'href="#id_file"' in content[summary:]
    assert not draft_a.attachments.exists()


def test_the_call_page_quotes_its_audience_once_and_says_what_time_is_left(client, pmcb_phase):
    content = client.get(reverse("ami:call_detail", args=["pmcb"])).content.decode()
    assert content.count("aux acteurs économiques") == 1
    assert "mot pour mot" in content
    assert "1 année" not in content  # « encore 1 an et 7 mois », never « 1 année, 7 mois »
    assert re.search(r"encore \d+ ans? et \d+ mois|encore \d+ mois", content)


def test_the_officers_list_is_paginated_newest_first_and_keeps_its_filters(
    client_for, officer, holder_a, holder_b, pmcb_phase, monkeypatch
):
    from ami.services import dossier_submit
    from ami.views import instruction
    from tests.ami_fixtures import make_dossier

    monkeypatch.setattr(instruction, "DOSSIER_PAGE_SIZE", 1)
    older = make_dossier(holder_a, pmcb_phase, title="Premier déposé")
    newer = make_dossier(holder_b, pmcb_phase, title="Dernier déposé")
    dossier_submit(actor=holder_a, dossier_pk=older.pk)
    dossier_submit(actor=holder_b, dossier_pk=newer.pk)
    client = client_for(officer)
    first = client.get(reverse("ami:dossier_list"), {"status": "submitted"}).content.decode()
    assert "Dernier déposé" in first and "Premier déposé" not in first
    assert "2 dossiers correspondent." in first
    assert "?status=submitted&amp;page=2" in first
    second = client.get(reverse("ami:dossier_list"), {"status": "submitted", "page": 2})
    assert "Premier déposé" in second.content.decode()


def test_a_refused_submission_lists_what_is_missing_as_links_to_the_fields_and_marks_the_steps(
    client_for, holder_a, pmcb_phase
):
    from tests.ami_fixtures import make_dossier

    dossier = make_dossier(holder_a, pmcb_phase, complete=False)
    client = client_for(holder_a)
    response = client.post(reverse("ami:dossier_submit", args=[dossier.pk]), follow=True)
    content = response.content.decode()
    summary = content.index('class="error-summary"')
    assert "n&#x27;a pas été déposé" in content[summary:] or "n'a pas été déposé" in content
    assert "?etape=projet#id_synthetic_presentation" in content[summary:]
    assert 'class="step-incomplete"' in content
    dossier.refresh_from_db()
    assert dossier.status == "draft"
    complete = client.get(
        reverse("ami:dossier_edit", args=[make_dossier(holder_a, pmcb_phase).pk])
    ).content.decode()
    assert 'class="step-incomplete"' not in complete and 'class="step-done"' in complete
