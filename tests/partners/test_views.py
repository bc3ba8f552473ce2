from datetime import date

import pytest
from django.urls import reverse

from accounts.models import Organisation
from partners.models import Meeting, Person


def _urls(convention):
    project = convention.actions.get(number=1).projects.first()
    return [
        reverse("partners:convention_detail", args=[convention.pk]),
        reverse("partners:meeting_create", args=[convention.pk]),
        reverse("partners:project_detail", args=[project.pk]),
        f"/api/conventions/{convention.pk}/",
        f"/api/conventions/{convention.pk}/obligations/",
        f"/api/conventions/{convention.pk}/meetings/",
    ]


def test_a_partner_of_another_organisation_gets_404_on_every_record_of_the_convention(
    client_for, convention, other_contributor
):
    client = client_for(other_contributor)
    for url in _urls(convention):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("persona", ["holder_a"])
def test_holders_see_nothing_of_the_partnerships(client_for, request, persona, convention):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("partners:convention_list")).status_code == 403
    for url in _urls(convention):
        assert client.get(url).status_code in (403, 404), url
    assert client.get("/api/events/").status_code == 403


def test_a_committee_member_reads_but_records_nothing(client_for, convention, committee_member):
    client = client_for(committee_member)
    assert (
        client.get(reverse("partners:convention_detail", args=[convention.pk])).status_code == 200
    )
    assert client.get(reverse("partners:meeting_create", args=[convention.pk])).status_code == 403


def test_the_convention_page_says_the_calendar_waits_for_the_notification_date(
    client_for, convention, officer
):
    content = (
        client_for(officer)
        .get(reverse("partners:convention_detail", args=[convention.pk]))
        .content.decode()
    )
    assert "incalculable tant que la date de notification" in content
    assert "11/07/2024" in content and "12/07/2024" in content


def test_a_partner_records_a_meeting_through_the_page(
    client_for, convention, team2_contributor, heymans
):
    response = client_for(team2_contributor).post(
        reverse("partners:meeting_create", args=[convention.pk]),
        {
            "kind": "club",
            "date": "2025-02-12",
            "place": "Bruay-La-Buissière",
            "attendees": [heymans.pk],
        },
    )
    assert response.status_code == 302
    assert Meeting.objects.get().date == date(2025, 2, 12)


def test_a_future_minutes_date_is_refused_next_to_its_field(client_for, convention, officer):
    response = client_for(officer).post(
        reverse("partners:meeting_create", args=[convention.pk]),
        {
            "kind": "committee",
            "date": "2025-02-12",
            "place": "Béthune",
            "minutes_date": "2099-01-01",
        },
    )
    assert response.status_code == 200
    assert 'href="#id_minutes_date"' in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_address_the_readme_gives_leads_to_the_conventions(client_for, convention, officer):
    response = client_for(officer).get("/partenaires/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("partners:convention_list")


def test_the_events_list_shows_a_page_at_a_time_in_the_same_queries_however_many_events(
    client_for, officer, convention
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from partners.models import Event

    client = client_for(officer)
    url = reverse("partners:event_list")
    client.get(url)  # the session's first request does more than any later one
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for day in range(1, 41):
        Event.objects.create(
            title=f"Atelier {day}",
            starts_on=date(2026, 1, day % 28 + 1),
            ends_on=date(2026, 1, day % 28 + 1),
            place="Béthune",
        )
    with CaptureQueriesContext(connection) as many:
        first = client.get(url).content.decode()
    assert len(many) <= len(few)  # fewer when no event of the page names an organisation
    assert first.count('<section class="panel"') == 25
    assert "?page=2" in first
    second = client.get(url, {"page": 2}).content.decode()
    assert 0 < second.count('<section class="panel"') <= 25


def test_the_meetings_of_a_convention_come_a_page_at_a_time_through_the_api(
    client_for, officer, convention
):
    from partners.models import MeetingKind

    for day in range(60):
        Meeting.objects.create(
            convention=convention,
            kind=MeetingKind.values[0],
            date=date(2025, 1, 1) + (date(2025, 1, 2) - date(2025, 1, 1)) * day,
            place="Béthune",
            recorded_by=officer,
        )
    answer = client_for(officer).get(f"/api/conventions/{convention.pk}/meetings/").json()
    assert answer["count"] == Meeting.objects.filter(convention=convention).count()
    assert len(answer["results"]) == 50 and answer["next"]
    assert answer["results"][0]["date"] >= answer["results"][-1]["date"]  # the latest first


def _choices(client, convention, field, **query):
    url = reverse("partners:meeting_choices", args=[convention.pk, field])
    return client.get(url, query)


def _many_people(count):
    organisation = Organisation.objects.create(name="Cabinet Dupont & associés")
    # Volume for the test, not records an officer made: written past the audit trail.
    Person._base_manager.bulk_create(
        Person(full_name=f"Martine Dupont {n:04d}", organisation=organisation, email="")
        for n in range(count)
    )
    return organisation


def test_the_meeting_form_lists_only_who_is_chosen_however_many_people_are_in_the_register(
    client_for, convention, officer
):
    client = client_for(officer)
    url = reverse("partners:meeting_create", args=[convention.pk])
    before = client.get(url).content.decode()
    _many_people(600)
    after = client.get(url).content.decode()
    assert "Martine Dupont" not in after
    # The page does not grow with the register: a search box, not one box per person.
    assert abs(len(after) - len(before)) < 200
    assert 'type="search"' in after and 'name="attendees__q"' in after


def test_a_search_finds_people_by_each_word_a_page_at_a_time(client_for, convention, officer):
    _many_people(45)
    client = client_for(officer)
    first = _choices(client, convention, "attendees", q="dupont cabinet").json()
    assert len(first["results"]) == 20 and first["more"] is True
    assert first["results"][0]["label"] == "Martine Dupont 0000 (Cabinet Dupont & associés)"
    third = _choices(client, convention, "attendees", q="dupont cabinet", page=3).json()
    assert len(third["results"]) == 5 and third["more"] is False
    assert (
        _choices(client, convention, "attendees", q="Heymans")
        .json()["results"][0]["label"]
        .startswith("Frédéric Heymans")
    )
    assert _choices(client, convention, "attendees", q="").json()["results"] == []


def test_the_search_answers_in_the_same_queries_whatever_the_size_of_the_register(
    client_for, convention, officer
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(officer)
    _choices(client, convention, "attendees", q="dupont")
    with CaptureQueriesContext(connection) as few:
        _choices(client, convention, "attendees", q="dupont")
    _many_people(300)
    with CaptureQueriesContext(connection) as many:
        answer = _choices(client, convention, "attendees", q="dupont").json()
    assert len(answer["results"]) == 20
    assert len(many) == len(few)


def test_a_contributor_finds_only_the_people_of_the_convention_and_a_stranger_nothing(
    client_for, convention, team2_contributor, other_contributor, holder_a
):
    _many_people(3)
    labels = [
        row["label"]
        for row in _choices(client_for(team2_contributor), convention, "attendees", q="e").json()[
            "results"
        ]
    ]
    assert labels and not any("Cabinet Dupont" in label for label in labels)
    assert (
        _choices(client_for(other_contributor), convention, "attendees", q="e").status_code == 404
    )
    assert _choices(client_for(holder_a), convention, "attendees", q="e").status_code in (403, 404)
    assert _choices(client_for(team2_contributor), convention, "place", q="e").status_code == 404


def test_without_javascript_search_shows_matches_keeps_what_was_typed_and_saves_nothing(
    client_for, convention, officer, heymans
):
    client = client_for(officer)
    url = reverse("partners:meeting_create", args=[convention.pk])
    searched = client.post(
        url,
        {
            "kind": "club",
            "place": "Béthune",
            "attendees": [heymans.pk],
            "organisations__q": "TEAM",
            "organisations__search": "1",
        },
    )
    page = searched.content.decode()
    assert searched.status_code == 200 and not Meeting.objects.exists()
    assert 'value="Béthune"' in page
    assert "Votre saisie comporte" not in page  # a search is not a submission
    assert f'value="{heymans.pk}" id="id_attendees_{heymans.pk}" checked' in page
    team2 = Organisation.objects.get(name="TEAM2")
    assert f'value="{team2.pk}" id="id_organisations_{team2.pk}">' in page  # offered, unticked
    saved = client.post(
        url,
        {
            "kind": "club",
            "date": "2025-02-12",
            "place": "Béthune",
            "attendees": [heymans.pk],
            "organisations": [team2.pk],
        },
    )
    assert saved.status_code == 302
    meeting = Meeting.objects.get()
    assert list(meeting.attendees.all()) == [heymans]
    assert list(meeting.organisations.all()) == [team2]


def test_the_convention_page_reads_in_the_same_queries_however_many_meetings_it_has(
    client_for, convention, officer, heymans
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from partners.services import meeting_record

    client = client_for(officer)
    url = reverse("partners:convention_detail", args=[convention.pk])
    parties = [party.organisation for party in convention.parties.all()]
    meeting_record(
        actor=officer,
        convention=convention,
        kind="committee",
        date=date(2025, 1, 10),
        place="Béthune",
        attendees=[heymans],
        organisations=parties,
    )
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for day in range(1, 25):
        meeting_record(
            actor=officer,
            convention=convention,
            kind="committee" if day % 2 else "club",
            date=date(2025, 3, day),
            place="Béthune",
            attendees=[heymans],
            organisations=parties[: day % 3],
        )
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert len(many) == len(few), [query["sql"][:80] for query in many.captured_queries]
    assert len(many) <= 12  # the pages' budget (core.bench.MAX_QUERIES), session included
    # Committees without every party still say so, now read with the rest of the calendar.
    assert "Ne compte pas comme comité de suivi" in page
    # Twenty-five meetings: twenty on the first page, the last five on the second.
    assert page.count("/reunions/") - page.count("/reunions/nouvelle/") == 20
    assert "?reunions=2" in page
    second = client.get(url, {"reunions": 2}).content.decode()
    assert second.count("/reunions/") - second.count("/reunions/nouvelle/") == 5
