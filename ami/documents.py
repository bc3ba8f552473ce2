"""The AMI's PDF documents (receipt, decision letter), through the portal's single PDF renderer."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ami.models import SECTIONS, DossierStatus
from core.pdf import render_pdf

DIRECTION = gettext_lazy("Direction Hauts-de-France Entreprises")


def _letterhead(*, reference, moment):
    """What every official document carries: who sends it and from where, when, under which
    reference (the page footer repeats the sender and the reference)."""
    return {
        "sender": {
            "name": settings.PUBLISHER_NAME,
            "direction": str(DIRECTION),
            "address": [line.strip() for line in settings.PUBLISHER_ADDRESS.split(",") if line],
        },
        "place": settings.LETTER_PLACE,
        "day": timezone.localtime(moment).date(),
        "reference": reference,
    }


def _recipient(organisation_name, city, person):
    lines = [organisation_name]
    if person is not None and person.full_name:
        lines.append(_("À l'attention de %(name)s") % {"name": person.full_name})
    if city:
        lines.append(city)
    return lines


def signatory(dossier):
    """Who signs the decision letter: the call's signatory when one is set, else the officer
    who took the decision, with their function (« fonction » on their account)."""
    call = dossier.phase.call
    if call.signatory_name:
        return {"name": call.signatory_name, "title": call.signatory_title}
    officer = dossier.decided_by
    return {
        "name": officer.full_name if officer else "",
        "title": (officer.job_title if officer else "") or str(DIRECTION),
    }


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
                "submitted_by": version.submitted_by,
                "sections": [
                    (label, version.content["sections"].get(name, "")) for name, label in SECTIONS
                ],
                "totals": _totals(version.content),
                "recipient_lines": _recipient(
                    version.content["organisation"]["name"],
                    version.content["organisation"].get("city", ""),
                    version.submitted_by,
                ),
                **_letterhead(
                    reference=f"AR-{dossier.reference}-v{version.number}",
                    moment=version.submitted_at,
                ),
            },
        )
    version.receipt_pdf.save(
        f"accuse-{dossier.reference}-v{version.number}.pdf", ContentFile(content), save=True
    )
    return content


def decision_letter_context(dossier):
    """What the decision letter says, for the PDF and for the page where the officer reads it
    before confirming (there, ``dossier`` is the decision as it would be taken)."""
    return {
        "dossier": dossier,
        "call": dossier.phase.call,
        "decided_at": timezone.localtime(dossier.decided_at),
        "signatory": signatory(dossier),
        "recipient_lines": _recipient(
            dossier.organisation.name, dossier.organisation.city, dossier.created_by
        ),
        **_letterhead(reference=f"DEC-{dossier.reference}", moment=dossier.decided_at),
    }


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
        content = render_pdf("ami/pdf/letter.html", decision_letter_context(dossier))
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
