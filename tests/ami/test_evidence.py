"""What a holder submitted is never lost nor leaked: unscanned files, removed attachments,
extensions, drafts and downloads (the fault-injection and bad-input findings)."""

import io
import zipfile
from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ami.models import Attachment, DossierStatus, ScanStatus
from ami.services import (
    attachment_add,
    attachment_remove,
    dossier_extend_deadline,
    dossier_submit,
    dossier_transition,
    phase_update,
)

EICAR_PDF = b"%PDF-1.4\nX5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*\n"


def _zip_names(response):
    return sorted(zipfile.ZipFile(io.BytesIO(response.content)).namelist())


def _zip_bytes(response):
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: archive.read(name) for name in archive.namelist() if name.startswith("pieces/")}


def test_without_antivirus_in_production_an_unscanned_file_is_not_served(
    settings, client_for, holder_a, officer, draft_a
):
    settings.SERVE_UNSCANNED_FILES = False  # production: DEBUG off, no waiver
    settings.CLAMAV_ADDRESS = ""
    attachment = attachment_add(
        actor=holder_a, dossier=draft_a, upload=SimpleUploadedFile("devis.pdf", EICAR_PDF)
    )
    assert attachment.scan_status == ScanStatus.NOT_SCANNED
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    url = reverse("ami:attachment_download", args=[draft_a.pk, attachment.pk])
    for user in (holder_a, officer):
        response = client_for(user).get(url)
        assert response.status_code == 302  # back to the dossier, with the reason
        assert b"EICAR" not in b"".join(getattr(response, "streaming_content", [b""]))
    archive = client_for(officer).get(reverse("ami:dossier_zip", args=[draft_a.pk]))
    assert not any(name.startswith("pieces/") for name in _zip_names(archive))
    sums = zipfile.ZipFile(io.BytesIO(archive.content)).read("SHA256SUMS").decode()
    assert "devis.pdf (non fourni" in sums


@pytest.fixture
def returned_with_two_files(draft_a, holder_a, officer):
    for name, content in [("plan.pdf", b"%PDF-1.4 plan"), ("devis.pdf", b"%PDF-1.4 devis")]:
        attachment_add(actor=holder_a, dossier=draft_a, upload=SimpleUploadedFile(name, content))
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    dossier_transition(actor=officer, dossier=draft_a, event="start_review")
    dossier_transition(actor=officer, dossier=draft_a, event="return", reason="Précisez.")
    return draft_a


def test_a_returned_dossiers_first_version_stays_whole_when_the_holder_removes_a_file(
    client_for, returned_with_two_files, holder_a, officer
):
    dossier = returned_with_two_files
    url = reverse("ami:version_zip", args=[dossier.pk, 1])
    before = _zip_bytes(client_for(officer).get(url))
    assert len(before) == 2
    removed = dossier.attachments.get(original_name="devis.pdf")
    attachment_remove(actor=holder_a, attachment=removed)
    after = _zip_bytes(client_for(officer).get(url))
    assert after == before
    # The draft no longer shows it; the second version will not list it.
    assert list(dossier.attachments.current().values_list("original_name", flat=True)) == [
        "plan.pdf"
    ]
    dossier_submit(actor=holder_a, dossier_pk=dossier.pk)
    second = _zip_bytes(client_for(officer).get(reverse("ami:version_zip", args=[dossier.pk, 2])))
    assert [name.split("-", 1)[1] for name in second] == ["plan.pdf"]


def test_an_unsubmitted_upload_removed_from_a_draft_is_deleted(holder_a, draft_a):
    attachment = attachment_add(
        actor=holder_a, dossier=draft_a, upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 x")
    )
    attachment_remove(actor=holder_a, attachment=attachment)
    assert not Attachment.objects.exists()


def test_an_individual_extension_never_shortens_a_phase_extended_since(
    draft_a, holder_a, officer, pmcb_phase, time_machine
):
    first_closing = pmcb_phase.closes_at
    dossier_extend_deadline(
        actor=officer,
        dossier=draft_a,
        until=pmcb_phase.closes_at + timedelta(days=2),
        reason="Incident informatique",
    )
    phase_update(
        actor=officer,
        phase=pmcb_phase,
        opens_at=pmcb_phase.opens_at,
        closes_at=pmcb_phase.closes_at + timedelta(days=30),
        eligible_kinds=pmcb_phase.eligible_kinds,
        rolling_review=pmcb_phase.rolling_review,
    )
    draft_a.refresh_from_db()
    time_machine.move_to(first_closing + timedelta(days=10), tick=False)
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    assert draft_a.status == DossierStatus.SUBMITTED


def test_no_extension_for_a_dossier_already_submitted_or_decided(
    draft_a, holder_a, officer, pmcb_phase
):
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    with pytest.raises(ValidationError):
        dossier_extend_deadline(
            actor=officer,
            dossier=draft_a,
            until=pmcb_phase.closes_at + timedelta(days=2),
            reason="Trop tard",
        )
    draft_a.refresh_from_db()
    assert draft_a.extended_until is None


def test_an_officer_grants_an_extension_by_reference_without_seeing_the_draft(
    client_for, draft_a, officer, pmcb_phase
):
    response = client_for(officer).post(
        reverse("ami:phase_extension", args=[pmcb_phase.pk]),
        {
            "reference": draft_a.reference.lower(),
            "until": (pmcb_phase.closes_at + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
            "reason": "Panne du serveur du porteur",
        },
    )
    assert response.status_code == 302
    draft_a.refresh_from_db()
    assert draft_a.extended_until is not None
    assert draft_a.title.encode() not in client_for(officer).get(response.url).content


@pytest.mark.parametrize(
    "route",
    [
        lambda d: reverse("ami:dossier_detail", args=[d.pk]),
        lambda d: reverse("ami:dossier_zip", args=[d.pk]),
        lambda d: reverse("ami:dossier_evaluate", args=[d.pk]),
        lambda d: f"/api/dossiers/{d.pk}/",
        lambda d: f"/api/dossiers/{d.pk}/messages/",
        lambda d: f"/api/dossiers/{d.pk}/attachments/",
    ],
)
def test_a_draft_belongs_to_its_organisation_an_officer_gets_404_on_every_route(
    client_for, draft_a, officer, route
):
    assert client_for(officer).get(route(draft_a)).status_code == 404


def test_an_officer_does_not_find_drafts_through_the_api_filter(client_for, draft_a, officer):
    data = client_for(officer).get("/api/dossiers/?status=draft").json()
    assert data["results"] == []


def test_every_download_is_logged_whoever_opens_it(client_for, returned_with_two_files, holder_a):
    dossier = returned_with_two_files
    client = client_for(holder_a)
    attachment = dossier.attachments.first()
    client.get(reverse("ami:attachment_download", args=[dossier.pk, attachment.pk]))
    client.get(reverse("ami:dossier_receipt", args=[dossier.pk, 1]))
    client.get(reverse("ami:version_zip", args=[dossier.pk, 1]))
    events = set(
        LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=holder_a).values_list(
            "additional_data__event", flat=True
        )
    )
    assert {"attachment_opened", "receipt_opened", "version_exported"} <= events
