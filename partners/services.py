"""Writes on the register of partnerships. Each service checks who may, validates, saves."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import acting_as
from core.files import validate_document
from core.outbox import outbox_enqueue
from core.services import data_flags_settle
from partners.models import (
    DeliverableStatus,
    Meeting,
    ObligationNotice,
    Person,
    ProjectUpdate,
)
from partners.obligations import State
from partners.permissions import can_manage_convention, can_record_for_convention
from partners.selectors import organisations_choosable_by, people_choosable_by


@transaction.atomic
def convention_set_notification_date(*, actor, convention, notification_date):
    """The date the convention was notified: its duration, end and obligations count from it."""
    if not can_manage_convention(actor, convention):
        raise PermissionDenied
    if notification_date > timezone.localdate():
        raise ValidationError(
            {"notification_date": _("La date de notification ne peut pas être dans le futur.")}
        )
    if notification_date < convention.executory_date:
        raise ValidationError(
            {
                "notification_date": _(
                    "La convention ne peut pas être notifiée avant que sa délibération soit "
                    "exécutoire, le %(date)s (délibération du %(deliberation)s, reçue en "
                    "sous-préfecture et publiée : la plus tardive des deux dates)."
                )
                % {
                    "date": convention.executory_date.strftime("%d/%m/%Y"),
                    "deliberation": convention.deliberation_date.strftime("%d/%m/%Y"),
                }
            }
        )
    convention.notification_date = notification_date
    convention.full_clean()
    with acting_as(actor):
        convention.save()
    data_flags_settle(
        actor=actor,
        subject=convention,
        code="notification-date-missing",
        resolution=_("Notifiée le %(date)s, saisie par un agent.")
        % {"date": notification_date.strftime("%d/%m/%Y")},
    )
    return convention


def _check_meeting(actor, convention, *, date, minutes_date, attendees, organisations):
    errors = {}
    today = timezone.localdate()
    start = convention.notification_date or convention.deliberation_date
    if date < start:
        errors["date"] = _(
            "Une réunion de la convention ne peut pas précéder le %(date)s (sa %(what)s)."
        ) % {
            "date": start.strftime("%d/%m/%Y"),
            "what": _("notification") if convention.notification_date else _("délibération"),
        }
    elif date > today:
        errors["date"] = _("On enregistre une réunion tenue : sa date ne peut pas être future.")
    if minutes_date is not None:
        if minutes_date > today:
            errors["minutes_date"] = _("Le compte rendu ne peut pas être daté du futur.")
        elif minutes_date < date:
            errors["minutes_date"] = _("Le compte rendu ne peut pas précéder la réunion.")
    # A contributor names only people and organisations tied to the convention: the rest of
    # the register (AMI applicants among them) is not theirs to see.
    choosable = set(
        people_choosable_by(actor, convention)
        .filter(pk__in=[p.pk for p in attendees])
        .values_list("pk", flat=True)
    )
    if any(p.pk not in choosable for p in attendees):
        errors["attendees"] = _(
            "Participant inconnu des personnes de cette convention : ajoutez d'abord la personne."
        )
    choosable = set(
        organisations_choosable_by(actor, convention)
        .filter(pk__in=[o.pk for o in organisations])
        .values_list("pk", flat=True)
    )
    if any(o.pk not in choosable for o in organisations):
        errors["organisations"] = _("Organisation inconnue des parties de cette convention.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def meeting_record(
    *,
    actor,
    convention,
    kind,
    date,
    place,
    attendees=(),
    organisations=(),
    minutes=None,
    minutes_date=None,
    decisions="",
    follow_up_actions="",
    meeting=None,
):
    """Record a meeting held (or correct one): attendance, minutes, decisions, actions."""
    if not can_record_for_convention(actor, convention):
        raise PermissionDenied
    attendees, organisations = list(attendees), list(organisations)
    _check_meeting(
        actor,
        convention,
        date=date,
        minutes_date=minutes_date,
        attendees=attendees,
        organisations=organisations,
    )
    if minutes is not None:
        try:
            validate_document(minutes)
        except ValidationError as error:
            raise ValidationError({"minutes": error.messages}) from error
    meeting = meeting or Meeting(convention=convention, recorded_by=actor)
    meeting.kind, meeting.date, meeting.place = kind, date, place
    meeting.minutes_date, meeting.decisions = minutes_date, decisions
    meeting.follow_up_actions = follow_up_actions
    if minutes is not None:
        meeting.minutes = minutes
    meeting.full_clean()
    with acting_as(actor):
        meeting.save()
        meeting.attendees.set(attendees)
        # Organisations present: those named, and those of the people who came.
        meeting.organisations.set({*organisations, *(p.organisation for p in attendees)})
    return meeting


@transaction.atomic
def project_update_record(*, actor, project, date, status, note, next_step=""):
    """A step in a followed project: it joins the project's history and sets its status."""
    if not can_record_for_convention(actor, project.action.convention):
        raise PermissionDenied
    if date > timezone.localdate():
        raise ValidationError(
            {"date": _("Un avancement est daté du jour où il a eu lieu, pas du futur.")}
        )
    if not note.strip():
        raise ValidationError({"note": _("Dites ce qui s'est passé.")})
    update = ProjectUpdate(
        project=project,
        date=date,
        status=status,
        note=note.strip(),
        next_step=next_step.strip(),
        author=actor,
    )
    update.full_clean()
    update.save()
    project.status = status
    project.next_step = next_step.strip()
    project.full_clean()
    with acting_as(actor):
        project.save()
    return update


@transaction.atomic
def deliverable_update(
    *, actor, deliverable, status, delivered_on=None, evidence=None, evidence_note=""
):
    if not can_manage_convention(actor, deliverable.action.convention):
        raise PermissionDenied
    if status == DeliverableStatus.DELIVERED and delivered_on is None:
        raise ValidationError({"delivered_on": _("Indiquez la date de livraison.")})
    if delivered_on is not None and delivered_on > timezone.localdate():
        raise ValidationError({"delivered_on": _("La livraison ne peut pas être future.")})
    if evidence is not None:
        try:
            validate_document(evidence)
        except ValidationError as error:
            raise ValidationError({"evidence": error.messages}) from error
        deliverable.evidence = evidence
    deliverable.status = status
    deliverable.delivered_on = delivered_on if status == DeliverableStatus.DELIVERED else None
    deliverable.evidence_note = evidence_note
    deliverable.full_clean()
    with acting_as(actor):
        deliverable.save()
    return deliverable


@transaction.atomic
def person_create(*, actor, convention, organisation, full_name, position=""):
    """Add someone to the register (to record their attendance)."""
    if not can_record_for_convention(actor, convention):
        raise PermissionDenied
    if not organisations_choosable_by(actor, convention).filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"organisation": _("Organisation inconnue des parties de cette convention.")}
        )
    person = Person(organisation=organisation, full_name=full_name.strip(), position=position)
    person.full_clean()
    with acting_as(actor):
        person.save()
    return person


def obligation_notices_send(*, conventions, obligations_of, today=None):
    """Tell the officers once when an obligation comes due (30 days) and once when it is missed.

    ``obligations_of(convention)`` gives the convention's obligations (see selectors).
    The notice row and its e-mail are written together; the unique row makes it once."""
    events = {
        State.DUE_SOON: ObligationNotice.Event.DUE_SOON,
        State.MISSED: ObligationNotice.Event.MISSED,
    }
    sent = 0
    for convention in conventions:
        for obligation in obligations_of(convention):
            event = events.get(obligation.state)
            if event is None:
                continue
            try:
                with transaction.atomic():
                    notice = ObligationNotice.objects.create(
                        convention=convention, obligation=obligation.key, event=event
                    )
                    outbox_enqueue(
                        "partners.obligation_notice",
                        notice_pk=notice.pk,
                        label=obligation.label,
                        deadline=obligation.deadline.isoformat() if obligation.deadline else None,
                    )
            except IntegrityError:
                continue  # already told
            sent += 1
    return sent
