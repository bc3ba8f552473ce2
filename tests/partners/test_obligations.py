"""The obligations calendar, counted from the notification date (pure rules)."""

from datetime import date

from partners.obligations import State, obligations

NOTIFIED = date(2024, 10, 1)


def _calendar(today, committees=(), clubs=(), hub_done_on=None, notified=NOTIFIED):
    return {
        o.key: o
        for o in obligations(
            notification_date=notified,
            duration_months=36,
            committees=list(committees),
            clubs=list(clubs),
            hub_done_on=hub_done_on,
            today=today,
        )
    }


def test_nothing_is_computed_while_the_notification_date_is_blank():
    calendar = _calendar(date(2025, 6, 1), notified=None)
    assert {o.state for o in calendar.values()} == {State.UNKNOWN}
    assert all(o.deadline is None for o in calendar.values())


def test_semesters_and_quarters_are_counted_from_the_notification():
    calendar = _calendar(date(2025, 1, 15))
    first = calendar["committee-semester-1"]
    assert (first.starts, first.last_day) == (date(2024, 10, 1), date(2025, 3, 31))
    second_quarter = calendar["club-quarter-2"]
    assert (second_quarter.starts, second_quarter.last_day) == (date(2025, 1, 1), date(2025, 3, 31))
    assert len([k for k in calendar if k.startswith("committee-semester")]) == 6
    assert len([k for k in calendar if k.startswith("club-quarter")]) == 12


def test_a_semester_without_a_committee_is_missed_and_one_with_a_committee_met():
    calendar = _calendar(date(2025, 10, 15), committees=[date(2025, 5, 20)])
    assert calendar["committee-semester-1"].state == State.MISSED
    assert calendar["committee-semester-2"].state == State.MET


def test_two_committees_in_the_same_semester_do_not_make_a_compliant_year():
    calendar = _calendar(date(2025, 10, 15), committees=[date(2024, 11, 5), date(2025, 2, 10)])
    year = calendar["committee-year-1"]
    assert year.held == 2
    assert year.state == State.MISSED


def test_a_year_with_one_committee_per_semester_is_compliant():
    calendar = _calendar(date(2025, 10, 15), committees=[date(2024, 11, 5), date(2025, 6, 10)])
    assert calendar["committee-year-1"].state == State.MET


def test_a_quarter_without_a_club_meeting_is_missed_and_the_next_one_shows_due_soon():
    calendar = _calendar(date(2025, 3, 10), clubs=[date(2024, 12, 5)])
    assert calendar["club-quarter-1"].state == State.MET
    assert calendar["club-quarter-2"].state == State.DUE_SOON  # ends 31/03, three weeks left
    later = _calendar(date(2025, 4, 2), clubs=[date(2024, 12, 5)])
    assert later["club-quarter-2"].state == State.MISSED


def test_the_innovation_hub_is_due_eighteen_months_after_the_notification():
    calendar = _calendar(date(2025, 6, 1))
    assert calendar["hub"].deadline == date(2026, 4, 1)
    assert calendar["hub"].state == State.IN_PROGRESS
    assert _calendar(date(2026, 4, 1))["hub"].state == State.MISSED
    done = _calendar(date(2026, 4, 1), hub_done_on=date(2026, 3, 20))
    assert done["hub"].state == State.MET


def test_the_convention_ends_three_years_after_its_notification():
    assert _calendar(date(2025, 6, 1))["end"].deadline == date(2027, 10, 1)
    assert _calendar(date(2027, 8, 1))["end"].state == State.DUE_SOON
    assert _calendar(date(2027, 10, 1))["end"].state == State.ENDED


def test_a_year_is_missed_as_soon_as_its_first_semester_passed_without_a_committee():
    # No committee from 01/10/2024 to 31/03/2025: year 1 cannot comply any more.
    calendar = _calendar(date(2025, 4, 2), committees=[])
    assert calendar["committee-semester-1"].state == State.MISSED
    assert calendar["committee-year-1"].state == State.MISSED
    # The day before the semester ends, the year is still in progress.
    assert _calendar(date(2025, 3, 31))["committee-year-1"].state == State.IN_PROGRESS
    # Held in the second semester only, still missed.
    late = _calendar(date(2025, 9, 1), committees=[date(2025, 5, 1), date(2025, 6, 1)])
    assert late["committee-year-1"].state == State.MISSED
