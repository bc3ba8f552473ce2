from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from partners.models import Meeting, MeetingKind, ObligationNotice, Person, ProjectStatus
from partners.selectors import convention_obligations
from partners.services import (
    convention_set_notification_date,
    meeting_record,
    obligation_notices_send,
    project_update_record,
)


def _meeting(actor, convention, **changes):
    values = {
        "kind": MeetingKind.FOLLOW_UP_COMMITTEE,
        "date": date(2024, 11, 5),
        "place": "Béthune",
        **changes,
    }
    return meeting_record(actor=actor, convention=convention, **values)


def test_entering_the_notification_date_computes_the_end_and_settles_its_flag(convention, officer):
    from core.models import DataFlag

    convention_set_notification_date(
        actor=officer, convention=convention, notification_date=date(2024, 10, 1)
    )
    assert convention.end_date == date(2027, 10, 1)
    flag = DataFlag.objects.get(code="notification-date-missing")
    assert flag.status == DataFlag.Status.CONFIRMED


def test_a_partner_of_the_party_records_a_meeting_with_its_attendance(
    convention, team2_contributor, heymans
):
    meeting = _meeting(team2_contributor, convention, attendees=[heymans])
    assert list(meeting.attendees.all()) == [heymans]
    assert heymans.organisation in meeting.organisations.all()


def test_a_partner_of_another_organisation_cannot_record_anything(convention, other_contributor):
    with pytest.raises(PermissionDenied):
        _meeting(other_contributor, convention)
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("date", {"date": date(2023, 1, 10)}),  # before the convention
        ("date", {"date": date(2099, 1, 1)}),
        ("minutes_date", {"minutes_date": date(2099, 1, 1)}),  # minutes dated in the future
        ("minutes_date", {"minutes_date": date(2024, 11, 1)}),  # before the meeting itself
        ("attendees", {"attendees": [Person(pk=999_999, full_name="Inconnu")]}),
    ],
)
def test_bad_meeting_input_gets_a_clear_message_and_saves_nothing(
    convention, officer, field, changes
):
    with pytest.raises(ValidationError) as refused:
        _meeting(officer, convention, **changes)
    assert field in refused.value.message_dict
    assert not Meeting.objects.exists()


def test_a_project_update_joins_its_history_and_sets_the_status(convention, team2_contributor):
    project = convention.actions.get(number=1).projects.get(holder__name="MECAWARE")
    project_update_record(
        actor=team2_contributor,
        project=project,
        date=date(2025, 3, 1),
        status=ProjectStatus.FUNDING_SOUGHT,
        note="Dossier FTJ déposé.",
        next_step="Décision du comité FTJ",
    )
    project.refresh_from_db()
    assert project.status == ProjectStatus.FUNDING_SOUGHT
    assert project.updates.get().note == "Dossier FTJ déposé."


def test_officers_are_told_once_per_obligation_and_event(convention, officer):
    today = timezone.localdate()
    convention.notification_date = today - timedelta(days=200)  # a semester already ended
    convention.save()
    for _run in range(2):
        obligation_notices_send(
            conventions=[convention],
            obligations_of=lambda c: convention_obligations(c, today=today),
        )
    from core.outbox import outbox_drain

    outbox_drain()
    missed = ObligationNotice.objects.filter(event=ObligationNotice.Event.MISSED)
    assert missed.filter(obligation="committee-semester-1").count() == 1
    subjects = [m.subject for m in mail.outbox if officer.email in m.to]
    assert sum("Comité de suivi du semestre 1" in s for s in subjects) == 1


def test_a_notification_before_the_deliberation_became_executory_is_refused(convention, officer):
    assert convention.executory_date == date(2024, 7, 12)  # received 11/07, published 12/07
    with pytest.raises(ValidationError) as refused:
        convention_set_notification_date(
            actor=officer, convention=convention, notification_date=date(2024, 7, 11)
        )
    assert "exécutoire, le 12/07/2024" in str(refused.value.message_dict["notification_date"])
    convention.refresh_from_db()
    assert convention.notification_date is None
    convention_set_notification_date(
        actor=officer, convention=convention, notification_date=date(2024, 7, 12)
    )


def test_a_committee_counts_only_when_every_party_was_represented(client_for, convention, officer):
    convention.notification_date = date(2024, 10, 1)
    convention.save()
    heymans = Person.objects.get(full_name="Frédéric Heymans")  # TEAM2
    gacquerre = Person.objects.get(full_name="Olivier Gacquerre")  # the agglomeration
    alone = _meeting(officer, convention, date=date(2024, 11, 5), attendees=[heymans])
    today = date(2025, 4, 2)
    calendar = {o.key: o for o in convention_obligations(convention, today=today)}
    assert calendar["committee-semester-1"].state == "missed"
    page = client_for(officer).get(f"/partenaires/conventions/{convention.pk}/").content.decode()
    assert "Ne compte pas comme comité de suivi" in page
    meeting_record(
        actor=officer,
        convention=convention,
        meeting=alone,
        kind=MeetingKind.FOLLOW_UP_COMMITTEE,
        date=date(2024, 11, 5),
        place="Béthune",
        attendees=[heymans, gacquerre],
    )
    calendar = {o.key: o for o in convention_obligations(convention, today=today)}
    assert calendar["committee-semester-1"].state == "met"


def test_the_reports_bulk_reading_of_obligations_says_what_each_convention_says(
    convention, officer
):
    from partners.selectors import conventions_obligations

    convention.notification_date = date(2024, 10, 1)
    convention.save()
    heymans = Person.objects.get(full_name="Frédéric Heymans")  # TEAM2
    gacquerre = Person.objects.get(full_name="Olivier Gacquerre")  # the agglomeration
    _meeting(officer, convention, date=date(2024, 11, 5), attendees=[heymans])  # not counted
    _meeting(officer, convention, date=date(2025, 5, 5), attendees=[heymans, gacquerre])
    _meeting(officer, convention, kind=MeetingKind.CLUB, date=date(2025, 2, 5))
    for today in (date(2025, 4, 2), date(2025, 9, 1), date(2026, 6, 1)):
        one_by_one = convention_obligations(convention, today=today)
        assert conventions_obligations([convention], today=today)[convention.pk] == one_by_one
    assert {o.state for o in one_by_one} >= {"met", "missed"}


def test_the_reports_partners_section_reads_as_many_queries_for_one_convention_as_for_five(
    convention, officer
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from partners.models import Convention
    from partners.report import build_section

    with CaptureQueriesContext(connection) as one:
        build_section(date(2026, 7, 1), date(2026, 9, 30))
    for number in range(4):
        copy = Convention.objects.get(pk=convention.pk)
        copy.pk, copy.code = None, f"copie-{number}"
        copy.save()
    with CaptureQueriesContext(connection) as five:
        section = build_section(date(2026, 7, 1), date(2026, 9, 30))
    assert len(section["conventions"]) == 5
    assert len(five) == len(one)


def test_the_convention_pages_calendar_is_the_one_read_on_its_own(convention, officer):
    from partners.selectors import (
        convention_calendar,
        convention_detail_for_user,
        convention_meetings,
    )
    from partners.services import meeting_record

    parties = [party.organisation for party in convention.parties.all()]
    for day, present in ((10, parties), (11, parties[:1])):
        meeting_record(
            actor=officer,
            convention=convention,
            kind="committee",
            date=date(2025, 1, day),
            place="Béthune",
            attendees=[],
            organisations=present,
        )
    today = date(2025, 6, 1)
    detailed = convention_detail_for_user(officer, convention.pk)
    meetings = convention_meetings(detailed)
    assert convention_calendar(detailed, today=today, meetings=meetings) == convention_calendar(
        convention, today=today
    )
    _obligations, missing = convention_calendar(convention, today=today)
    assert sorted(len(names) for names in missing.values()) == [0, len(parties) - 1]
