"""make backup / make restore: the database and the files come back identical."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from ami.models import Attachment, Dossier, DossierVersion
from ami.services import attachment_add, dossier_submit


def _snapshot():
    """Every dossier, version, receipt and file, as bytes and hashes."""
    return {
        "dossiers": list(Dossier.objects.order_by("pk").values_list("pk", "reference", "status")),
        "versions": list(
            DossierVersion.objects.order_by("pk").values_list("pk", "content_sha256", "content")
        ),
        "receipts": {v.pk: v.receipt_pdf.read() for v in DossierVersion.objects.order_by("pk")},
        "files": {a.pk: a.file.read() for a in Attachment.objects.order_by("pk")},
    }


@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_after_everything_was_lost_gives_identical_data(
    settings, tmp_path, draft_a, holder_a, run_outbox
):
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL run checks pg_dump and pg_restore")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    attachment_add(
        actor=holder_a, dossier=draft_a, upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")
    )
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    run_outbox()  # the receipt is rendered and stored
    before = _snapshot()
    assert before["receipts"] and before["files"]

    call_command("backup", str(tmp_path / "backup"))
    # Everything lost: the tables emptied, the files deleted.
    call_command("flush", interactive=False, verbosity=0)
    for path in (tmp_path / "media").rglob("*"):
        if path.is_file():
            path.unlink()
    assert not Dossier.objects.exists()

    call_command("restore", str(tmp_path / "backup"), "--yes")
    assert _snapshot() == before


def test_a_tampered_backup_is_refused_and_nothing_is_touched(tmp_path, db, draft_a):
    from django.core.management.base import CommandError

    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL run checks pg_dump and pg_restore")
    folder = tmp_path / "backup"
    call_command("backup", str(folder))
    with open(folder / "media.tar.gz", "ab") as archive:
        archive.write(b"tampered")
    with pytest.raises(CommandError, match="does not match"):
        call_command("restore", str(folder), "--yes")
    assert Dossier.objects.filter(pk=draft_a.pk).exists()
