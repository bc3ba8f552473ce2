"""The AMI section of the steering report: bounded to its period, consistent with the portal."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string

from ami.report import build_section
from ami.services import dossier_submit, dossier_transition
from core.templatetags.portal import local_datetime, quantity, short_date
from tests.ami_fixtures import make_dossier

PARIS = ZoneInfo("Europe/Paris")


def test_the_section_counts_what_stood_at_the_period_end_and_lists_the_periods_retained(
    draft_a, holder_a, holder_b, officer, pmcb_phase, time_machine
):
    time_machine.move_to(datetime(2026, 8, 10, 10, tzinfo=PARIS), tick=False)
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    dossier_transition(actor=officer, dossier=draft_a, event="start_review")
    dossier_transition(actor=officer, dossier=draft_a, event="retain", reason="Structurant.")
    later = make_dossier(holder_b, pmcb_phase, title="Déposé après")
    time_machine.move_to(datetime(2026, 10, 5, 10, tzinfo=PARIS), tick=False)
    dossier_submit(actor=holder_b, dossier_pk=later.pk)

    q3 = build_section(date(2026, 7, 1), date(2026, 9, 30))
    pmcb = next(row for row in q3["phases"] if row["submitted_total"])
    assert (pmcb["submitted_in_period"], pmcb["submitted_total"], pmcb["in_instruction"]) == (
        1,
        1,
        0,
    )
    assert dict(pmcb["decided"])["Retenu"] == 1
    assert [d["reference"] for d in q3["retained"]] == [draft_a.reference]

    q4 = build_section(date(2026, 10, 1), date(2026, 12, 31))
    pmcb = next(row for row in q4["phases"] if row["submitted_total"])
    assert (pmcb["submitted_in_period"], pmcb["submitted_total"], pmcb["in_instruction"]) == (
        1,
        2,
        1,
    )
    assert q4["retained"] == []  # retained in Q3, not again in Q4


def test_a_closing_at_midnight_in_paris_is_shown_as_that_day_not_the_utc_day_before():
    closing = datetime(2028, 7, 1, 0, 0, tzinfo=PARIS).isoformat()
    assert short_date(closing) == "01/07/2028"
    assert local_datetime(closing) == "01/07/2028 à 00:00"


def test_an_expected_count_is_a_whole_number():
    assert quantity("17.46", "partenariats") == "17 partenariats"
    assert quantity("4500.5", "m²").replace("\xa0", " ") == "4 500,50 m²"


def test_the_section_says_demo_where_demo_dossiers_appear():
    html = render_to_string(
        "ami/report_section.html",
        {
            "section_id": "ami",
            "section": {
                "phases": [],
                "retained_in_pdf": [
                    {
                        "reference": "AMI-PMCB-2026-0001",
                        "title": "Matériauthèque",
                        "organisation": "Recyclerie",
                        "call": "PMCB",
                        "decided_at": "2026-08-10T08:00:00+00:00",
                        "is_demo": True,
                    }
                ],
                "retained_beyond_pdf": 0,
                "upcoming": [],
            },
        },
    )
    assert "démo" in html
