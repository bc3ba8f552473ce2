from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.urls import reverse

from actionplan.models import Report, ReportStatus
from actionplan.reports import build_snapshot, month_ends
from actionplan.selectors import series_by_indicator
from actionplan.services import (
    report_generate,
    report_request,
    report_schedule_last_quarter,
)
from core.pdf import render_html_to_pdf
from core.territories import Departement
from tests.actionplan.helpers import Q3_END, Q3_START
from tests.actionplan.helpers import approved as _approved
from tests.pdf import pdf_text


def _entry(snapshot, code):
    return next(
        indicator
        for axis in snapshot["axes"]
        for action in axis["actions"]
        for indicator in action["indicators"]
        if indicator["code"] == code
    )


def test_the_snapshot_taken_from_the_stored_series_matches_every_approved_measurement(
    partnerships, jobs, officer, second_officer, run_outbox
):
    for territory in ["", *Departement.values]:
        _approved(jobs, officer, second_officer, date(2026, 3, 31), 100, territory=territory)
    for territory in Departement.values:  # all five départements: they make the regional point
        _approved(jobs, officer, second_officer, date(2026, 6, 30), 30, territory=territory)
    _approved(jobs, officer, second_officer, date(2026, 8, 31), 50, territory="59")  # Nord alone
    _approved(partnerships, officer, second_officer, date(2026, 5, 31), 9)
    _approved(partnerships, officer, second_officer, date(2026, 8, 31), 16)
    _approved(partnerships, officer, second_officer, date(2026, 10, 31), 20)  # after the quarter
    run_outbox()  # the stored series are up to date

    snapshot = build_snapshot(Q3_START, Q3_END)

    computed = series_by_indicator([jobs, partnerships], until=Q3_END)
    for indicator in (jobs, partnerships):
        entry = _entry(snapshot, indicator.code)
        assert [
            (date.fromisoformat(day), Decimal(value), count)
            for day, value, count in entry["series"]
        ] == month_ends(computed[indicator.pk])
        assert entry["value_count"] == len(computed[indicator.pk])
    assert Decimal(_entry(snapshot, "1.2-1")["value"]) == 16
    assert _entry(snapshot, "1.1-1")["value_date"] == "2026-06-30"


def test_the_charts_points_are_the_figures_at_each_months_end_and_keep_the_latest():
    series = [
        (date(2026, 1, 10), Decimal(5), None),
        (date(2026, 1, 31), Decimal(7), None),
        (date(2026, 2, 15), Decimal(9), None),
        (date(2027, 2, 1), Decimal(11), None),  # the same month of another year
    ]
    assert month_ends(series) == [series[1], series[2], series[3]]
    assert month_ends([]) == []


def test_a_value_approved_just_before_the_snapshot_counts_before_its_refresh_has_run(
    partnerships, officer, second_officer, run_outbox
):
    _approved(partnerships, officer, second_officer, date(2026, 8, 31), 16)
    run_outbox()
    _approved(partnerships, officer, second_officer, date(2026, 9, 15), 25)  # refresh still queued

    entry = _entry(build_snapshot(Q3_START, Q3_END), "1.2-1")

    assert Decimal(entry["value"]) == 25 and entry["value_date"] == "2026-09-15"
    assert [day for day, _value, _count in entry["series"]] == ["2026-08-31", "2026-09-15"]


def test_a_latest_value_entered_for_the_demonstration_is_marked_as_such(
    partnerships, jobs, officer, second_officer, run_outbox
):
    _approved(partnerships, officer, second_officer, date(2026, 7, 31), 12)
    _approved(partnerships, officer, second_officer, date(2026, 8, 31), 16, is_demo=True)
    _approved(jobs, officer, second_officer, date(2026, 7, 31), 900, is_demo=True)
    _approved(jobs, officer, second_officer, date(2026, 8, 31), 1000)
    run_outbox()

    snapshot = build_snapshot(Q3_START, Q3_END)

    assert _entry(snapshot, "1.2-1")["is_demo"] is True
    assert _entry(snapshot, "1.1-1")["is_demo"] is False


def test_the_pdf_names_every_action_and_the_quarter_in_french(q3_report):
    text = pdf_text(layout=True, content=q3_report.pdf.read())
    assert "3e trimestre 2026" in text
    for code in ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4"] + [
        f"3.{n}" for n in range(1, 8)
    ]:
        assert f"{code} " in text, code
    assert "Deux conventions CIFRE signées" in text
    assert "Page 2 sur" in text
    assert q3_report.page_count > 10 and q3_report.pdf_size > 0 and len(q3_report.pdf_sha256) == 64


def test_the_snapshot_is_frozen_against_later_measurements(
    q3_report, partnerships, officer, second_officer
):
    _approved(partnerships, officer, second_officer, date(2026, 9, 15), 25)
    figures = q3_report.snapshot
    q3_report.status = ReportStatus.FAILED  # re-render from the stored snapshot, as a retry would
    q3_report.save()
    report_generate(report_pk=q3_report.pk)
    q3_report.refresh_from_db()
    assert q3_report.snapshot == figures
    entry = next(
        i
        for a in figures["axes"]
        for ac in a["actions"]
        for i in ac["indicators"]
        if i["code"] == "1.2-1"
    )
    assert Decimal(entry["value"]) == 16
    assert "16 partenariats" in pdf_text(layout=True, content=q3_report.pdf.read()).replace(
        "\u202f", " "
    ).replace("\xa0", " ")


def test_a_new_version_takes_a_new_snapshot_with_the_later_values(
    q3_report, partnerships, officer, second_officer
):
    _approved(partnerships, officer, second_officer, date(2026, 9, 15), 25)
    version_2 = report_request(
        actor=officer, period_start=Q3_START, period_end=Q3_END, new_version=True
    )
    report_generate(report_pk=version_2.pk)
    version_2.refresh_from_db()
    assert version_2.version == 2
    entry = next(
        i
        for a in version_2.snapshot["axes"]
        for ac in a["actions"]
        for i in ac["indicators"]
        if i["code"] == "1.2-1"
    )
    assert Decimal(entry["value"]) == 25


def test_asking_twice_for_the_same_period_gives_the_same_report(plan, officer):
    first = report_request(actor=officer, period_start=Q3_START, period_end=Q3_END)
    assert report_request(actor=officer, period_start=Q3_START, period_end=Q3_END) == first


def test_the_scheduled_job_creates_exactly_one_report_per_quarter(plan, run_outbox):
    report, created = report_schedule_last_quarter(today=date(2026, 10, 1))
    again, created_again = report_schedule_last_quarter(today=date(2026, 10, 5))
    run_outbox()
    assert (created, created_again) == (True, False)
    assert report == again
    assert (report.period_start, report.period_end) == (Q3_START, Q3_END)
    assert Report.objects.count() == 1
    report.refresh_from_db()
    assert report.status == ReportStatus.READY


def test_the_committee_is_told_once_when_the_quarterly_report_is_ready(
    plan, committee_member, run_outbox
):
    report_schedule_last_quarter(today=date(2026, 10, 1))
    run_outbox()
    notices = [m for m in mail.outbox if committee_member.email in m.to]
    assert len(notices) == 1
    assert "3e trimestre 2026" in notices[0].subject


def test_a_failed_render_leaves_a_failed_record_with_its_reason_and_no_file(plan, officer):
    report = report_request(actor=officer, period_start=Q3_START, period_end=Q3_END)
    report.snapshot = {"axes": "not a list of axes"}  # a corrupted snapshot
    report.save()
    with pytest.raises(Exception):  # noqa: B017 (whatever breaks, the record must say so)
        report_generate(report_pk=report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert report.failure_reason
    assert not report.pdf and not report.xlsx


def test_a_period_that_has_not_ended_is_refused(plan, officer):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        report_request(actor=officer, period_start=date(2026, 10, 1), period_end=date(2099, 12, 31))


def test_user_text_cannot_make_the_pdf_fetch_local_files():
    pdf = render_html_to_pdf(
        '<html lang="fr"><head><title>t</title></head><body><p>avant</p>'
        '<img src="file:///etc/passwd" alt="x"><img src="http://127.0.0.1:9/x.png" alt="y">'
        '<link rel="stylesheet" href="file:///etc/passwd"><p>après</p></body></html>'
    )
    assert b"/Subtype /Image" not in pdf and b"/Subtype/Image" not in pdf
    assert "root:" not in pdf_text(layout=True, content=pdf)


def test_a_comment_typed_with_an_image_tag_is_printed_as_text(
    partnerships, officer, second_officer
):
    _approved(
        partnerships,
        officer,
        second_officer,
        date(2026, 8, 31),
        3,
        comment='<img src="file:///etc/passwd">',
    )
    report = report_request(actor=officer, period_start=Q3_START, period_end=Q3_END)
    report_generate(report_pk=report.pk)
    report.refresh_from_db()
    content = report.pdf.read()
    assert b"/Subtype /Image" not in content and b"/Subtype/Image" not in content
    assert '<img src="file:///etc/passwd">' in pdf_text(layout=True, content=content)


def test_the_workbook_gives_each_indicator_with_its_dated_value_and_the_funding(q3_report):
    from openpyxl import load_workbook

    book = load_workbook(q3_report.xlsx.open("rb"))
    assert book.sheetnames[:2] == ["Indicateurs", "Financements"]
    rows = {row[2].value: row for row in book["Indicateurs"].iter_rows(min_row=2)}
    partnerships = rows["1.2-1"]
    assert partnerships[6].value == 16
    assert partnerships[7].value.date() == date(2026, 8, 31)
    assert partnerships[7].number_format.lower() == "dd/mm/yyyy"
    assert len(rows) == len(
        [i for a in q3_report.snapshot["axes"] for ac in a["actions"] for i in ac["indicators"]]
    )
    assert book["Financements"].max_row == 1 + len(q3_report.snapshot["funding_sources"])


def test_committee_members_download_and_the_download_is_logged(
    q3_report, client_for, committee_member
):
    client = client_for(committee_member)
    response = client.get(reverse("actionplan:report_pdf", args=[q3_report.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=committee_member).exists()
    assert client.get(reverse("actionplan:report_xlsx", args=[q3_report.pk])).status_code == 200
    assert "3e trimestre 2026" in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("persona", ["holder_a", "partner_contributor"])
def test_holders_and_partners_cannot_list_or_download_reports(
    q3_report, client_for, request, persona
):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("actionplan:report_list")).status_code == 403
    assert client.get(reverse("actionplan:report_pdf", args=[q3_report.pk])).status_code == 404
    assert client.get(reverse("actionplan:report_status", args=[q3_report.pk])).status_code == 404


def test_committee_members_cannot_request_reports(plan, client_for, committee_member):
    response = client_for(committee_member).post(
        reverse("actionplan:report_create"),
        {"period_start": "2026-07-01", "period_end": "2026-09-30"},
    )
    assert response.status_code == 403
    assert not Report.objects.exists()


def test_an_officer_requests_a_report_and_follows_its_progress(
    plan, client_for, officer, run_outbox
):
    client = client_for(officer)
    response = client.post(
        reverse("actionplan:report_create"),
        {"period_start": "2026-01-01", "period_end": "2026-06-30"},
    )
    run_outbox()
    report = Report.objects.get()
    assert response.url == reverse("actionplan:report_detail", args=[report.pk])
    status = client.get(reverse("actionplan:report_status", args=[report.pk])).json()
    assert status == {"status": "ready", "status_label": "Prêt", "progress": 100, "step": ""}
    assert "du 01/01/2026 au 30/06/2026" in client.get(response.url).content.decode()


def test_a_bad_period_is_refused_next_to_the_form(plan, client_for, officer):
    response = client_for(officer).post(
        reverse("actionplan:report_create"),
        {"period_start": "2026-09-30", "period_end": "2026-07-01"},
    )
    assert "précède son début" in response.content.decode()
    assert not Report.objects.exists()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_report_renders_on_the_real_worker(wait_for_worker, officer):
    from io import StringIO

    from django.core.management import call_command

    call_command("load_reference_data", stdout=StringIO())
    report = report_request(actor=officer, period_start=Q3_START, period_end=Q3_END)

    def finished():
        report.refresh_from_db()
        return report.status in (ReportStatus.READY, ReportStatus.FAILED)

    wait_for_worker(finished, timeout=120)
    assert report.status == ReportStatus.READY, report.failure_reason
    assert "3e trimestre 2026" in pdf_text(layout=True, content=report.pdf.read())


def test_the_summary_page_draws_the_statuses_and_the_envelope_and_the_cover_says_the_version(
    q3_report,
):
    from actionplan import reports

    context = reports.context(q3_report, q3_report.snapshot, drawn={})
    assert 'class="status-chart"' in context["status_chart"]
    for label, _status, count in context["summary"]["counts"]:
        assert f">{label}</text>" in context["status_chart"].replace("&#x27;", "'")
        assert f">{count}</text>" in context["status_chart"]
    assert "250" in context["envelope_chart"]
    text = pdf_text(q3_report.pdf.read())
    assert "version 1" in text
    assert "non publié à sa production" in text


def test_the_workbook_types_money_and_percentages_and_marks_demo_data_in_a_column(q3_report):
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(q3_report.xlsx.read()))
    funding = book["Financements"]
    assert funding["C1"].value == "Enveloppe (€)"
    assert funding["C2"].number_format == '# ##0 "€"'
    assert isinstance(funding["C2"].value, (int, float))
    indicators = book["Indicateurs"]
    headers = [cell.value for cell in indicators[1]]
    progress = headers.index("Avancement (%)") + 1
    row = next(r for r in indicators.iter_rows(min_row=2) if r[2].value == "1.2-1")
    assert row[progress - 1].value == pytest.approx(53.3, abs=0.1)  # 16 of 30 partnerships
    assert row[progress - 1].number_format == '0.0 "%"'
    assert "Probabilité d'atteindre la cible (%)" in headers
