from datetime import date

import pytest
from django.urls import reverse

from partners.models import Meeting


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
