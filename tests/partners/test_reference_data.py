from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse

from core.models import DataFlag
from partners.models import Convention, Event, FollowedProject, Theme


@pytest.fixture
def register(db):
    call_command("load_reference_data", stdout=StringIO())
    return Convention.objects.get(code="team2-cabbalr")


def test_the_convention_is_transcribed_with_its_dates_and_wording(register):
    assert register.deliberation_date.isoformat() == "2024-06-25"
    assert register.received_at_prefecture.isoformat() == "2024-07-11"
    assert register.published_on.isoformat() == "2024-07-12"
    assert register.notification_date is None and register.end_date is None
    assert (
        register.duration_months == 36
        and "à compter de sa notification" in register.duration_wording
    )
    assert not register.financial_commitment
    assert "sans engagement financier" in register.financial_wording
    assert "deux mois" in register.appeal_wording and "avenant" in register.amendment_wording
    assert [a.number for a in register.actions.all()] == [1, 2, 3]


def test_the_annex_themes_projects_and_hub_deliverables_are_loaded(register):
    assert set(Theme.objects.exclude(domain="").values_list("domain", flat=True)) == {
        "metaux",
        "organiques",
        "mineraux",
        "equipementiers",
    }
    holders = set(FollowedProject.objects.values_list("holder__name", flat=True))
    assert {"MECAWARE", "JB Développement", "HUBERPLAST", "Université d'Artois"} <= holders
    assert register.actions.get(number=3).deliverables.count() == 4


def test_the_events_keep_their_dates_places_and_participants(register):
    peer_review = Event.objects.get(place="Lille")
    assert (peer_review.starts_on.isoformat(), peer_review.ends_on.isoformat()) == (
        "2025-07-29",
        "2025-07-30",
    )
    magnets = Event.objects.get(starts_on__year=2025, starts_on__month=11)
    assert magnets.participant_count == 110


def test_what_the_texts_leave_open_is_flagged_with_its_wording(register):
    codes = set(
        DataFlag.objects.filter(content_type__app_label="partners").values_list("code", flat=True)
    )
    assert {
        "notification-date-missing",
        "five-axes-four-domains",
        "hub-start-missing",
        "two-titles",
        "objectives-convention-missing",
        "qualified-persons-unnamed",
        "reporting-cadence-reading",
        "club-proposed",
        "prefigure-or-set-up",
        "same-organisation-spellings",
    } <= codes


def test_the_signatory_is_not_asked_about_since_the_deliberation_authorises_the_vice_president(
    register, officer
):
    # An earlier load asked whether the Vice-President could sign: the deliberation answers.
    content_type = ContentType.objects.get_for_model(Convention)
    DataFlag.objects.create(
        content_type=content_type,
        object_id=register.pk,
        code="representative-differs-from-signatory",
        message="à confirmer (délégation de signature)",
    )
    call_command("load_reference_data", stdout=StringIO())
    assert not DataFlag.objects.filter(code="representative-differs-from-signatory").exists()
    authorisation = register.statements.get(label="Signature autorisée")
    assert "le Vice-président délégué ou le Conseiller délégué à signer" in (
        authorisation.source_wording
    )


def test_the_reciprocal_commitments_committee_and_clauses_are_on_the_convention_page(
    register, client_for, committee_member
):
    page = client_for(committee_member).get(
        reverse("partners:convention_detail", args=[register.pk])
    )
    text = page.content.decode()
    for wording in [
        "Mobiliser les moyens nécessaires au développement des différents partenariats",
        "Porter à la connaissance de chaque partie l&#x27;état d&#x27;avancement des projets",
        "Rendre compte à échéance régulière dans l&#x27;instance de gouvernance",
        "Prévenir sans délai l&#x27;autre partie de toute difficulté",
        "conventions d&#x27;objectifs annuelles",
        "ainsi que de personnalités qualifiées",
        "organe de concertation entre les parties",
        "faire apparaître le partenariat suivant, sur tous les médias",
        "le Tribunal administratif de Lille est compétent",
        "mettre en place un stock tampon",
    ]:
        assert wording in text, wording


def test_the_api_gives_the_convention_its_passages_with_their_citation(
    register, client_for, officer
):
    body = client_for(officer).get(f"/api/conventions/{register.pk}/").json()
    commitments = [s for s in body["statements"] if s["section"] == "commitments"]
    assert len(commitments) == 8
    assert commitments[0]["source"]["date"] == "25 juin 2024"
    assert body["source"]["issuer"].startswith("Communauté d'agglomération de Béthune-Bruay")


def test_loading_twice_changes_nothing(register):
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    assert "Reference data loaded: 0 rows created or updated." in out.getvalue()
