"""Who may read and write the action plan."""

from accounts.models import Role
from accounts.permissions import has_role, is_officer


def can_view_plan(user) -> bool:
    return has_role(user, Role.OFFICER, Role.ADMINISTRATOR, Role.COMMITTEE, Role.PARTNER)


def can_record_measurement(user, indicator) -> bool:
    if not indicator.is_manual:
        return False
    if is_officer(user):
        return True
    return has_role(user, Role.PARTNER) and indicator.owner_id == user.pk


def can_view_measurement(user, measurement) -> bool:
    return can_view_plan(user)


def can_review_measurement(user, measurement) -> bool:
    """Another officer approves or returns: nobody approves their own entry."""
    return is_officer(user) and measurement.entered_by_id != user.pk


def can_resubmit_measurement(user, measurement) -> bool:
    return is_officer(user) or measurement.entered_by_id == user.pk


def can_manage_indicator(user, indicator) -> bool:
    return is_officer(user)


def can_edit_action_sheet(user, action) -> bool:
    return is_officer(user)


def can_import_measurements(user) -> bool:
    return is_officer(user)


def can_view_funding(user) -> bool:
    return has_role(user, Role.OFFICER, Role.ADMINISTRATOR, Role.COMMITTEE)


def can_record_funding(user) -> bool:
    return is_officer(user)


def can_view_reports(user) -> bool:
    return has_role(user, Role.OFFICER, Role.ADMINISTRATOR, Role.COMMITTEE)


def can_request_report(user) -> bool:
    return is_officer(user)


def can_set_plan_start(user) -> bool:
    """The plan's start date is settled by an officer, through its point à confirmer."""
    return is_officer(user)


def can_publish_report(user) -> bool:
    """An officer publishes a quarterly snapshot once the steering committee has seen it."""
    return is_officer(user)
