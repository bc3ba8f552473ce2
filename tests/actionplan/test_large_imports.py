"""Large files are parsed off the request: refused by size before being read, queued past a
few thousand rows, previewed once a worker has parsed them; a rejected file is not kept."""

import os

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplan.models import ImportBatch, Measurement

HEADER = "indicateur;date;valeur;nombre;territoire;source;nature;commentaire\n"
ROW = "1.2-1;30/09/2026;16;;Nord;Bilan T3;mesurée;\n"


def _upload(client, content, name="mesures.csv"):
    return client.post(
        reverse("actionplan:import_upload"),
        {"file": SimpleUploadedFile(name, content.encode())},
        follow=True,
    )


def test_a_file_over_the_size_limit_is_refused_on_its_field_and_nothing_is_kept(
    client_for, plan, officer, settings
):
    settings.IMPORT_MAX_BYTES = 1_000
    response = _upload(client_for(officer), HEADER + ROW * 100)
    assert response.status_code == 200
    assert "au plus 0 Mo par import" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_large_file_answers_at_once_and_is_parsed_then_written_by_a_worker(
    client_for, plan, officer, settings, run_outbox
):
    settings.IMPORT_INLINE_MAX_ROWS = 10
    client = client_for(officer)
    page = _upload(client, HEADER + ROW * 30).content.decode()
    batch = ImportBatch.objects.get()
    assert batch.state == "queued" and batch.rows == []  # nothing parsed in the request
    assert "analysé en arrière-plan" in page
    url = reverse("actionplan:import_preview", args=[batch.pk])
    assert client.get(url, {"format": "json"}).json()["waiting"] is True
    run_outbox()
    assert client.get(url, {"format": "json"}).json() == {
        "state": "preview",
        "state_label": "À confirmer",
        "waiting": False,
    }
    assert "30 lignes valides" in client.get(url).content.decode()
    following = client.post(url, follow=True).content.decode()
    assert "Import en cours" in following and "toutes ou aucune" in following
    assert not Measurement.objects.exists()  # written by a worker, not in the request
    run_outbox()
    batch.refresh_from_db()
    assert batch.state == "imported" and batch.imported_count == 30
    assert Measurement.objects.count() == 30


def test_a_large_file_with_errors_keeps_its_errors_but_not_the_file(
    client_for, plan, officer, settings, run_outbox
):
    settings.IMPORT_INLINE_MAX_ROWS = 10
    client = client_for(officer)
    _upload(client, HEADER + ROW * 20 + "1.2-1;demain;16;;Nord;Bilan;mesurée;\n")
    batch = ImportBatch.objects.get()
    stored = batch.file.path
    run_outbox()
    batch.refresh_from_db()
    assert batch.state == "rejected"
    assert any(error["line"] == 22 and error["column"] == "date" for error in batch.errors)
    assert not batch.file
    assert not os.path.exists(stored)


def test_a_small_rejected_file_is_not_kept_either(client_for, plan, officer):
    _upload(client_for(officer), HEADER + "9.9-9;30/09/2026;16;;;Bilan;mesurée;\n")
    batch = ImportBatch.objects.get()
    assert batch.state == "rejected" and batch.errors
    assert not batch.file


def test_another_officer_cannot_follow_someone_elses_import(
    client_for, plan, officer, second_officer, settings
):
    settings.IMPORT_INLINE_MAX_ROWS = 10
    _upload(client_for(officer), HEADER + ROW * 30)
    batch = ImportBatch.objects.get()
    other = client_for(second_officer)
    url = reverse("actionplan:import_preview", args=[batch.pk])
    assert other.get(url, {"format": "json"}).status_code == 404
