"""Laboratory files: checked as a whole, errors named by line and column, nothing saved
unless the whole file is valid; then the site's estimate follows."""

import hashlib
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.audit import audit_trail_for
from sites.models import LabImport, LabResult, SiteEstimate

GOOD = (
    "echantillon;element;valeur;unite;limite_detection\n"
    "S01;Zn;2;%;10\n"
    "S02;Zn;10000;mg/kg;10\n"
    "S03;Zn;<10;mg/kg;10\n"
)


def _upload(client, campaign, content, name="resultats.csv"):
    return client.post(
        reverse("sites:lab_upload", args=[campaign.pk]),
        {
            "file": SimpleUploadedFile(
                name, content.encode() if isinstance(content, str) else content
            )
        },
        follow=True,
    )


def test_a_valid_file_is_previewed_then_imported_and_the_grade_computed(
    client_for, officer, campaign, samples, market, run_outbox
):
    client = client_for(officer)
    preview = _upload(client, campaign, GOOD)
    assert "3 résultats valides" in preview.content.decode()
    assert not LabResult.objects.exists()  # nothing before confirmation
    batch = LabImport.objects.get()
    client.post(reverse("sites:lab_preview", args=[batch.pk]))
    run_outbox()
    assert LabResult.objects.count() == 3
    assert LabResult.objects.get(sample__code="S01").value_mg_kg == 20_000
    estimate = SiteEstimate.objects.get(site=campaign.site)
    assert round(estimate.contained_t["Zn"], 2) == 250.04  # the module's worked example
    page = client.get(reverse("sites:site_detail", args=[campaign.site.pk])).content.decode()
    assert "Hydrométallurgie" in page and "1,85" in page


@pytest.mark.parametrize(
    ("line", "column", "content"),
    [
        (2, "element", "S01;Unobtainium;2;%;\n"),
        (2, "unite", "S01;Zn;2;tonnes;\n"),
        (2, "valeur", "S01;Zn;-4;mg/kg;\n"),
        (2, "valeur", "S01;Zn;beaucoup;mg/kg;\n"),
        (2, "echantillon", "S99;Zn;2;%;\n"),  # not in this campaign
        (3, "element", "S01;Zn;2;%;\nS01;Zn;3;%;\n"),  # the same sample and element twice
        (2, "valeur", "S01;Zn;150;%;\n"),  # more than the whole sample
        (2, "valeur", "S01;Zn;1500000;mg/kg;\n"),
        (2, "valeur", "S01;Zn;1500;g/kg;\n"),
        (2, "valeur", "S01;Zn;1e30;mg/kg;\n"),
        (2, "valeur", "S01;Zn;1e400;mg/kg;\n"),
        (2, "valeur", "S01;Zn;1234567890123456789012345678901234567890;mg/kg;\n"),
        (2, "limite_detection", "S01;Zn;<10;mg/kg;0\n"),  # a detection limit is positive
        (2, "limite_detection", "S01;Zn;<10;mg/kg;-1\n"),
        (2, "limite_detection", "S01;Zn;<10;mg/kg;1e30\n"),
    ],
)
def test_a_bad_file_names_line_and_column_and_saves_nothing(
    client_for, officer, campaign, samples, line, column, content
):
    response = _upload(
        client_for(officer),
        campaign,
        "echantillon;element;valeur;unite;limite_detection\n" + content,
    )
    batch = LabImport.objects.get()
    assert batch.state == LabImport.State.REJECTED
    assert any(e["line"] == line and e["column"] == column for e in batch.errors), batch.errors
    assert "rien n'est enregistré" in response.content.decode()
    assert not LabResult.objects.exists()


def test_a_missing_column_is_named(client_for, officer, campaign, samples):
    _upload(client_for(officer), campaign, "echantillon;element;valeur\nS01;Zn;2\n")
    assert LabImport.objects.get().errors == [
        {"line": 1, "column": "unite", "message": "Colonne obligatoire absente de l'en-tête."}
    ]


def test_a_binary_file_gets_a_clear_message(client_for, officer, campaign, samples):
    _upload(client_for(officer), campaign, b"PK\x03\x04\x00\x00binary", name="resultats.csv")
    assert "binaire" in LabImport.objects.get().errors[0]["message"]


def test_a_grade_of_exactly_the_whole_sample_is_accepted(client_for, officer, campaign, samples):
    preview = _upload(
        client_for(officer),
        campaign,
        "echantillon;element;valeur;unite\nS01;Zn;100;%\nS02;Zn;1000000;mg/kg\n",
    )
    assert "2 résultats valides" in preview.content.decode()


def test_a_large_laboratory_file_is_parsed_by_a_worker_then_previewed(
    client_for, officer, campaign, samples, settings, run_outbox
):
    settings.IMPORT_INLINE_MAX_ROWS = 2
    client = client_for(officer)
    page = _upload(client, campaign, GOOD).content.decode()
    batch = LabImport.objects.get()
    assert batch.state == LabImport.State.QUEUED and "analysé en arrière-plan" in page
    run_outbox()
    preview = client.get(reverse("sites:lab_preview", args=[batch.pk])).content.decode()
    assert "3 résultats valides" in preview
    client.post(reverse("sites:lab_preview", args=[batch.pk]))
    assert not LabResult.objects.exists()  # written by a worker, all or nothing
    run_outbox()
    assert LabResult.objects.count() == 3


def test_a_confirmed_import_is_in_the_audit_trail_with_who_when_and_a_digest_of_its_rows(
    client_for, officer, campaign, samples
):
    client = client_for(officer)
    _upload(client, campaign, GOOD)
    batch = LabImport.objects.get()
    client.post(reverse("sites:lab_preview", args=[batch.pk]))
    entry = audit_trail_for(batch).get(additional_data__event="sites.lab_import_confirmed")
    digest = hashlib.sha256(
        json.dumps(batch.rows, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()
    assert entry.actor == officer
    assert entry.additional_data["reason"] == f"3 résultats ; SHA-256 des lignes : {digest}"
