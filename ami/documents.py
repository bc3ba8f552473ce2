"""The AMI's PDF documents (receipt, decision letter), through the portal's single PDF renderer."""

from django.core.files.base import ContentFile
from django.utils import timezone, translation

from ami.models import DossierStatus
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
            },
        )
    version.receipt_pdf.save(
        f"accuse-{dossier.reference}-v{version.number}.pdf", ContentFile(content), save=True
    )
    return content


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
