"""Writes on calls, their phases and their published questions."""

from datetime import datetime, time

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ami.models import Question
from ami.permissions import can_manage_calls
from core.audit import acting_as
from core.services import data_flags_settle


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
    data_flags_settle(
        actor=actor,
        subject=call,
        code="enforceable-date-missing",
        resolution=_("Délibération exécutoire le %(date)s, saisie par un agent.")
        % {"date": enforceable_on.strftime("%d/%m/%Y")},
    )
    return call


@transaction.atomic
def phase_set_dates(*, actor, phase, opens_on=None, closes_on=None):
    """A date the text leaves out or gets wrong, confirmed by an officer (through its point à
    confirmer): the phase opens at 00:00 on ``opens_on`` and takes answers « avant le »
    ``closes_on``, that is until 23:59:59 the day before (Paris time)."""
    paris = timezone.get_default_timezone()
    return phase_update(
        actor=actor,
        phase=phase,
        opens_at=datetime.combine(opens_on, time.min, tzinfo=paris) if opens_on else phase.opens_at,
        closes_at=datetime.combine(closes_on, time.min, tzinfo=paris)
        if closes_on
        else phase.closes_at,
        eligible_kinds=phase.eligible_kinds,
        rolling_review=phase.rolling_review,
    )


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


@transaction.atomic
def question_publish(*, actor, call, question, answer):
    """Publish a question and its answer for every applicant to read."""
    if not can_manage_calls(actor):
        raise PermissionDenied
    item = Question(call=call, question=question.strip(), answer=answer.strip())
    item.full_clean()
    with acting_as(actor):
        item.save()
    return item
