import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from actionplan.models import ImportBatch, Measurement, MeasurementStatus

GOOD_CSV = (
    "indicateur;date;valeur;nombre;territoire;source;nature;commentaire\n"
    "1.2-1;30/09/2026;16;;Nord;Bilan T3;mesurée;\n"
    "3.1-1;2026-09-30;25 000 000,50;5;;Comité des financeurs;estimée;Projets engagés\n"
)


def _upload(client, name, content):
    return client.post(
        reverse("actionplan:import_upload"),
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )


def test_a_valid_csv_is_previewed_then_imported_as_measurements_awaiting_approval(
    client_for, plan, officer
):
    client = client_for(officer)
    preview = _upload(client, "mesures.csv", GOOD_CSV.encode())
    assert "2 lignes valides" in preview.content.decode()
    assert not Measurement.objects.exists()
    batch = ImportBatch.objects.get()
    client.post(reverse("actionplan:import_preview", args=[batch.pk]))
    measurements = Measurement.objects.order_by("indicator__code")
    assert [(m.indicator.code, str(m.value), m.count) for m in measurements] == [
        ("1.2-1", "16.00", None),
        ("3.1-1", "25000000.50", 5),
    ]
    assert {m.status for m in measurements} == {MeasurementStatus.PENDING}


def test_errors_are_named_by_line_and_column_and_nothing_is_saved(client_for, plan, officer):
    bad = (
        "indicateur;date;valeur;nombre;territoire;source;nature;commentaire\n"
        "1.2-1;30/09/2026;16;;;Bilan;mesurée;\n"
        "9.9-9;31/02/2026;seize;;;;au pif;\n"
        "3.1-1;2026-09-30;1000;;;Bilan;;\n"
    )
    content = _upload(client_for(officer), "mesures.csv", bad.encode()).content.decode()
    for line, column in [
        (3, "indicateur"),
        (3, "date"),
        (3, "valeur"),
        (3, "source"),
        (3, "nature"),
        (4, "nombre"),
    ]:
        assert f"<td>{line}</td><td>{column}</td>" in content, (line, column)
    assert "rien n'a été enregistré" in content
    assert not Measurement.objects.exists()
    assert ImportBatch.objects.get().state == ImportBatch.State.REJECTED


def test_a_csv_with_a_broken_line_says_which_line(client_for, plan, officer):
    broken = "indicateur;date;valeur;source\n1.2-1;30/09/2026;16;Bilan\n1.2-1;30/09/2026;16;Bilan;extra;columns\n"
    content = _upload(client_for(officer), "mesures.csv", broken.encode()).content.decode()
    assert "Ligne 3" in content
    assert not Measurement.objects.exists()


def test_a_missing_column_is_named(client_for, plan, officer):
    content = _upload(
        client_for(officer), "mesures.csv", b"indicateur;date;valeur\n1.2-1;30/09/2026;16\n"
    ).content.decode()
    assert "<td>1</td><td>source</td>" in content


def test_an_xlsx_file_is_read_like_a_csv(client_for, plan, officer):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["indicateur", "date", "valeur", "source"])
    sheet.append(["1.2-1", "2026-09-30", "16", "Bilan"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    content = _upload(client_for(officer), "mesures.xlsx", buffer.getvalue()).content.decode()
    assert "1 ligne valide" in content


def test_a_file_that_is_not_a_table_is_refused_clearly(client_for, plan, officer):
    content = _upload(
        client_for(officer), "mesures.xlsx", b"not really a spreadsheet"
    ).content.decode()
    assert "ne peut pas être lu" in content


def test_a_binary_file_named_csv_gets_a_clear_message_and_saves_nothing(client_for, plan, officer):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:  # an XLSX, a ZIP, a PDF… renamed .csv
        archive.writestr("xl/workbook.xml", "<workbook/>")
    for content in (buffer.getvalue(), bytes(range(256)) * 4, b"%PDF-1.7\x00\x01\x02"):
        response = _upload(client_for(officer), "mesures.csv", content)
        assert response.status_code == 200
        assert "contenu est binaire" in response.content.decode()
    assert not Measurement.objects.exists()


def test_a_committee_member_cannot_import(client_for, plan, committee_member):
    response = client_for(committee_member).post(
        reverse("actionplan:import_upload"),
        {"file": SimpleUploadedFile("m.csv", GOOD_CSV.encode())},
    )
    assert response.status_code == 403


def test_another_officer_cannot_confirm_someone_elses_import(
    client_for, plan, officer, second_officer, client
):
    _upload(client_for(officer), "mesures.csv", GOOD_CSV.encode())
    batch = ImportBatch.objects.get()
    client.force_login(second_officer)
    assert client.post(reverse("actionplan:import_preview", args=[batch.pk])).status_code == 404
    assert not Measurement.objects.exists()
