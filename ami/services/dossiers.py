"""Writes a holder makes on a dossier before submitting it: the draft, its consortium,
its financing plan and its attachments."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import is_member
from ami.models import (
    SECTIONS,
    Attachment,
    ConsortiumPartner,
    Dossier,
    DossierStatus,
    FinancingLine,
    ScanStatus,
)
from ami.permissions import (
    can_create_dossier,
    can_delete_draft,
    can_edit_dossier,
    can_write_message,
)
from ami.selectors import DOSSIERS
from core.audit import acting_as, audit_event
from core.files import validate_document
from core.outbox import outbox_enqueue
from core.versioned_cache import dataset_changed


def _next_reference(phase):
    year = timezone.localdate().year
    prefix = f"AMI-{phase.call.code.upper()}-{year}-"
    count = Dossier.objects.filter(reference__startswith=prefix).count()
    return f"{prefix}{count + 1:04d}"


def dossier_create(*, actor, phase, organisation, title, is_demo=False):
    if not can_create_dossier(actor, phase) or not is_member(actor, organisation.pk):
        raise PermissionDenied
    if not phase.is_open():
        raise ValidationError(
            _("Cette phase n'est pas ouverte : aucun dossier ne peut y être créé.")
        )
    for _attempt in range(5):
        try:
            with transaction.atomic():
                dossier = Dossier(
                    reference=_next_reference(phase),
                    phase=phase,
                    organisation=organisation,
                    created_by=actor,
                    title=title,
                    is_demo=is_demo,
                )
                dossier.full_clean()
                with acting_as(actor):
                    dossier.save()
                dataset_changed(DOSSIERS)
                return dossier
        except IntegrityError:
            continue  # two holders took the same number at once: take the next one
    raise ValidationError(_("Le dossier n'a pas pu être créé ; réessayez."))


EDITABLE_FIELDS = ["title", "territory", *[name for name, _label in SECTIONS]]


@transaction.atomic
def dossier_draft_delete(*, actor, dossier):
    """Delete a draft never submitted, with its files: by a member of its organisation, or
    by the retention rule (``actor`` None) once its period is over. The audit trail keeps
    that it existed and who deleted it."""
    if actor is not None and not can_delete_draft(actor, dossier):
        raise PermissionDenied
    if dossier.status != DossierStatus.DRAFT or dossier.versions.exists():
        raise ValidationError(_("Seul un brouillon jamais déposé peut être supprimé."))
    files = [attachment.file for attachment in dossier.attachments.all()]
    audit_event(actor=actor, obj=dossier, event="ami.draft_deleted")
    with acting_as(actor):
        dossier.delete()
    # Once the deletion is committed, the files go too (a rollback keeps them).
    transaction.on_commit(lambda: [file.delete(save=False) for file in files])
    dataset_changed(DOSSIERS)


@transaction.atomic
def dossier_save(*, actor, dossier, **fields):
    """Save a draft (or a dossier returned for completion); also used by the autosave."""
    if not can_edit_dossier(actor, dossier):
        raise PermissionDenied(_("Ce dossier n'est plus modifiable."))
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(
            _("Champs inconnus : %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    for name, value in fields.items():
        setattr(dossier, name, value)
    dossier.full_clean()
    with acting_as(actor):
        dossier.save()
    if dossier.status != DossierStatus.DRAFT:
        # A returned dossier is on the officers' lists; a draft's autosave changes no count.
        dataset_changed(DOSSIERS)
    return dossier


@transaction.atomic
def partner_add(*, actor, dossier, name, identifier="", role, share=None):
    if not can_edit_dossier(actor, dossier):
        raise PermissionDenied
    partner = ConsortiumPartner(
        dossier=dossier, name=name, identifier=identifier, role=role, share=share
    )
    partner.full_clean()
    total = (dossier.partners.aggregate(total=Sum("share"))["total"] or 0) + (share or 0)
    if total > 100:
        raise ValidationError({"share": _("La somme des parts dépasserait 100 %.")})
    with acting_as(actor):
        partner.save()
    return partner


@transaction.atomic
def partner_remove(*, actor, partner):
    if not can_edit_dossier(actor, partner.dossier):
        raise PermissionDenied
    with acting_as(actor):
        partner.delete()


@transaction.atomic
def financing_line_add(*, actor, dossier, kind, label, amount):
    if not can_edit_dossier(actor, dossier):
        raise PermissionDenied
    line = FinancingLine(dossier=dossier, kind=kind, label=label, amount=amount)
    line.full_clean()
    with acting_as(actor):
        line.save()
    return line


@transaction.atomic
def financing_line_remove(*, actor, line):
    if not can_edit_dossier(actor, line.dossier):
        raise PermissionDenied
    with acting_as(actor):
        line.delete()


@transaction.atomic
def attachment_add(*, actor, dossier, upload, description="", message=None):
    """Store a document after checking its real type and the size limits; scan it if clamd is set up."""
    if message is None and not can_edit_dossier(actor, dossier):
        raise PermissionDenied
    if message is not None and not can_write_message(actor, dossier):
        raise PermissionDenied
    try:
        kind = validate_document(upload, max_bytes=settings.AMI_MAX_FILE_BYTES)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    used = dossier.attachments.current().aggregate(total=Sum("size"))["total"] or 0
    if used + upload.size > settings.AMI_MAX_DOSSIER_BYTES:
        raise ValidationError(
            {
                "file": _("Les pièces du dossier dépasseraient la limite totale de %(limit)s Mo.")
                % {"limit": settings.AMI_MAX_DOSSIER_BYTES // (1024 * 1024)}
            }
        )
    attachment = Attachment(
        dossier=dossier,
        message=message,
        original_name=upload.name,
        size=upload.size,
        kind=kind,
        description=description,
        uploaded_by=actor,
        scan_status=ScanStatus.PENDING if settings.CLAMAV_ADDRESS else ScanStatus.NOT_SCANNED,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.full_clean()
    attachment.save()
    if settings.CLAMAV_ADDRESS:
        outbox_enqueue("ami.scan_attachment", attachment_pk=attachment.pk)
    return attachment


def attachment_scan(*, attachment):
    """Ask clamd about the file; a failure leaves it pending for the periodic retry."""
    from ami import antivirus

    attachment.scan_attempts += 1
    with attachment.file.open("rb") as handle:
        verdict = antivirus.scan(handle)
    attachment.scan_status = ScanStatus.INFECTED if verdict else ScanStatus.CLEAN
    attachment.scanned_at = timezone.now()
    attachment.save(update_fields=["scan_status", "scan_attempts", "scanned_at"])
    return attachment


@transaction.atomic
def attachment_remove(*, actor, attachment):
    """Take a piece off the draft. A file some submitted version lists is kept (only marked
    removed), so that every version stays retrievable whole; an unsubmitted upload goes."""
    if attachment.message_id or not can_edit_dossier(actor, attachment.dossier):
        raise PermissionDenied
    submitted = any(
        entry.get("id") == attachment.pk
        for content in attachment.dossier.versions.values_list("content", flat=True)
        for entry in content.get("attachments", [])
    )
    if submitted:
        attachment.removed_at = timezone.now()
        attachment.save(update_fields=["removed_at"])
        audit_event(
            actor=actor,
            obj=attachment.dossier,
            event="attachment_removed",
            reason=attachment.original_name,
        )
        return attachment
    attachment.file.delete(save=False)
    attachment.delete()
    return None
