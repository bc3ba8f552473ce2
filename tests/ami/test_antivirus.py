"""Attachments scanned by a real clamd, with a signature database made by sigtool from an EICAR file."""

import os
import shutil
import subprocess
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ami.models import ScanStatus
from ami.services import attachment_add
from ami.tasks import rescan_pending_attachments

# A file that passes for a PDF by its first bytes and carries the EICAR test string.
EICAR_PDF = b"%PDF-1.4\nX5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*\n"


@pytest.fixture(scope="session")
def clamd_socket(tmp_path_factory):
    if not (shutil.which("clamd") and shutil.which("sigtool")):
        if os.environ.get("REQUIRE_SYSTEM_TOOLS"):
            pytest.fail("clamd and sigtool are missing (apt-get install clamav-daemon clamav)")
        pytest.skip("clamd and sigtool are not installed")
    folder = tmp_path_factory.mktemp("clamd")
    (folder / "eicar.pdf").write_bytes(EICAR_PDF)
    signature = subprocess.run(
        ["sigtool", "--md5", str(folder / "eicar.pdf")], capture_output=True, check=True, text=True
    )
    (folder / "test.hdb").write_text(signature.stdout)
    (folder / "eicar.pdf").unlink()
    socket_path = folder / "clamd.sock"
    (folder / "clamd.conf").write_text(
        f"LocalSocket {socket_path}\nDatabaseDirectory {folder}\nForeground yes\nLogFile {folder / 'clamd.log'}\n"
    )
    process = subprocess.Popen(
        ["clamd", "-c", str(folder / "clamd.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not socket_path.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail("clamd did not start")
        time.sleep(0.2)
    yield str(socket_path)
    process.terminate()
    process.wait(timeout=30)


def _upload(holder, dossier, name, content, run_outbox):
    attachment = attachment_add(
        actor=holder, dossier=dossier, upload=SimpleUploadedFile(name, content)
    )
    run_outbox()  # the scan is follow-up work: a worker runs it once the upload is saved
    attachment.refresh_from_db()
    return attachment


def test_a_clean_file_is_scanned_and_downloadable(
    draft_a, holder_a, settings, clamd_socket, client_for, run_outbox
):
    settings.CLAMAV_ADDRESS = clamd_socket
    attachment = _upload(holder_a, draft_a, "plan.pdf", b"%PDF-1.4 a clean plan", run_outbox)
    attachment.refresh_from_db()
    assert attachment.scan_status == ScanStatus.CLEAN
    response = client_for(holder_a).get(
        reverse("ami:attachment_download", args=[draft_a.pk, attachment.pk])
    )
    assert response.status_code == 200


def test_an_infected_file_is_blocked(
    draft_a, holder_a, settings, clamd_socket, client_for, run_outbox
):
    settings.CLAMAV_ADDRESS = clamd_socket
    attachment = _upload(holder_a, draft_a, "devis.pdf", EICAR_PDF, run_outbox)
    attachment.refresh_from_db()
    assert attachment.scan_status == ScanStatus.INFECTED
    response = client_for(holder_a).get(
        reverse("ami:attachment_download", args=[draft_a.pk, attachment.pk]), follow=True
    )
    assert "ne peut pas être téléchargé" in response.content.decode()
    assert not response.get("Content-Disposition")


def test_a_scan_stuck_while_clamd_is_down_is_retried_later(
    draft_a,
    holder_a,
    settings,
    clamd_socket,
    client_for,
    run_outbox,
    tmp_path,
):
    settings.CLAMAV_ADDRESS = str(tmp_path / "no-clamd-here.sock")
    attachment = _upload(holder_a, draft_a, "plan.pdf", b"%PDF-1.4 plan", run_outbox)
    attachment.refresh_from_db()
    assert attachment.scan_status == ScanStatus.PENDING
    response = client_for(holder_a).get(
        reverse("ami:attachment_download", args=[draft_a.pk, attachment.pk]), follow=True
    )
    assert "Analyse antivirus en cours" in response.content.decode()
    settings.CLAMAV_ADDRESS = clamd_socket
    rescan_pending_attachments.delay()
    attachment.refresh_from_db()
    assert attachment.scan_status == ScanStatus.CLEAN


def test_turning_scanning_on_scans_the_files_uploaded_while_it_was_off(
    draft_a, holder_a, settings, clamd_socket
):
    settings.CLAMAV_ADDRESS = ""
    clean = attachment_add(
        actor=holder_a, dossier=draft_a, upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")
    )
    infected = attachment_add(
        actor=holder_a, dossier=draft_a, upload=SimpleUploadedFile("devis.pdf", EICAR_PDF)
    )
    assert {clean.scan_status, infected.scan_status} == {ScanStatus.NOT_SCANNED}
    settings.CLAMAV_ADDRESS = clamd_socket
    rescan_pending_attachments.delay()  # the periodic re-scan takes the backlog
    clean.refresh_from_db()
    infected.refresh_from_db()
    assert (clean.scan_status, infected.scan_status) == (ScanStatus.CLEAN, ScanStatus.INFECTED)
