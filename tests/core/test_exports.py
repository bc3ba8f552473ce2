"""Exports never hand a spreadsheet a formula typed by a user (OWASP "CSV injection"); large
ones are prepared by a worker for their owner alone."""

import csv
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import Role
from ami.services import dossier_save, dossier_submit
from core.exports import inert, write_workbook
from core.models import ExportFile, ExportStatus
from core.services import export_build, export_claim, exports_sweep

TITLE = '=HYPERLINK("http://attaquant.example/","clic")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_like_a_formula_is_made_inert(start):
    assert inert(f"{start}1+1") == f"'{start}1+1"
    assert inert("Plateforme") == "Plateforme"
    assert inert(-12) == -12  # numbers stay numbers


@pytest.fixture
def formula_dossier(draft_a, holder_a):
    dossier_save(actor=holder_a, dossier=draft_a, title=TITLE)
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    return draft_a


def test_a_formula_like_title_is_inert_in_the_csv_export(client_for, officer, formula_dossier):
    response = client_for(officer).get(reverse("ami:dossier_list") + "?export=csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))
    titles = [row[6] for row in rows[1:]]
    assert titles == ["'" + TITLE]


def test_a_formula_like_title_is_text_in_the_xlsx_export(client_for, officer, formula_dossier):
    response = client_for(officer).get(reverse("ami:dossier_list") + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    cell = sheet.cell(row=2, column=7)
    assert cell.data_type == "s"
    assert cell.value == "'" + TITLE


def test_each_cell_of_a_workbook_keeps_its_type_and_dates_read_in_paris_time():
    buffer = io.BytesIO()
    submitted = datetime(2026, 3, 31, 21, 30, tzinfo=UTC)  # 23:30 in Paris (summer time)
    counts = write_workbook(
        [
            (
                "Dossiers [test]",
                ["Titre", "Montant", "Déposé le", "Décidé le", "Lien", "Vide"],
                [
                    [
                        TITLE,
                        Decimal("1234.50"),
                        submitted,
                        date(2026, 4, 2),
                        "https://a.example/",
                        None,
                    ]
                ],
            ),
            ("Second", ["A"], []),
        ],
        buffer,
    )
    book = load_workbook(buffer)
    assert counts == [1, 0]
    assert book.sheetnames == ["Dossiers -test-", "Second"]
    title, amount, submitted_cell, decided, link, empty = book.active[2]
    assert (title.data_type, title.value) == ("s", "'" + TITLE)
    assert (amount.data_type, amount.value) == ("n", 1234.5)
    assert submitted_cell.value == datetime(2026, 3, 31, 23, 30)
    assert submitted_cell.number_format == "dd/mm/yyyy hh:mm"
    assert decided.value.date() == date(2026, 4, 2) and decided.number_format == "dd/mm/yyyy"
    assert link.value == "https://a.example/" and link.hyperlink is None
    assert empty.value is None


# Large exports: written by a worker into a stored file that only its owner may download.


@pytest.fixture
def two_submitted(holder_a, holder_b, pmcb_phase, officer):
    from tests.ami_fixtures import make_dossier

    dossiers = [make_dossier(holder_a, pmcb_phase, title="Plateforme A")]
    dossiers.append(make_dossier(holder_b, pmcb_phase, title="Plateforme B"))
    dossier_submit(actor=holder_a, dossier_pk=dossiers[0].pk)
    dossier_submit(actor=holder_b, dossier_pk=dossiers[1].pk)
    return dossiers


@pytest.fixture
def large_export(settings, client_for, officer, two_submitted, run_outbox, mailoutbox):
    """The officer asks for an export above the inline threshold; the worker writes it."""
    settings.EXPORT_INLINE_MAX_ROWS = 1
    run_outbox()  # the submissions' receipts
    response = client_for(officer).get(reverse("ami:dossier_list") + "?export=csv")
    assert response.status_code == 302 and response.url == reverse("export_list")
    mailoutbox.clear()
    run_outbox()
    return ExportFile.objects.get(owner=officer)


def test_an_export_above_the_threshold_is_prepared_by_a_worker_and_announced_by_email(
    large_export, officer, client_for, mailoutbox
):
    assert large_export.status == ExportStatus.READY
    assert large_export.row_count == 2
    assert [message.to for message in mailoutbox] == [[officer.email]]
    assert reverse("export_list") in mailoutbox[0].body
    page = client_for(officer).get(reverse("export_list"))
    assert large_export.filename in page.content.decode()
    download = client_for(officer).get(reverse("export_download", args=[large_export.pk]))
    rows = list(csv.reader(io.StringIO(download.getvalue().decode("utf-8-sig")), delimiter=";"))
    assert sorted(row[6] for row in rows[1:]) == ["Plateforme A", "Plateforme B"]


def test_asking_for_a_large_export_tells_the_officer_it_is_being_prepared(
    settings, client_for, officer, two_submitted
):
    settings.EXPORT_INLINE_MAX_ROWS = 1
    response = client_for(officer).get(reverse("ami:dossier_list") + "?export=xlsx", follow=True)
    assert "en préparation" in response.content.decode()
    assert ExportFile.objects.get(owner=officer).status == ExportStatus.QUEUED


def test_a_large_xlsx_export_holds_every_row_with_dates_as_dates(
    settings, client_for, officer, two_submitted, run_outbox
):
    settings.EXPORT_INLINE_MAX_ROWS = 1
    client_for(officer).get(reverse("ami:dossier_list") + "?export=xlsx")
    run_outbox()
    export = ExportFile.objects.get(owner=officer)
    sheet = load_workbook(export.file.open("rb")).active
    assert sheet.max_row == 3
    assert sorted(sheet.cell(row=r, column=7).value for r in (2, 3)) == [
        "Plateforme A",
        "Plateforme B",
    ]


def test_another_officer_or_a_holder_cannot_download_someone_elses_export(
    large_export, second_officer, holder_a, client_for
):
    url = reverse("export_download", args=[large_export.pk])
    assert client_for(second_officer).get(url).status_code == 404
    assert client_for(holder_a).get(url).status_code == 404


def test_an_export_cannot_be_downloaded_by_its_owner_once_they_lost_access(
    large_export, officer, client_for
):
    officer.role = Role.HOLDER
    officer.save()
    url = reverse("export_download", args=[large_export.pk])
    assert client_for(officer).get(url).status_code == 404


def test_a_holder_cannot_ask_for_the_dossier_export(client_for, holder_a, two_submitted):
    response = client_for(holder_a).get(reverse("ami:dossier_list") + "?export=csv")
    assert response.status_code == 403
    assert not ExportFile.objects.exists()


def test_an_export_is_built_once_even_if_its_task_is_delivered_twice(large_export):
    assert export_build(export_pk=large_export.pk) is None
    assert ExportFile.objects.get(pk=large_export.pk).status == ExportStatus.READY


def test_exports_are_deleted_after_their_retention_period(settings, large_export):
    stored = large_export.file.name
    exports_sweep(now=timezone.now() + timedelta(days=settings.EXPORT_RETENTION_DAYS + 1))
    assert not ExportFile.objects.filter(pk=large_export.pk).exists()
    assert not default_storage.exists(stored)


def test_an_export_whose_worker_died_is_taken_up_again(
    settings, client_for, officer, two_submitted, run_outbox
):
    settings.EXPORT_INLINE_MAX_ROWS = 1
    client_for(officer).get(reverse("ami:dossier_list") + "?export=csv")
    export = ExportFile.objects.get(owner=officer)
    # A worker claimed it, then was killed: the claim stands until its lease runs out.
    assert export_claim(export_pk=export.pk) is not None
    run_outbox()
    assert ExportFile.objects.get(pk=export.pk).status == ExportStatus.RUNNING
    ExportFile.objects.filter(pk=export.pk).update(
        lease_until=timezone.now() - timedelta(seconds=1)
    )
    assert exports_sweep() == 1
    run_outbox()
    assert ExportFile.objects.get(pk=export.pk).status == ExportStatus.READY


def test_a_workbook_keeps_its_header_in_view_and_every_column_filterable():
    buffer = io.BytesIO()
    write_workbook([("Dossiers", ["Référence", "Montant"], [["A-1", 10], ["A-2", 20]])], buffer)
    sheet = load_workbook(buffer).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:B3"
    assert sheet["A1"].font.bold


def test_the_dossier_export_has_what_an_analyst_needs_with_typed_cells(
    client_for, officer, two_submitted
):
    response = client_for(officer).get(reverse("ami:dossier_list") + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    for column in ("Note consolidée (sur 5)", "Dépenses (€)", "Ressources (€)", "Décidé le"):
        assert column in header
    row = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert isinstance(row["Déposé le"], datetime)
    assert row["Dépenses (€)"] == 1000 and row["Ressources (€)"] == 1000
