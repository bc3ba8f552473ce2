"""Partners see partners: a contributor's pages and choice lists name only the organisations
and people tied to their own conventions, never the rest of the register (AMI applicants)."""

from datetime import date

import pytest
from django.urls import reverse

from accounts.models import OrganisationType
from accounts.services import organisation_create
from partners.models import Deliverable, Meeting, Person
from partners.services import meeting_record, person_create

CANARY_ORGANISATION = "Canari Réemploi SAS"
CANARY_PERSON = "Zoé Canari"


@pytest.fixture
def applicant(convention):
    """An organisation that applied to a call and has nothing to do with the convention."""
    organisation = organisation_create(
        actor=None,
        name=CANARY_ORGANISATION,
        kind=OrganisationType.COMPANY,
        identifier="732829320",
    )
    Person.objects.create(full_name=CANARY_PERSON, organisation=organisation)
    return organisation


@pytest.fixture
def recorded_meeting(convention, officer, heymans):
    return meeting_record(
        actor=officer,
        convention=convention,
        kind="club",
        date=date(2025, 2, 12),
        place="Bruay-La-Buissière",
        attendees=[heymans],
    )


def _every_partners_page(convention, meeting):
    project = convention.actions.get(number=1).projects.first()
    deliverable = Deliverable.objects.filter(action__convention=convention).first()
    pages = [
        reverse("partners:convention_list"),
        reverse("partners:convention_detail", args=[convention.pk]),
        reverse("partners:meeting_create", args=[convention.pk]),
        reverse("partners:meeting_edit", args=[convention.pk, meeting.pk]),
        reverse("partners:person_add", args=[convention.pk]),
        reverse("partners:project_detail", args=[project.pk]),
        reverse("partners:event_list"),
        "/api/conventions/",
        f"/api/conventions/{convention.pk}/",
        f"/api/conventions/{convention.pk}/meetings/",
        f"/api/conventions/{convention.pk}/obligations/",
        "/api/convention-actions/",
        "/api/followed-projects/",
        "/api/events/",
    ]
    # The meeting form's search as you type, asked for the canary by name.
    for field in ("attendees", "organisations"):
        choices = reverse("partners:meeting_choices", args=[convention.pk, field])
        pages += [f"{choices}?q=Canari", f"{choices}?q=Zo%C3%A9"]
    if deliverable is not None:
        pages.append(reverse("partners:deliverable_edit", args=[deliverable.pk]))
    return pages


def test_no_partners_page_shows_a_contributor_an_organisation_outside_their_conventions(
    client_for, convention, team2_contributor, applicant, recorded_meeting
):
    client = client_for(team2_contributor)
    for url in _every_partners_page(convention, recorded_meeting):
        response = client.get(url)
        assert response.status_code in (200, 403), url
        content = response.content.decode()
        assert CANARY_ORGANISATION not in content, url
        assert CANARY_PERSON not in content, url


def _search(client, convention, field, query):
    url = reverse("partners:meeting_choices", args=[convention.pk, field])
    return [row["label"] for row in client.get(url, {"q": query}).json()["results"]]


def test_an_officer_chooses_from_the_whole_register(client_for, convention, officer, applicant):
    # The same search shows the officer what it hides from the contributor: the sweep above
    # can fail.
    client = client_for(officer)
    assert _search(client, convention, "organisations", "Canari") == [CANARY_ORGANISATION]
    assert _search(client, convention, "attendees", "Canari") == [
        f"{CANARY_PERSON} ({CANARY_ORGANISATION})"
    ]


def test_the_contributor_still_chooses_among_the_parties_and_their_people(
    client_for, convention, team2_contributor, heymans
):
    client = client_for(team2_contributor)
    assert "TEAM2" in _search(client, convention, "organisations", "TEAM2")
    assert str(heymans) in _search(client, convention, "attendees", "Heymans")


def test_a_contributor_cannot_name_an_outside_person_or_organisation_even_by_its_number(
    client_for, convention, team2_contributor, applicant
):
    outsider = Person.objects.get(full_name=CANARY_PERSON)
    client = client_for(team2_contributor)
    page = client.post(
        reverse("partners:meeting_create", args=[convention.pk]),
        {"kind": "club", "date": "2025-02-12", "place": "Béthune", "attendees": [outsider.pk]},
    )
    assert page.status_code == 200 and not Meeting.objects.exists()
    api = client.post(
        f"/api/conventions/{convention.pk}/meetings/",
        {"kind": "club", "date": "2025-02-12", "place": "Béthune", "attendees": [outsider.pk]},
        content_type="application/json",
    )
    assert api.status_code == 400 and "attendees" in api.json()
    assert not Meeting.objects.exists()
    with pytest.raises(Exception) as refused:
        person_create(
            actor=team2_contributor,
            convention=convention,
            organisation=applicant,
            full_name="Quelqu'un",
        )
    assert "organisation" in str(refused.value)
    assert not Person.objects.filter(full_name="Quelqu'un").exists()
