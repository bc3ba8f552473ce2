"""Writes on calls and dossiers. Every status change goes through DOSSIER_TRANSITIONS."""

import contextlib
import hashlib
import json
from datetime import datetime, time, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ami.models import (
    SECTIONS,
    Attachment,
    ConsortiumPartner,
    Dossier,
    DossierMessage,
    DossierStatus,
    DossierVersion,
    DraftReminder,
    Evaluation,
    FinancingLine,
    ScanStatus,
    Score,
)
from ami.permissions import (
    can_create_dossier,
    can_edit_dossier,
    can_evaluate_dossier,
    can_instruct_dossier,
    can_invite_colleague,
    can_manage_calls,
    can_submit_dossier,
    can_view_dossier,
    can_write_message,
)
from core.audit import acting_as, audit_event
from core.files import validate_document
from core.models import DataFlag
from core.outbox import outbox_enqueue
from core.workflow import Transition, apply_transition
from partners.models import Membership, Organisation, Role, User
from partners.permissions import is_officer


def _instructs(user, dossier):
    return can_instruct_dossier(user, dossier)


def _holder_of(user, dossier):
    return can_submit_dossier(user, dossier)


DOSSIER_TRANSITIONS = [
    Transition("submit", DossierStatus.DRAFT, DossierStatus.SUBMITTED, _holder_of),
    Transition("resubmit", DossierStatus.RETURNED, DossierStatus.UNDER_REVIEW, _holder_of),
    Transition("start_review", DossierStatus.SUBMITTED, DossierStatus.UNDER_REVIEW, _instructs),
    Transition(
        "return", DossierStatus.UNDER_REVIEW, DossierStatus.RETURNED, _instructs, needs_reason=True
    ),
    Transition(
        "retain", DossierStatus.UNDER_REVIEW, DossierStatus.RETAINED, _instructs, needs_reason=True
    ),
    Transition(
        "reject",
        DossierStatus.UNDER_REVIEW,
        DossierStatus.NOT_RETAINED,
        _instructs,
        needs_reason=True,
    ),
    Transition(
        "redirect",
        DossierStatus.UNDER_REVIEW,
        DossierStatus.REDIRECTED,
        _instructs,
        needs_reason=True,
    ),
]
DECISIONS = {
    "retain": DossierStatus.RETAINED,
    "reject": DossierStatus.NOT_RETAINED,
    "redirect": DossierStatus.REDIRECTED,
}


# --- calls and phases -----------------------------------------------------------------


@transaction.atomic
def call_set_enforceable_date(*, actor, call, enforceable_on):
    """The PMCB call runs three years from the day its deliberation became enforceable."""
    if not can_manage_calls(actor):
        raise PermissionDenied
    call.enforceable_on = enforceable_on
    call.full_clean()
    with acting_as(actor):
        call.save()
        opens = datetime.combine(enforceable_on, time.min, tzinfo=timezone.get_default_timezone())
        for phase in call.phases.all():
            phase.opens_at = opens
            phase.closes_at = opens + relativedelta(years=call.duration_years or 3)
            phase.full_clean()
            phase.save()
    for data_flag in DataFlag.objects.filter(
        object_id=call.pk, code="enforceable-date-missing", status="open"
    ):
        from core.services import data_flag_resolve

        data_flag_resolve(
            actor=actor,
            data_flag=data_flag,
            status=DataFlag.Status.CONFIRMED,
            resolution=_("Délibération exécutoire le %(date)s, saisie par un agent.")
            % {"date": enforceable_on.strftime("%d/%m/%Y")},
        )
    return call


@transaction.atomic
def phase_update(*, actor, phase, opens_at, closes_at, eligible_kinds, rolling_review):
    if not can_manage_calls(actor):
        raise PermissionDenied
    if opens_at and closes_at and closes_at <= opens_at:
        raise ValidationError({"closes_at": _("La clôture doit suivre l'ouverture.")})
    phase.opens_at, phase.closes_at = opens_at, closes_at
    phase.eligible_kinds, phase.rolling_review = list(eligible_kinds), rolling_review
    phase.full_clean()
    with acting_as(actor):
        phase.save()
    return phase


# --- accounts of project holders --------------------------------------------------------


@transaction.atomic
def holder_sign_up(
    *, email, full_name, password, organisation_name, organisation_kind, identifier, legal_form=""
):
    """A holder creates an account and their organisation (identifier checked for form)."""
    from partners.identifiers import validate_identifier

    normalised = validate_identifier(identifier)
    if Organisation.objects.filter(identifier=normalised).exists():
        raise ValidationError(
            {
                "identifier": _(
                    "Cette organisation a déjà un compte : demandez à son gestionnaire de vous inviter."
                )
            }
        )
    user = User(email=email.lower(), full_name=full_name, role=Role.HOLDER)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    organisation = Organisation(
        name=organisation_name, kind=organisation_kind, identifier=normalised, legal_form=legal_form
    )
    organisation.full_clean()
    with acting_as(None):
        user.save()
        organisation.save()
        Membership.objects.create(user=user, organisation=organisation, is_manager=True)
    return user


@transaction.atomic
def colleague_invite(*, actor, organisation, email, full_name):
    if not can_invite_colleague(actor, organisation):
        raise PermissionDenied
    email = email.lower()
    user = User.objects.filter(email=email).first()
    if user is not None and user.role != Role.HOLDER:
        raise ValidationError(
            {"email": _("Cette adresse appartient à un compte qui n'est pas un compte de porteur.")}
        )
    with acting_as(actor):
        if user is None:
            user = User(email=email, full_name=full_name, role=Role.HOLDER)
            user.set_unusable_password()
            user.full_clean(exclude=["password"])
            user.save()
        if Membership.objects.filter(user=user, organisation=organisation).exists():
            raise ValidationError(
                {"email": _("Cette personne fait déjà partie de l'organisation.")}
            )
        Membership.objects.create(user=user, organisation=organisation)
    outbox_enqueue(
        "ami.invitation", user_pk=user.pk, organisation_pk=organisation.pk, inviter_pk=actor.pk
    )
    return user


# --- dossiers ------------------------------------------------------------------------


def _next_reference(phase):
    year = timezone.localdate().year
    prefix = f"AMI-{phase.call.code.upper()}-{year}-"
    count = Dossier.objects.filter(reference__startswith=prefix).count()
    return f"{prefix}{count + 1:04d}"


def dossier_create(*, actor, phase, organisation, title, is_demo=False):
    if (
        not can_create_dossier(actor, phase)
        or not actor.memberships.filter(organisation=organisation).exists()
    ):
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
                return dossier
        except IntegrityError:
            continue  # two holders took the same number at once: take the next one
    raise ValidationError(_("Le dossier n'a pas pu être créé ; réessayez."))


EDITABLE_FIELDS = ["title", "territory", *[name for name, _label in SECTIONS]]


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
    used = dossier.attachments.aggregate(total=Sum("size"))["total"] or 0
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
        from ami.tasks import scan_attachment

        transaction.on_commit(lambda: _kick_scan(scan_attachment, attachment.pk))
    return attachment


def _kick_scan(task, pk):
    # If the broker is down, the periodic rescan picks the pending file up later.
    with contextlib.suppress(Exception):
        task.apply_async((pk,), retry=False)


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
    if attachment.message_id or not can_edit_dossier(actor, attachment.dossier):
        raise PermissionDenied
    attachment.file.delete(save=False)
    attachment.delete()


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
                        "Le plan de financement n'est pas équilibré : ressources moins dépenses = %(balance)s €."
                    )
                    % {"balance": totals["balance"]},
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
            {"name": a.original_name, "size": a.size, "sha256": _file_sha256(a)}
            for a in dossier.attachments.filter(message__isnull=True).order_by("pk")
        ],
    }
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return content, hashlib.sha256(canonical.encode()).hexdigest()


def _file_sha256(attachment):
    digest = hashlib.sha256()
    with attachment.file.open("rb") as handle:
        for chunk in iter(lambda: handle.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dossier_submit(*, actor, dossier_pk):
    """Submit, to the second, before the deadline. Safe to call twice (double click, retry)."""
    with transaction.atomic():
        dossier = (
            Dossier.objects.select_for_update()
            .select_related("phase__call", "organisation")
            .get(pk=dossier_pk)
        )
        now = timezone.now()
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
        problems = missing_for_submission(dossier)
        if problems:
            raise ValidationError({field: [message] for field, message in problems})
        content, digest = _frozen_content(dossier)
        event = "submit" if dossier.status == DossierStatus.DRAFT else "resubmit"
        target = DossierStatus.SUBMITTED if event == "submit" else DossierStatus.UNDER_REVIEW
        apply_transition(
            DOSSIER_TRANSITIONS, dossier, actor=actor, target=target, changes={"submitted_at": now}
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
        if event == "resubmit" and dossier.instructor_id:
            outbox_enqueue("ami.notify_officer", dossier_pk=dossier.pk, event=event)
    return version


@transaction.atomic
def dossier_transition(*, actor, dossier, event, reason="", redirected_to=""):
    """An officer's step in the workflow; the holder is told by e-mail."""
    targets = {
        "start_review": DossierStatus.UNDER_REVIEW,
        "return": DossierStatus.RETURNED,
        **DECISIONS,
    }
    if event not in targets:
        raise ValidationError(_("Étape inconnue."))
    changes = {}
    if event in DECISIONS:
        changes = {"decided_at": timezone.now(), "decision_reason": reason.strip()}
        if event == "redirect":
            if not redirected_to:
                raise ValidationError(
                    {
                        "redirected_to": _(
                            "Choisissez le dispositif vers lequel orienter le dossier."
                        )
                    }
                )
            changes["redirected_to"] = redirected_to
    apply_transition(
        DOSSIER_TRANSITIONS,
        dossier,
        actor=actor,
        target=targets[event],
        reason=reason,
        changes=changes,
    )
    outbox_enqueue(
        "ami.status_changed",
        dossier_pk=dossier.pk,
        event=event,
        status=dossier.status,
        reason=reason.strip(),
    )
    if (
        event == "retain"
        and dossier.phase.counts_for_indicator
        and dossier.phase.call.indicator_code
    ):
        from actionplan.models import Indicator
        from actionplan.services.plan import _enqueue_refresh

        indicator = Indicator.objects.filter(code=dossier.phase.call.indicator_code).first()
        if indicator is not None:
            _enqueue_refresh(indicator.pk)
    return dossier


@transaction.atomic
def dossier_assign(*, actor, dossier, instructor):
    if not can_instruct_dossier(actor, dossier) or (
        instructor is not None and not is_officer(instructor)
    ):
        raise PermissionDenied
    dossier.instructor = instructor
    with acting_as(actor):
        dossier.save(update_fields=["instructor"])
    return dossier


@transaction.atomic
def dossier_extend_deadline(*, actor, dossier, until, reason):
    if not can_instruct_dossier(actor, dossier):
        raise PermissionDenied
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
    for upload in uploads:
        attachment_add(actor=actor, dossier=dossier, upload=upload, message=message)
    outbox_enqueue("ami.message", message_pk=message.pk)
    return message


@transaction.atomic
def evaluation_save(
    *,
    actor,
    dossier,
    conflict_of_interest,
    conflict_details="",
    scores=None,
    comment="",
    completed=False,
):
    """A reviewer's grid. Declaring a conflict hides the dossier from them from then on."""
    if not can_evaluate_dossier(actor, dossier):
        raise PermissionDenied
    evaluation, _created = Evaluation.objects.get_or_create(dossier=dossier, reviewer=actor)
    evaluation.conflict_of_interest = conflict_of_interest
    evaluation.conflict_details = conflict_details
    evaluation.comment = comment
    evaluation.completed = completed and not conflict_of_interest
    evaluation.full_clean()
    with acting_as(actor):
        evaluation.save()
        if not conflict_of_interest:
            criteria = {c.pk: c for c in dossier.phase.call.criteria.all()}
            for criterion_pk, (value, note) in (scores or {}).items():
                if criterion_pk not in criteria:
                    raise ValidationError(_("Critère inconnu pour cet appel."))
                score, _new = Score.objects.get_or_create(
                    evaluation=evaluation,
                    criterion=criteria[criterion_pk],
                    defaults={"score": value},
                )
                score.score, score.comment = value, note
                score.full_clean()
                score.save()
            if completed and len(scores or {}) < len(criteria):
                raise ValidationError(_("Notez chaque critère avant de terminer l'évaluation."))
    return evaluation


def consolidated_score(dossier):
    """Mean over the reviewers (conflicts excluded) of the weighted mean of their scores, out of 5."""
    totals = []
    for evaluation in dossier.evaluations.all():
        if evaluation.conflict_of_interest or not evaluation.completed:
            continue
        scores = list(evaluation.scores.all())
        weights = sum(s.criterion.weight for s in scores)
        if weights:
            totals.append(Decimal(sum(s.score * s.criterion.weight for s in scores)) / weights)
    if not totals:
        return None
    return round(sum(totals) / len(totals), 2)


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
def question_publish(*, actor, call, question, answer):
    """Publish a question and its answer for every applicant to read."""
    from ami.models import Question

    if not can_manage_calls(actor):
        raise PermissionDenied
    item = Question(call=call, question=question.strip(), answer=answer.strip())
    item.full_clean()
    with acting_as(actor):
        item.save()
    return item
