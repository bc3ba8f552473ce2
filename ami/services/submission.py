"""Submission: to the second before the deadline, frozen with its hash, receipted once."""

import hashlib
import json
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ami.models import SECTIONS, Dossier, DossierStatus, DossierVersion, DraftReminder
from ami.permissions import can_submit_dossier, can_view_dossier
from ami.selectors import DOSSIERS
from ami.workflows import dossier_apply
from core.outbox import outbox_enqueue
from core.templatetags.portal import format_money_exact
from core.versioned_cache import dataset_changed


def missing_for_submission(dossier):
    """What keeps the dossier from being submitted, each as (field, message)."""
    problems = []
    if not dossier.title.strip():
        problems.append(("title", _("Donnez un titre au projet.")))
    for name, label in SECTIONS:
        if not getattr(dossier, name).strip():
            problems.append((name, _("La rubrique « %(section)s » est vide.") % {"section": label}))
    if not dossier.territory:
        problems.append(("territory", _("Indiquez le département principal du projet.")))
    totals = dossier.totals()
    if totals["expenses"] or totals["resources"]:
        if totals["balance"] != 0:
            problems.append(
                (
                    "financing",
                    _(
                        "Le plan de financement n'est pas équilibré : ressources moins dépenses = %(balance)s."
                    )
                    % {"balance": format_money_exact(totals["balance"])},
                )
            )
    else:
        problems.append(
            ("financing", _("Renseignez le plan de financement (dépenses et ressources)."))
        )
    eligible = dossier.phase.eligible_kinds
    if eligible and dossier.organisation.kind not in eligible:
        problems.append(
            (
                "organisation",
                _("Votre type de structure (%(kind)s) n'est pas visé par cette phase.")
                % {"kind": dossier.organisation.get_kind_display()},
            )
        )
    return problems


def _frozen_content(dossier):
    content = {
        "reference": dossier.reference,
        "call": dossier.phase.call.code,
        "phase": dossier.phase.number,
        "organisation": {
            "name": dossier.organisation.name,
            "identifier": dossier.organisation.identifier,
        },
        "title": dossier.title,
        "territory": dossier.territory,
        "sections": {name: getattr(dossier, name) for name, _label in SECTIONS},
        "partners": [
            {
                "name": p.name,
                "identifier": p.identifier,
                "role": p.role,
                "share": str(p.share) if p.share is not None else None,
            }
            for p in dossier.partners.order_by("pk")
        ],
        "financing": [
            {"kind": line.kind, "label": line.label, "amount": str(line.amount)}
            for line in dossier.financing_lines.order_by("kind", "pk")
        ],
        "attachments": [
            {"id": a.pk, "name": a.original_name, "size": a.size, "sha256": file_sha256(a)}
            for a in dossier.attachments.current().order_by("pk")
        ],
    }
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return content, hashlib.sha256(canonical.encode()).hexdigest()


def file_sha256(attachment):
    digest = hashlib.sha256()
    with attachment.file.open("rb") as handle:
        for chunk in iter(lambda: handle.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dossier_submit(*, actor, dossier_pk, arrived_at=None):
    """Submit, to the second, before the deadline. Safe to call twice (double click, retry).

    ``arrived_at`` is when the request reached the portal (``core.arrival``): the deadline is
    judged by it, and the receipt states it, however long the request then waited for a
    worker at the closing second."""
    with transaction.atomic():
        dossier = (
            Dossier.objects.select_for_update()
            .select_related("phase__call", "organisation")
            .get(pk=dossier_pk)
        )
        now = min(arrived_at or timezone.now(), timezone.now())
        latest = dossier.versions.order_by("-number").first()
        if dossier.status not in (DossierStatus.DRAFT, DossierStatus.RETURNED):
            if latest is not None and can_view_dossier(actor, dossier):
                return latest  # already submitted: a double click or a retry gets the same receipt
            raise PermissionDenied(_("Ce dossier a déjà été déposé."))
        if not can_submit_dossier(actor, dossier):
            raise PermissionDenied(
                _("Ce dossier ne peut pas être déposé par vous dans son état actuel.")
            )
        if dossier.status == DossierStatus.DRAFT:
            phase = dossier.phase
            if not phase.has_confirmed_dates or now < phase.opens_at:
                raise ValidationError(_("Cette phase n'est pas ouverte."))
            if now >= dossier.deadline():
                raise ValidationError(
                    _(
                        "La date limite est passée (%(deadline)s, heure de Paris) : le dossier n'a pas été déposé."
                    )
                    % {
                        "deadline": timezone.localtime(
                            dossier.deadline(), timezone.get_default_timezone()
                        ).strftime("%d/%m/%Y %H:%M:%S")
                    }
                )
        if actor.email_verified_at is None:
            raise ValidationError(
                _(
                    "Confirmez d'abord votre adresse e-mail avec le lien envoyé à %(email)s (le "
                    "bandeau en haut de la page le renvoie) : le dossier n'a pas été déposé, "
                    "rien n'est perdu."
                )
                % {"email": actor.email}
            )
        problems = missing_for_submission(dossier)
        if problems:
            raise ValidationError({field: [message] for field, message in problems})
        content, digest = _frozen_content(dossier)
        event = "submit" if dossier.status == DossierStatus.DRAFT else "resubmit"
        transition = dossier_apply(
            dossier,
            actor=actor,
            event=event,
            changes={"submitted_at": now, "holder_activity_at": now},
            now=now,
        )
        version = DossierVersion.objects.create(
            dossier=dossier,
            number=(latest.number + 1) if latest else 1,
            content=content,
            content_sha256=digest,
            submitted_at=now,
            submitted_by=actor,
        )
        outbox_enqueue("ami.receipt", version_pk=version.pk)
        if transition.traits.get("tell_instructor") and dossier.instructor_id:
            outbox_enqueue("ami.notify_officer", dossier_pk=dossier.pk, event=event)
        dataset_changed(DOSSIERS)
    return version


def draft_reminders_send(*, now=None):
    """Remind the holders of unsubmitted drafts 7 days and 1 day before their deadline, once each."""
    now = now or timezone.now()
    sent = 0
    for days in (7, 1):
        window_end = now + timedelta(days=days)
        drafts = Dossier.objects.filter(
            status=DossierStatus.DRAFT, phase__closes_at__gt=now, phase__closes_at__lte=window_end
        ).exclude(draft_reminders__days_before__lte=days)
        for dossier in drafts.select_related("phase"):
            if dossier.extended_until and dossier.extended_until > window_end:
                continue
            try:
                with transaction.atomic():
                    DraftReminder.objects.create(dossier=dossier, days_before=days)
                    outbox_enqueue("ami.draft_reminder", dossier_pk=dossier.pk, days=days)
            except IntegrityError:
                continue
            sent += 1
    return sent


@transaction.atomic
def dossier_withdraw(*, actor, dossier, reason=""):
    """The holder withdraws a dossier not yet decided: it leaves the instruction, stays in the
    records with its versions, and its instructor is told."""
    transition = dossier_apply(dossier, actor=actor, event="withdraw", reason=reason)
    if transition.traits.get("tell_instructor") and dossier.instructor_id:
        outbox_enqueue("ami.notify_officer", dossier_pk=dossier.pk, event="withdraw")
    dataset_changed(DOSSIERS)
    return dossier
