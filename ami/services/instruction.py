"""Writes officers make while instructing a dossier, and the messages both sides exchange."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import is_officer
from ami.models import DossierMessage, DossierNote, DossierSeen, DossierStatus, ExpertRequest
from ami.permissions import (
    can_ask_expert,
    can_instruct_dossier,
    can_write_message,
    can_write_note,
)
from ami.selectors import DOSSIERS
from ami.services.dossiers import attachment_add
from ami.sources import source_key_for
from ami.workflows import DOSSIER_WORKFLOW, dossier_apply
from core.audit import acting_as, audit_event
from core.outbox import outbox_enqueue
from core.registry import computed_source_changed
from core.versioned_cache import dataset_changed


@transaction.atomic
def dossier_transition(*, actor, dossier, event, reason="", redirected_to=""):
    """An officer's step in the workflow; the holder is told by e-mail."""
    transition = DOSSIER_WORKFLOW.transitions.get(event)
    if transition is None or transition.traits.get("actor") != "officer":
        raise ValidationError({"event": _("Étape inconnue.")})
    changes = {}
    if transition.traits.get("decision"):
        changes = {
            "decided_at": timezone.now(),
            "decided_by": actor,
            "decision_reason": reason.strip(),
        }
    if transition.traits.get("needs_scheme"):
        if not redirected_to:
            raise ValidationError(
                {"redirected_to": _("Choisissez le dispositif vers lequel orienter le dossier.")}
            )
        changes["redirected_to"] = redirected_to
    if transition.traits.get("asks_complement"):
        changes.update(complement_request=reason.strip(), complement_requested_at=timezone.now())
    dossier_apply(dossier, actor=actor, event=event, reason=reason, changes=changes)
    if transition.traits.get("asks_complement"):
        # The holder reads the request in the dossier's thread too (the e-mail follows).
        DossierMessage.objects.create(
            dossier=dossier,
            author=actor,
            body=_("Demande de complément : %(request)s") % {"request": reason.strip()},
        )
    outbox_enqueue(
        "ami.status_changed",
        dossier_pk=dossier.pk,
        event=event,
        status=dossier.status,
        reason=reason.strip(),
    )
    source = source_key_for(dossier.phase)
    if source and transition.traits.get("decision"):
        computed_source_changed(source)
    dataset_changed(DOSSIERS)
    return dossier


def dossier_mark_seen(*, actor, dossier):
    """An officer opened the dossier: what the holder did until now is no longer « nouveau »."""
    if not is_officer(actor):
        return
    now = timezone.now()
    # One UPDATE on every later opening; the first opening inserts (a racing second tab's
    # insert is the same fact, so its conflict is ignored).
    if not DossierSeen.objects.filter(dossier=dossier, user=actor).update(seen_at=now):
        DossierSeen.objects.bulk_create(
            [DossierSeen(dossier=dossier, user=actor, seen_at=now)], ignore_conflicts=True
        )


@transaction.atomic
def dossier_note_add(*, actor, dossier, body):
    """An officer's private note: for the instructing team only, kept in the audit trail."""
    if not can_write_note(actor, dossier):
        raise PermissionDenied
    note = DossierNote(dossier=dossier, author=actor, body=body.strip())
    note.full_clean()
    with acting_as(actor):
        note.save()
    return note


@transaction.atomic
def expert_request_create(*, actor, dossier, email, full_name, question, due_on):
    """Ask a named outside reviewer for an opinion: an expert account is opened for them if
    need be (they choose a password by e-mail); they read this dossier until they answer."""
    from accounts.models import Role, User
    from accounts.services import normalise_email, user_create, welcome_send

    if not can_ask_expert(actor, dossier):
        raise PermissionDenied
    if due_on < timezone.localdate():
        raise ValidationError({"due_on": _("La date attendue est déjà passée.")})
    expert = User.objects.filter(email=normalise_email(email)).first()
    if expert is not None and expert.role != Role.EXPERT:
        raise ValidationError(
            {"email": _("Cette adresse appartient à un compte qui n'est pas un compte d'expert.")}
        )
    if expert is None:
        expert = user_create(actor=actor, email=email, full_name=full_name, role=Role.EXPERT)
        welcome_send(actor=actor, user=expert)
    if dossier.expert_requests.filter(expert=expert, answered_at__isnull=True).exists():
        raise ValidationError({"email": _("Un avis est déjà demandé à cet expert sur ce dossier.")})
    request = ExpertRequest(
        dossier=dossier, expert=expert, requested_by=actor, question=question.strip(), due_on=due_on
    )
    request.full_clean()
    with acting_as(actor):
        request.save()
    outbox_enqueue("ami.expert_request", request_pk=request.pk)
    return request


@transaction.atomic
def expert_opinion_submit(*, actor, expert_request, answer):
    """The expert gives their opinion; from then on the dossier is closed to them."""
    if expert_request.expert_id != actor.pk or expert_request.answered_at is not None:
        raise PermissionDenied
    if not answer.strip():
        raise ValidationError({"answer": _("Écrivez votre avis.")})
    expert_request.answer = answer.strip()
    expert_request.answered_at = timezone.now()
    expert_request.full_clean()
    with acting_as(actor):
        expert_request.save()
    outbox_enqueue("ami.expert_answered", request_pk=expert_request.pk)
    return expert_request


@transaction.atomic
def dossier_assign(*, actor, dossier, instructor):
    if not can_instruct_dossier(actor, dossier) or (
        instructor is not None and not is_officer(instructor)
    ):
        raise PermissionDenied
    dossier.instructor = instructor
    with acting_as(actor):
        dossier.save(update_fields=["instructor"])
    dataset_changed(DOSSIERS)
    return dossier


@transaction.atomic
def dossier_extend_deadline(*, actor, dossier, until, reason):
    if not can_instruct_dossier(actor, dossier):
        raise PermissionDenied
    if dossier.status != DossierStatus.DRAFT:
        raise ValidationError(
            {
                "reference": _(
                    "Un délai individuel ne s'accorde qu'à un dossier pas encore déposé ; "
                    "ce dossier est « %(status)s »."
                )
                % {"status": dossier.get_status_display()}
            }
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Indiquez le motif de la prolongation.")})
    if dossier.phase.closes_at and until <= dossier.phase.closes_at:
        raise ValidationError(
            {"until": _("Le nouveau délai doit dépasser la clôture de la phase.")}
        )
    before = dossier.extended_until
    dossier.extended_until = until
    dossier.full_clean()
    dossier.save(update_fields=["extended_until"])
    audit_event(
        actor=actor,
        obj=dossier,
        event="deadline_extended",
        changes={"extended_until": (before, until)},
        reason=reason,
    )
    return dossier


@transaction.atomic
def message_post(*, actor, dossier, body, uploads=()):
    if not can_write_message(actor, dossier):
        raise PermissionDenied
    if not body.strip():
        raise ValidationError({"body": _("Le message est vide.")})
    message = DossierMessage(dossier=dossier, author=actor, body=body.strip())
    message.full_clean()
    message.save()
    if not is_officer(actor):
        dossier.holder_activity_at = message.created_at
        with acting_as(actor):
            dossier.save(update_fields=["holder_activity_at"])
    for upload in uploads:
        attachment_add(actor=actor, dossier=dossier, upload=upload, message=message)
    outbox_enqueue("ami.message", message_pk=message.pk)
    dataset_changed(DOSSIERS)  # the officers' « nouveautés » count reads the thread
    return message
