"""Writes on the action plan: measurements and their approval, statuses, funding."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actionplan.forecast import forecast
from actionplan.models import (
    FundingCommitment,
    ImportBatch,
    Indicator,
    Lifecycle,
    Measurement,
    MeasurementStatus,
    PlanSetting,
    Reminder,
    SeriesPoint,
    Status,
    StatusChange,
    TargetKind,
)
from actionplan.permissions import (
    can_edit_action_sheet,
    can_import_measurements,
    can_manage_indicator,
    can_record_funding,
    can_record_measurement,
    can_resubmit_measurement,
    can_review_measurement,
    can_set_plan_start,
)
from actionplan.progress import Observation, Target, assess
from actionplan.selectors import (
    REFRESH_INDICATOR,
    indicator_series,
    indicators_due_for_reminder,
    plan_horizon,
)
from actionplan.validation import measurement_errors
from core.audit import acting_as, save_with_reason
from core.files import validate_document
from core.imports import (
    import_confirm,
    import_confirm_stored,
    import_parse_stored,
    import_receive,
)
from core.imports import named_file as _named
from core.outbox import outbox_enqueue
from core.registry import computed_sources
from core.services import data_flags_settle
from core.templatetags.portal import format_money_exact
from core.territories import parse_territory
from core.workflow import Transition, Workflow

TREND_POINTS = 12

MEASUREMENT_WORKFLOW = Workflow(
    [
        Transition(
            "approve",
            gettext_lazy("Approuver"),
            (MeasurementStatus.PENDING,),
            MeasurementStatus.APPROVED,
            can_review_measurement,
        ),
        Transition(
            "return",
            gettext_lazy("Renvoyer à son auteur"),
            (MeasurementStatus.PENDING,),
            MeasurementStatus.RETURNED,
            can_review_measurement,
            needs_reason=True,
        ),
        Transition(
            "resubmit",
            gettext_lazy("Soumettre à nouveau"),
            (MeasurementStatus.RETURNED,),
            MeasurementStatus.PENDING,
            can_resubmit_measurement,
        ),
    ]
)


def indicator_refresh_later(indicator_pk):
    """Recompute the indicator's status after this transaction commits (through the outbox)."""
    return outbox_enqueue(REFRESH_INDICATOR, indicator_pk=indicator_pk)


@transaction.atomic
def measurement_create(
    *,
    actor,
    indicator,
    date,
    value,
    count=None,
    territory="",
    source,
    nature="measured",
    comment="",
    evidence=None,
    is_demo=False,
):
    if not can_record_measurement(actor, indicator):
        raise PermissionDenied(_("Vous ne pouvez pas saisir de mesure pour cet indicateur."))
    if indicator.target_kind == TargetKind.MONEY_AND_COUNT and count is None:
        raise ValidationError(
            {"count": _("Cet objectif associe un montant et un nombre : indiquez le nombre.")}
        )
    problems = measurement_errors(
        indicator,
        day=date,
        value=value,
        count=count,
        territory=territory,
        today=timezone.localdate(),
    )
    if problems:
        raise ValidationError(problems)
    territory = parse_territory(territory)
    if evidence is not None:
        try:
            validate_document(evidence)
        except ValidationError as error:
            raise ValidationError({"evidence": error.messages}) from error
    measurement = Measurement(
        indicator=indicator,
        date=date,
        value=value,
        count=count,
        territory=territory,
        source=source,
        nature=nature,
        comment=comment,
        entered_by=actor,
        is_demo=is_demo,
    )
    if evidence is not None:
        measurement.evidence = evidence
    measurement.full_clean()
    with acting_as(actor):
        measurement.save()
    return measurement


@transaction.atomic
def measurement_approve(*, actor, measurement, comment=""):
    MEASUREMENT_WORKFLOW.apply(
        measurement,
        actor=actor,
        event="approve",
        reason=comment,
        changes={"reviewed_by": actor, "reviewed_at": timezone.now(), "review_comment": comment},
    )
    indicator_refresh_later(measurement.indicator_id)
    return measurement


@transaction.atomic
def measurement_return(*, actor, measurement, reason):
    MEASUREMENT_WORKFLOW.apply(
        measurement,
        actor=actor,
        event="return",
        reason=reason,
        changes={"reviewed_by": actor, "reviewed_at": timezone.now(), "review_comment": reason},
    )
    return measurement


@transaction.atomic
def measurement_resubmit(*, actor, measurement, value=None, date=None, comment=""):
    changes = {"reviewed_by": None, "reviewed_at": None}
    if value is not None:
        changes["value"] = value
    if date is not None:
        changes["date"] = date
    MEASUREMENT_WORKFLOW.apply(
        measurement,
        actor=actor,
        event="resubmit",
        reason=comment,
        changes=changes,
    )
    return measurement


@transaction.atomic
def measurements_approve_bulk(*, actor, measurements, comment=""):
    """Approve several at once; one refusal (say, the officer's own entry) approves none."""
    approved = []
    for measurement in measurements:
        if not can_review_measurement(actor, measurement):
            raise PermissionDenied(
                _(
                    "Vous ne pouvez pas approuver la mesure du %(date)s de l'indicateur %(code)s (votre propre saisie)."
                )
                % {
                    "date": measurement.date.strftime("%d/%m/%Y"),
                    "code": measurement.indicator.code,
                }
            )
        approved.append(measurement_approve(actor=actor, measurement=measurement, comment=comment))
    return approved


def _target_of(indicator):
    return Target(
        kind=indicator.target_kind,
        direction=indicator.direction,
        baseline_value=indicator.baseline_value,
        baseline_year=indicator.baseline_year,
        target_value=indicator.target_value,
        target_max=indicator.target_max,
        target_count=indicator.target_count,
        target_year=indicator.target_year,
        target_date=indicator.target_date,
        tolerance=indicator.tolerance,
        frequency=indicator.frequency,
        manual_status=indicator.manual_status,
    )


def indicator_assessment(indicator, *, today=None, until=None, series=None, horizon=None):
    """Status and progress of ``indicator`` (as of ``until`` when given), without saving anything."""
    today = today or timezone.localdate()
    if series is None:
        series = _series_of(indicator, until=until)
    observation = None
    if series:
        last_date, value, count = series[-1]
        observation = Observation(last_date, Decimal(value), count)
    return assess(
        _target_of(indicator), observation, today=until or today, horizon=horizon or plan_horizon()
    ), series


def _series_of(indicator, *, until=None):
    if indicator.computed_by:
        source = computed_sources.get(indicator.computed_by)
        if source is None:
            return []
        return [point for point in source.series() if until is None or point[0] <= until]
    return indicator_series(indicator, until=until)


def _latest_is_demo(indicator, value_date):
    if value_date is None or indicator.computed_by:
        return False
    return Measurement.objects.filter(
        indicator=indicator, date=value_date, status=MeasurementStatus.APPROVED, is_demo=True
    ).exists()


def indicator_forecast(indicator, series, *, as_of, horizon=None):
    """The projection of ``series`` to the indicator's target date (see ``actionplan.forecast``)."""
    return forecast(
        _target_of(indicator), series, horizon=horizon or plan_horizon(), as_of=as_of
    ).as_json()


def indicator_refresh_status(*, indicator, today=None):
    """Recompute and store the indicator's status, progress, latest value, trend and forecast."""
    today = today or timezone.localdate()
    assessment, series = indicator_assessment(indicator, today=today)
    values = {
        "current_status": assessment.status,
        "current_progress": None if assessment.progress is None else round(assessment.progress, 4),
        "current_value": assessment.value,
        "current_value_date": assessment.value_date,
        "current_stale": assessment.stale,
        "current_is_demo": _latest_is_demo(indicator, assessment.value_date),
        "current_exceeded": assessment.exceeded,
        "trend": [[point[0].isoformat(), float(point[1])] for point in series[-TREND_POINTS:]],
        "forecast": indicator_forecast(indicator, series, as_of=today),
    }
    changed = [name for name, value in values.items() if getattr(indicator, name) != value]
    previous_status = indicator.current_status
    now = timezone.now()
    with transaction.atomic():
        _store_series(indicator, series)
        if previous_status != assessment.status:
            StatusChange.objects.create(
                indicator=indicator,
                changed_at=now,
                previous=previous_status,
                current=assessment.status,
            )
        for name in changed:
            setattr(indicator, name, values[name])
        indicator.status_computed_at = now
        with acting_as(None):
            indicator.save(update_fields=[*changed, "status_computed_at"])
    return assessment


def _store_series(indicator, series):
    stored = list(indicator.series_points.order_by("date").values_list("date", "value", "count"))
    fresh = [(day, Decimal(value).quantize(Decimal("0.01")), count) for day, value, count in series]
    if stored == fresh:
        return
    indicator.series_points.all().delete()
    SeriesPoint.objects.bulk_create(
        SeriesPoint(indicator=indicator, date=day, value=value, count=count)
        for day, value, count in fresh
    )


@transaction.atomic
def plan_start_set(*, actor, start_date):
    """The plan's start, once an officer has confirmed it: the three years and every
    indicator's expected trajectory count from it (each status is recomputed by a worker)."""
    if not can_set_plan_start(actor):
        raise PermissionDenied
    if not isinstance(start_date, date):
        raise ValidationError({"value": _("Indiquez une date.")})
    setting = PlanSetting.objects.get(pk=1)
    setting.start_date = start_date
    setting.full_clean()
    with acting_as(actor):
        setting.save()
    for pk in Indicator.objects.values_list("pk", flat=True):
        indicator_refresh_later(pk)
    return setting


def indicators_refresh_all(*, today=None):
    for indicator in Indicator.objects.order_by("position"):
        indicator_refresh_status(indicator=indicator, today=today)


@transaction.atomic
def indicator_set_manual_status(*, actor, indicator, status, reason, on=None):
    if not can_manage_indicator(actor, indicator):
        raise PermissionDenied
    if indicator.target_kind != TargetKind.QUALITATIVE:
        raise ValidationError(_("Seuls les objectifs qualitatifs reçoivent un statut manuel."))
    if status not in {Status.ACHIEVED, Status.ON_TRACK, Status.AT_RISK, Status.LATE}:
        raise ValidationError({"status": _("Choisissez un statut.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Expliquez ce statut.")})
    indicator.manual_status = status
    indicator.manual_status_reason = reason.strip()
    indicator.manual_status_date = on or timezone.localdate()
    indicator.full_clean()
    with acting_as(actor):
        indicator.save()
    indicator_refresh_later(indicator.pk)
    return indicator


@transaction.atomic
def funding_commitment_create(
    *,
    actor,
    source,
    action,
    amount,
    date: date,
    label,
    is_demo=False,
    over_envelope_confirmed=False,
):
    """Record money committed on a source; beyond the source's envelope only once the
    officer has confirmed it (a typo of one zero must not pass silently)."""
    if not can_record_funding(actor):
        raise PermissionDenied
    if not over_envelope_confirmed:
        _refuse_beyond_envelope(source, amount)
    commitment = FundingCommitment(
        source=source,
        action=action,
        amount=amount,
        date=date,
        label=label,
        is_demo=is_demo,
        recorded_by=actor,
    )
    commitment.full_clean()
    with acting_as(actor):
        commitment.save()
    return commitment


def _refuse_beyond_envelope(source, amount, *, instead_of=None):
    """A commitment (or a correction, ``instead_of`` the one corrected) that would take the
    source beyond its envelope needs the officer's explicit confirmation."""
    if source.envelope is None:
        return
    others = FundingCommitment.objects.standing().filter(source=source)
    if instead_of is not None:
        others = others.exclude(pk=instead_of.pk)
    total = (others.aggregate(total=Sum("amount"))["total"] or 0) + amount
    if total > source.envelope:
        raise ValidationError(
            {
                "over_envelope_confirmed": _(
                    "Cet engagement porterait « %(source)s » à %(total)s, au-delà de son "
                    "enveloppe de %(envelope)s. Vérifiez le montant, ou cochez la case pour "
                    "confirmer le dépassement."
                )
                % {
                    "source": source,
                    "total": format_money_exact(total),
                    "envelope": format_money_exact(source.envelope),
                }
            }
        )


def _require_reason(reason):
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Indiquez le motif : il reste dans l'historique.")})
    return reason.strip()


@transaction.atomic
def funding_commitment_correct(
    *, actor, commitment, amount, date: date, label, reason, over_envelope_confirmed=False
):
    """Correct a commitment (a typo, a revised amount): the audit trail keeps the values before
    and after with the reason; beyond the envelope only once confirmed, as at creation."""
    if not can_record_funding(actor) or commitment.withdrawn_at is not None:
        raise PermissionDenied
    reason = _require_reason(reason)
    if not over_envelope_confirmed:
        _refuse_beyond_envelope(commitment.source, amount, instead_of=commitment)
    commitment.amount, commitment.date, commitment.label = amount, date, label
    commitment.full_clean()
    save_with_reason(commitment, actor=actor, event="correct", reason=reason)
    return commitment


@transaction.atomic
def funding_commitment_withdraw(*, actor, commitment, reason):
    """Withdraw a commitment entered by mistake or cancelled: it stays listed, out of every
    total, with who withdrew it, when and why."""
    if not can_record_funding(actor) or commitment.withdrawn_at is not None:
        raise PermissionDenied
    commitment.withdrawal_reason = _require_reason(reason)
    commitment.withdrawn_at = timezone.now()
    commitment.full_clean()
    save_with_reason(commitment, actor=actor, event="withdraw", reason=commitment.withdrawal_reason)
    return commitment


@transaction.atomic
def import_batch_create(*, actor, upload):
    """Receive a file of measurements: previewed at once when small, parsed by a worker when
    large (core.imports); nothing is imported before confirmation."""
    from actionplan.imports import parse_measurements  # pandas: loaded when a file comes in

    if not can_import_measurements(actor):
        raise PermissionDenied
    return import_receive(
        batch=ImportBatch(uploaded_by=actor),
        upload=upload,
        parse=lambda file: parse_measurements(file, user=actor),
        parse_kind=PARSE_IMPORT,
    )


def import_batch_parse(*, batch_pk):
    """A worker parses a large file, as the uploader may import it."""
    from actionplan.imports import parse_measurements  # pandas: loaded when a file comes in

    return import_parse_stored(
        model=ImportBatch,
        batch_pk=batch_pk,
        parse=lambda batch, file: parse_measurements(
            _named(file, batch.original_name), user=batch.uploaded_by
        ),
    )


def import_batch_confirm(*, actor, batch):
    """Create every measurement of the batch, or none (a worker does it for a large file)."""
    if not can_import_measurements(actor):
        raise PermissionDenied
    return import_confirm(
        batch=batch, actor=actor, write=_write_measurements, confirm_kind=CONFIRM_IMPORT
    )


def import_batch_write(*, batch_pk):
    """A worker writes the measurements of a large confirmed file."""
    return import_confirm_stored(model=ImportBatch, batch_pk=batch_pk, write=_write_measurements)


def _write_measurements(batch):
    from actionplan.imports import row_date  # pandas: loaded when a file comes in

    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    for row in batch.rows:
        measurement_create(
            actor=batch.uploaded_by,
            indicator=indicators[row["indicator"]],
            date=row_date(row),
            value=Decimal(row["value"]),
            count=row["count"],
            territory=row["territory"],
            source=row["source"],
            nature=row["nature"],
            comment=row["comment"],
        )
    return len(batch.rows)


PARSE_IMPORT = "actionplan.parse_import"
CONFIRM_IMPORT = "actionplan.confirm_import"
_PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}
REMIND_DAYS_BEFORE = 7


def measurement_due_date(indicator, *, horizon_start):
    """The end of the first reporting period after the latest value (or after the plan's start)."""
    from dateutil.relativedelta import relativedelta

    latest = indicator.current_value_date or horizon_start
    return latest + relativedelta(months=_PERIOD_MONTHS[indicator.frequency])


def measurement_reminders_send(*, today=None):
    """Remind each owner whose measurement is due within a week or overdue; at most once each.
    The reminder row and its e-mail (an outbox message) are written together."""
    from django.db import IntegrityError

    today = today or timezone.localdate()
    horizon = plan_horizon()
    due_now = 0
    for indicator in indicators_due_for_reminder():
        due = measurement_due_date(indicator, horizon_start=horizon.start)
        if today > due:
            kind = Reminder.Kind.OVERDUE
        elif (due - today).days <= REMIND_DAYS_BEFORE:
            kind = Reminder.Kind.DUE
        else:
            continue
        try:
            with transaction.atomic():
                reminder = Reminder.objects.create(indicator=indicator, due_date=due, kind=kind)
                outbox_enqueue("actionplan.measurement_reminder", reminder_pk=reminder.pk)
        except IntegrityError:
            continue
        due_now += 1
    return due_now


@transaction.atomic
def indicator_update_settings(*, actor, indicator, **values):
    if not can_manage_indicator(actor, indicator):
        raise PermissionDenied
    for name, value in values.items():
        setattr(indicator, name, value)
    indicator.full_clean()
    with acting_as(actor):
        indicator.save()
    indicator_refresh_later(indicator.pk)
    return indicator


SHEET_FIELDS = (
    "project_group",
    "sheet_stakes",
    "sheet_partners",
    "sheet_objectives",
    "sheet_means",
)


@transaction.atomic
def action_sheet_update(*, actor, action, **values):
    """An officer writes the action's « fiche action », which the plan announces without giving.

    Once every part of it is written, the point « fiche action absente » is settled."""
    if not can_edit_action_sheet(actor, action):
        raise PermissionDenied
    unknown = set(values) - set(SHEET_FIELDS)
    if unknown:
        raise ValueError(f"not parts of a fiche action: {sorted(unknown)}")
    for name, value in values.items():
        setattr(action, name, (value or "").strip())
    action.sheet_updated_at = timezone.now()
    action.full_clean()
    with acting_as(actor):
        action.save()
    if all(getattr(action, name) for name in SHEET_FIELDS):
        data_flags_settle(
            actor=actor,
            subject=action,
            code="fiche-action-missing",
            resolution=_("Fiche action rédigée par %(name)s.") % {"name": actor.full_name},
        )
    return action


@transaction.atomic
def action_set_lifecycle(*, actor, action, tags):
    """An officer attributes the AMONT / USAGE / AVAL tags the flattened text could not."""
    if not can_manage_indicator(actor, None):
        raise PermissionDenied
    action.lifecycle = [tag for tag in Lifecycle.values if tag in tags]
    action.full_clean()
    with acting_as(actor):
        action.save()
    data_flags_settle(
        actor=actor,
        subject=action,
        code="lifecycle-unattributed",
        resolution=_("Étiquettes fixées par un agent : %(tags)s")
        % {"tags": ", ".join(action.lifecycle) or _("aucune")},
    )
    return action
