from io import StringIO

import pytest
from django.core.management import call_command

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
        "representative-differs-from-signatory",
        "five-axes-four-domains",
        "hub-start-missing",
    } <= codes


def test_loading_twice_changes_nothing(register):
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    assert "Reference data loaded: 0 rows created or updated." in out.getvalue()
