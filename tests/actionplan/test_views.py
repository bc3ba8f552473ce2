import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from actionplan.models import Measurement, MeasurementStatus
from actionplan.services import measurement_approve, measurement_create


@pytest.mark.parametrize("persona", ["officer", "committee_member", "partner_contributor"])
def test_the_plan_roles_see_every_action_on_the_dashboard(client_for, plan, request, persona):
    content = (
        client_for(request.getfixturevalue(persona))
        .get(reverse("actionplan:dashboard"))
        .content.decode()
    )
    for code in ["1.1", "1.5", "2.4", "3.1", "3.7"]:
        assert f'id="action-{code}"' in content


def test_a_holder_gets_403_on_the_dashboard_the_indicator_page_and_the_exports(
    client_for, plan, holder_a
):
    client = client_for(holder_a)
    for url in [
        reverse("actionplan:dashboard"),
        reverse("actionplan:export_csv"),
        reverse("actionplan:funding"),
        reverse("actionplan:review_queue"),
        reverse("actionplan:import_upload"),
    ]:
        assert client.get(url).status_code == 403, url
    assert client.get(reverse("actionplan:indicator_detail", args=["1.1-1"])).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in_from_the_plan(client, plan):
    assert client.get(reverse("actionplan:dashboard")).status_code == 302


def test_the_dashboard_filters_by_status_and_lifecycle(client_for, plan, officer):
    client = client_for(officer)
    tbd = client.get(reverse("actionplan:dashboard"), {"status": "tbd"}).content.decode()
    assert "4 indicateurs affichés" in tbd
    downstream = client.get(
        reverse("actionplan:dashboard"), {"lifecycle": "USAGE"}
    ).content.decode()
    assert 'id="action-3.7"' in downstream and 'id="action-3.1"' not in downstream


def test_the_dashboard_counts_indicators_per_status(client_for, plan, officer):
    content = client_for(officer).get(reverse("actionplan:dashboard")).content.decode()
    assert re.search(r"Objectif à définir</span>\s*<strong>4</strong>", content)


def test_the_indicator_page_shows_the_target_in_words_the_source_and_the_chart(
    client_for, jobs, officer, second_officer, run_outbox
):
    measurement = measurement_create(
        actor=officer, indicator=jobs, date=date(2025, 12, 31), value=Decimal(26400), source="Insee"
    )
    from actionplan.services import measurement_approve

    measurement_approve(actor=second_officer, measurement=measurement)
    run_outbox()
    content = (
        client_for(officer)
        .get(reverse("actionplan:indicator_detail", args=["1.1-1"]))
        .content.decode()
    )
    assert "De 25\u00a0000 emplois en 2023 à 30\u00a0000 emplois en 2030" in content
    assert "Plan d’actions de la Région Hauts-de-France pour l’industrie circulaire" in content
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in content and "<title id=" in content
    assert "26\u00a0400 emplois" in content
    assert "31/12/2025" in content


def test_recording_a_measurement_through_the_form(client_for, partnerships, officer):
    response = client_for(officer).post(
        reverse("actionplan:measurement_create", args=["1.2-1"]),
        {"date": "2026-09-30", "value": "16", "source": "Bilan", "nature": "measured"},
    )
    assert response.status_code == 302
    assert Measurement.objects.get().status == MeasurementStatus.PENDING


def test_a_bad_measurement_is_refused_next_to_its_field_and_nothing_is_saved(
    client_for, partnerships, officer
):
    response = client_for(officer).post(
        reverse("actionplan:measurement_create", args=["1.2-1"]),
        {"date": "2026-02-31", "value": "seize", "source": "", "nature": "measured"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert content.count('class="errorlist"') >= 3
    assert not Measurement.objects.exists()


def test_a_disguised_evidence_file_is_refused(client_for, partnerships, officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile(
        "bilan.pdf", b"MZ\x90\x00 this is an executable", content_type="application/pdf"
    )
    response = client_for(officer).post(
        reverse("actionplan:measurement_create", args=["1.2-1"]),
        {
            "date": "2026-09-30",
            "value": "16",
            "source": "Bilan",
            "nature": "measured",
            "evidence": fake,
        },
    )
    assert "type accepté" in response.content.decode()
    assert not Measurement.objects.exists()


def test_the_approval_queue_approves_and_returns_with_a_comment(
    client_for, partnerships, officer, second_officer
):
    first = measurement_create(
        actor=officer, indicator=partnerships, date=date(2026, 6, 30), value=Decimal(8), source="A"
    )
    second = measurement_create(
        actor=officer, indicator=partnerships, date=date(2026, 9, 30), value=Decimal(9), source="B"
    )
    client = client_for(second_officer)
    client.post(reverse("actionplan:measurement_review", args=[first.pk]), {"decision": "approve"})
    client.post(
        reverse("actionplan:measurement_review", args=[second.pk]),
        {"decision": "return", "comment": "Source ?"},
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status, second.review_comment) == (
        "approved",
        "returned",
        "Source ?",
    )


def test_the_author_cannot_approve_through_the_queue(client_for, partnerships, officer):
    measurement = measurement_create(
        actor=officer, indicator=partnerships, date=date(2026, 6, 30), value=Decimal(8), source="A"
    )
    response = client_for(officer).post(
        reverse("actionplan:measurement_review", args=[measurement.pk]), {"decision": "approve"}
    )
    assert response.status_code == 403
    measurement.refresh_from_db()
    assert measurement.status == "pending"


def test_the_csv_export_lists_every_indicator_with_its_status_in_french(client_for, plan, officer):
    response = client_for(officer).get(reverse("actionplan:export_csv"))
    text = response.getvalue().decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("Action;Code;Indicateur")
    assert len(lines) == 35
    assert "Objectif à définir" in text


def test_the_xlsx_export_opens_with_every_indicator(client_for, plan, officer):
    import io

    from openpyxl import load_workbook

    response = client_for(officer).get(reverse("actionplan:export_xlsx"))
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert sheet.max_row == 35
    assert [cell.value for cell in sheet[2]][:2] == ["1.1", "1.1-1"]


def test_the_funding_page_shows_the_envelope_and_each_source(client_for, plan, committee_member):
    content = client_for(committee_member).get(reverse("actionplan:funding")).content.decode()
    # Exact amounts: a total rounded per row would not add up.
    assert "250\xa0000\xa0000 €" in content and "180\xa0000\xa0000 €" in content
    assert "FEAMPA" in content


def test_an_officer_sets_the_owner_and_tolerance_of_an_indicator(
    client_for, partnerships, officer, second_officer
):
    response = client_for(officer).post(
        reverse("actionplan:indicator_settings", args=["1.2-1"]),
        {"owner": second_officer.pk, "frequency": "monthly", "tolerance": "5"},
    )
    assert response.status_code == 302
    partnerships.refresh_from_db()
    assert (partnerships.owner, partnerships.frequency, partnerships.tolerance) == (
        second_officer,
        "monthly",
        5,
    )


def test_a_negative_tolerance_is_refused_and_nothing_changes(client_for, partnerships, officer):
    response = client_for(officer).post(
        reverse("actionplan:indicator_settings", args=["1.2-1"]),
        {"frequency": "monthly", "tolerance": "-3"},
    )
    assert 'class="errorlist"' in response.content.decode()
    partnerships.refresh_from_db()
    assert partnerships.frequency == "quarterly"


def test_a_committee_member_cannot_change_indicator_settings(
    client_for, partnerships, committee_member
):
    response = client_for(committee_member).post(
        reverse("actionplan:indicator_settings", args=["1.2-1"]),
        {"frequency": "monthly", "tolerance": "5"},
    )
    assert response.status_code == 403


def test_an_officer_records_a_funding_commitment_and_the_page_adds_it_up(client_for, plan, officer):
    from actionplan.models import Action, FundingSource

    client = client_for(officer)
    response = client.post(
        reverse("actionplan:funding"),
        {
            "source": FundingSource.objects.get(code="ftj").pk,
            "action": Action.objects.get(code="3.1").pk,
            "amount": "12000000",
            "date": "2026-06-30",
            "label": "Démonstrateur de recyclage",
        },
    )
    assert response.status_code == 302
    assert "12\xa0000\xa0000 €" in client.get(reverse("actionplan:funding")).content.decode()


def test_a_commitment_without_amount_is_refused_next_to_the_field(client_for, plan, officer):
    response = client_for(officer).post(
        reverse("actionplan:funding"), {"label": "x", "date": "2026-06-30"}
    )
    assert 'class="errorlist"' in response.content.decode()


def test_a_committee_member_sees_funding_but_cannot_record_a_commitment(
    client_for, plan, committee_member
):
    client = client_for(committee_member)
    assert (
        "Enregistrer un engagement"
        not in client.get(reverse("actionplan:funding")).content.decode()
    )
    assert client.post(reverse("actionplan:funding"), {"label": "x"}).status_code == 403


def test_an_officer_attributes_lifecycle_tags_and_the_flag_is_settled(client_for, plan, officer):
    from actionplan.models import Action
    from core.models import DataFlag

    action = Action.objects.get(code="2.1")
    client_for(officer).post(
        reverse("actionplan:action_lifecycle", args=["2.1"]), {"tags": ["AMONT"]}
    )
    action.refresh_from_db()
    assert action.lifecycle == ["AMONT"]
    flag = DataFlag.objects.get(
        object_id=action.pk, code="lifecycle-unattributed", content_type__model="action"
    )
    assert flag.status == DataFlag.Status.CONFIRMED and flag.resolved_by == officer


def test_a_committee_member_cannot_set_lifecycle_tags(client_for, plan, committee_member):
    response = client_for(committee_member).post(
        reverse("actionplan:action_lifecycle", args=["2.1"]), {"tags": ["AMONT"]}
    )
    assert response.status_code == 403


def test_the_history_reads_as_french_sentences_not_raw_audit_diffs(
    client_for, partnerships, officer, second_officer, run_outbox
):
    measurement = measurement_create(
        actor=officer,
        indicator=partnerships,
        date=date(2026, 9, 30),
        value=Decimal(16),
        territory="62",
        source="Bilan",
    )
    measurement_approve(actor=second_officer, measurement=measurement, comment="Conforme")
    run_outbox()
    content = (
        client_for(officer)
        .get(reverse("actionplan:indicator_detail", args=[partnerships.code]))
        .content.decode()
    )
    history = content[content.index('id="history-title"') :]
    assert "Saisie de la mesure du 30/09/2026, 16 partenariats, Pas-de-Calais" in history
    assert "Approbation de la mesure du 30/09/2026" in history and "Conforme" in history
    for raw in ("current_is_demo", "series_points", "2026-09-30", "None"):
        assert raw not in history


def test_the_approval_queue_shows_the_territory_and_the_evidence(
    client_for, partnerships, officer, second_officer
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    measurement_create(
        actor=officer,
        indicator=partnerships,
        date=date(2026, 9, 30),
        value=Decimal(4),
        territory="Pas-de-Calais",
        source="Bilan",
        evidence=SimpleUploadedFile("bilan.pdf", b"%PDF-1.4 bilan"),
    )
    content = client_for(second_officer).get(reverse("actionplan:review_queue")).content.decode()
    assert "Pas-de-Calais" in content and "Ouvrir le justificatif" in content
