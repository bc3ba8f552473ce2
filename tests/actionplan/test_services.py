from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from actionplan.models import MeasurementStatus, Status
from actionplan.services import (
    indicator_refresh_status,
    measurement_approve,
    measurement_create,
    measurement_resubmit,
    measurement_return,
    measurements_approve_bulk,
)
from core.audit import audit_trail_for
from core.workflow import TransitionNotAllowed


def _record(indicator, user, value, day=date(2026, 9, 30)):
    return measurement_create(
        actor=user, indicator=indicator, date=day, value=Decimal(value), source="Observatoire"
    )


def test_only_approved_values_count_towards_the_status(
    partnerships, officer, second_officer, run_outbox
):
    pending = _record(partnerships, officer, 16)
    indicator_refresh_status(indicator=partnerships)
    assert partnerships.current_status == Status.NO_DATA
    measurement_approve(actor=second_officer, measurement=pending)
    run_outbox()
    partnerships.refresh_from_db()
    assert partnerships.current_status == Status.ON_TRACK
    assert partnerships.current_value == Decimal(16)


def test_an_officer_cannot_approve_their_own_measurement(partnerships, officer):
    measurement = _record(partnerships, officer, 10)
    with pytest.raises(PermissionDenied):
        measurement_approve(actor=officer, measurement=measurement)
    measurement.refresh_from_db()
    assert measurement.status == MeasurementStatus.PENDING


def test_a_returned_measurement_needs_a_reason_and_can_be_resubmitted(
    partnerships, officer, second_officer
):
    measurement = _record(partnerships, officer, 10)
    with pytest.raises(ValidationError):
        measurement_return(actor=second_officer, measurement=measurement, reason="  ")
    measurement_return(actor=second_officer, measurement=measurement, reason="Source à préciser")
    assert measurement.status == MeasurementStatus.RETURNED
    measurement_resubmit(actor=officer, measurement=measurement, value=Decimal(11))
    assert (measurement.status, measurement.value) == (MeasurementStatus.PENDING, Decimal(11))


def test_the_workflow_refuses_a_transition_not_in_its_table(partnerships, officer, second_officer):
    measurement = _record(partnerships, officer, 10)
    measurement_approve(actor=second_officer, measurement=measurement)
    with pytest.raises(TransitionNotAllowed):
        measurement_return(actor=second_officer, measurement=measurement, reason="Trop tard")


def test_every_approval_is_in_the_audit_trail_with_who_before_after_and_reason(
    partnerships, officer, second_officer
):
    measurement = _record(partnerships, officer, 10)
    measurement_approve(actor=second_officer, measurement=measurement, comment="Conforme au bilan")
    entry = audit_trail_for(measurement).filter(action=LogEntry.Action.UPDATE).first()
    assert entry.actor == second_officer
    assert entry.changes_dict["status"] == ["pending", "approved"]
    assert entry.additional_data == {"event": "approve", "reason": "Conforme au bilan"}


def test_bulk_approval_approves_all_or_none(partnerships, jobs, officer, second_officer):
    theirs = _record(partnerships, officer, 10)
    mine = _record(jobs, second_officer, 26000, day=date(2025, 12, 31))
    with pytest.raises(PermissionDenied):
        measurements_approve_bulk(actor=second_officer, measurements=[theirs, mine])
    theirs.refresh_from_db()
    assert theirs.status == MeasurementStatus.PENDING
    approved = measurements_approve_bulk(actor=second_officer, measurements=[theirs])
    assert [m.status for m in approved] == [MeasurementStatus.APPROVED]


def test_a_holder_or_committee_member_cannot_record_a_measurement(
    partnerships, holder_a, committee_member
):
    for user in (holder_a, committee_member):
        with pytest.raises(PermissionDenied):
            _record(partnerships, user, 5)


def test_a_partner_records_measurements_on_the_indicators_they_own(
    partnerships, partner_contributor
):
    with pytest.raises(PermissionDenied):
        _record(partnerships, partner_contributor, 5)
    partnerships.owner = partner_contributor
    partnerships.save()
    assert _record(partnerships, partner_contributor, 5).entered_by == partner_contributor


def test_a_measurement_in_the_future_is_refused_even_for_the_region(partnerships, officer):
    with pytest.raises(ValidationError) as error:
        _record(partnerships, officer, 5, day=date(2099, 1, 1))
    assert "date" in error.value.message_dict


def test_a_money_and_count_measurement_needs_the_count(plan, officer):
    from actionplan.models import Indicator

    batteries = Indicator.objects.get(code="3.1-1")
    with pytest.raises(ValidationError) as error:
        _record(batteries, officer, 1_000_000)
    assert "count" in error.value.message_dict


def _approved(indicator, officer, reviewer, value, territory="", day=date(2026, 9, 30)):
    measurement = measurement_create(
        actor=officer,
        indicator=indicator,
        date=day,
        value=Decimal(value),
        territory=territory,
        source="Observatoire",
    )
    return measurement_approve(actor=reviewer, measurement=measurement)


def test_a_departements_value_never_replaces_the_regional_figure(
    partnerships, officer, second_officer, run_outbox
):
    _approved(partnerships, officer, second_officer, 8, day=date(2026, 6, 30))
    _approved(partnerships, officer, second_officer, 12, territory="Pas-de-Calais")
    run_outbox()
    partnerships.refresh_from_db()
    assert (partnerships.current_value, partnerships.current_value_date) == (
        Decimal(8),
        date(2026, 6, 30),
    )


def test_the_five_departements_of_a_date_add_up_to_the_regional_figure(
    partnerships, officer, second_officer, run_outbox
):
    for territory, value in [("02", 1), ("59", 6), ("60", 1), ("62", 4), ("80", 2)]:
        _approved(partnerships, officer, second_officer, value, territory=territory)
    run_outbox()
    partnerships.refresh_from_db()
    assert partnerships.current_value == Decimal(14)


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("territory", {"territory": "zz"}),
        ("date", {"date": date(1, 1, 1)}),
        ("date", {"date": date(2099, 1, 1)}),
        ("value", {"value": Decimal(-3)}),
    ],
)
def test_an_implausible_measurement_is_refused_and_nothing_is_stored(
    partnerships, officer, field, values
):
    arguments = {
        "actor": officer,
        "indicator": partnerships,
        "date": date(2026, 9, 30),
        "value": Decimal(3),
        "source": "Observatoire",
        **values,
    }
    with pytest.raises(ValidationError) as refused:
        measurement_create(**arguments)
    assert field in refused.value.message_dict
    assert not partnerships.measurements.exists()


def test_a_status_change_is_recorded_for_the_quarterly_comparison(
    partnerships, officer, second_officer, run_outbox
):
    measurement_approve(actor=second_officer, measurement=_record(partnerships, officer, 16))
    run_outbox()
    change = partnerships.status_changes.get()
    assert (change.previous, change.current) == (Status.NO_DATA, Status.ON_TRACK)
