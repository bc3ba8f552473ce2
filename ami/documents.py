"""The AMI's PDF documents (receipt, decision letter), through the portal's single PDF renderer."""

from django.core.files.base import ContentFile
from django.utils import timezone, translation

from ami.models import SECTIONS, DossierStatus
from core.pdf import render_pdf


def receipt_pdf(version):
    """The version's receipt; rendered once, then kept with the version."""
    if version.receipt_pdf:
        with version.receipt_pdf.open("rb") as handle:
            return handle.read()
    dossier = version.dossier
    with translation.override("fr"):
        content = render_pdf(
            "ami/pdf/receipt.html",
            {
                "version": version,
                "dossier": dossier,
                "call": dossier.phase.call,
                "phase": dossier.phase,
                "submitted_at": timezone.localtime(version.submitted_at),
                "sections": [
                    (label, version.content["sections"].get(name, "")) for name, label in SECTIONS
                ],
                "totals": _totals(version.content),
            },
        )
    version.receipt_pdf.save(
        f"accuse-{dossier.reference}-v{version.number}.pdf", ContentFile(content), save=True
    )
    return content


def _totals(content):
    from decimal import Decimal

    totals = {"expenses": Decimal(0), "resources": Decimal(0)}
    for line in content.get("financing", []):
        key = "expenses" if line["kind"] == "expense" else "resources"
        totals[key] += Decimal(line["amount"])
    return totals


def decision_letter_pdf(dossier):
    if dossier.decision_letter:
        with dossier.decision_letter.open("rb") as handle:
            return handle.read()
    if dossier.status not in (
        DossierStatus.RETAINED,
        DossierStatus.NOT_RETAINED,
        DossierStatus.REDIRECTED,
    ):
        raise ValueError("no decision yet")
    with translation.override("fr"):
        content = render_pdf(
            "ami/pdf/letter.html",
            {
                "dossier": dossier,
                "call": dossier.phase.call,
                "decided_at": timezone.localtime(dossier.decided_at),
            },
        )
    dossier.decision_letter.save(
        f"decision-{dossier.reference}.pdf", ContentFile(content), save=False
    )
    dossier.save(update_fields=["decision_letter"])
    return content


def version_archive(version):
    """A ZIP of exactly what a version froze: its answers as a PDF, then each file it listed,
    checked against the SHA-256 recorded at submission, and a SHA256SUMS manifest. A file that
    may not be served (not scanned clean) is named in the manifest, not included."""
    import hashlib
    import io
    import zipfile

    from ami.models import Attachment

    content = version.content
    dossier = version.dossier
    with translation.override("fr"):
        answers = render_pdf(
            "ami/pdf/version.html",
            {
                "version": version,
                "dossier": dossier,
                "content": content,
                "sections": [
                    (label, content["sections"].get(name, "")) for name, label in SECTIONS
                ],
                "submitted_at": timezone.localtime(version.submitted_at),
            },
        )
    listed = content.get("attachments", [])
    files = Attachment.objects.in_bulk([entry["id"] for entry in listed if "id" in entry])
    sums = [f"{hashlib.sha256(answers).hexdigest()}  {dossier.reference}-v{version.number}.pdf"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{dossier.reference}-v{version.number}.pdf", answers)
        for entry in listed:
            name = f"pieces/{entry.get('id', 'x')}-{entry['name']}"
            attachment = files.get(entry.get("id"))
            if attachment is None or not attachment.downloadable:
                sums.append(f"# {entry['sha256']}  {name} (non fourni : fichier non vérifié sain)")
                continue
            with attachment.file.open("rb") as handle:
                data = handle.read()
            if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                raise ValueError(f"{name}: the stored file differs from the one submitted")
            archive.writestr(name, data)
            sums.append(f"{entry['sha256']}  {name}")
        archive.writestr("SHA256SUMS", "\n".join(sums) + "\n")
    return buffer.getvalue()
