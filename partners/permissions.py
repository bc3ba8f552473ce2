"""Who may do what with accounts, organisations and partner records.

Plain predicates shared by the pages, the API and the navigation.
"""

from partners.models import Role

OFFICER_ROLES = (Role.OFFICER, Role.ADMINISTRATOR)
STEERING_ROLES = (Role.OFFICER, Role.ADMINISTRATOR, Role.COMMITTEE)
TWO_FACTOR_ROLES = (Role.OFFICER, Role.ADMINISTRATOR)


def has_role(user, *roles) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.role in roles)


def is_officer(user) -> bool:
    return has_role(user, *OFFICER_ROLES)


def is_administrator(user) -> bool:
    return has_role(user, Role.ADMINISTRATOR)


def is_holder(user) -> bool:
    return has_role(user, Role.HOLDER)


def requires_two_factor(user) -> bool:
    return has_role(user, *TWO_FACTOR_ROLES)


def can_view_organisations(user) -> bool:
    return is_officer(user)


def can_view_organisation(user, organisation) -> bool:
    if is_officer(user):
        return True
    return bool(user.is_authenticated and organisation.memberships.filter(user=user).exists())


def can_change_organisation(user, organisation) -> bool:
    return is_officer(user)


def can_use_admin_site(user) -> bool:
    return is_administrator(user) and user.is_staff
