"""Roles and who may do what with accounts and organisations.

Plain predicates shared by the pages, the API and the navigation. The other
apps build their own predicates on ``has_role`` and the role helpers here.
"""

from django.conf import settings

from accounts.models import Role

OFFICER_ROLES = (Role.OFFICER, Role.ADMINISTRATOR)
STEERING_ROLES = (Role.OFFICER, Role.ADMINISTRATOR, Role.COMMITTEE)
TWO_FACTOR_ROLES = (Role.OFFICER, Role.ADMINISTRATOR)


def is_signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def has_role(user, *roles) -> bool:
    return is_signed_in(user) and user.role in roles


def is_officer(user) -> bool:
    return has_role(user, *OFFICER_ROLES)


def is_expert(user) -> bool:
    return has_role(user, Role.EXPERT)


def is_administrator(user) -> bool:
    return has_role(user, Role.ADMINISTRATOR)


def is_holder(user) -> bool:
    return has_role(user, Role.HOLDER)


def is_partner(user) -> bool:
    return has_role(user, Role.PARTNER)


def is_steering(user) -> bool:
    return has_role(user, *STEERING_ROLES)


def requires_two_factor(user) -> bool:
    return settings.REQUIRE_TWO_FACTOR and has_role(user, *TWO_FACTOR_ROLES)


def is_member(user, organisation_id) -> bool:
    """Whether the user works for the organisation."""
    return is_signed_in(user) and user.memberships.filter(organisation_id=organisation_id).exists()


def can_view_organisations(user) -> bool:
    return is_officer(user)


def can_view_organisation(user, organisation) -> bool:
    return is_officer(user) or is_member(user, organisation.pk)


def can_change_organisation(user, organisation) -> bool:
    return is_officer(user)


def can_invite_colleague(user, organisation) -> bool:
    return (
        is_holder(user)
        and user.memberships.filter(organisation=organisation, is_manager=True).exists()
    )


def can_manage_colleagues(user, organisation) -> bool:
    """The organisation's account managers invite, revoke, remove colleagues and edit it."""
    return can_invite_colleague(user, organisation)


def can_edit_organisation(user, organisation) -> bool:
    return can_manage_colleagues(user, organisation) or can_change_organisation(user, organisation)


def can_view_memberships(user, organisation) -> bool:
    return can_view_organisation(user, organisation)


def can_use_admin_site(user) -> bool:
    return is_administrator(user) and user.is_staff


def can_close_own_account(user) -> bool:
    """Holders close their own account; staff accounts are closed by an administrator."""
    return is_holder(user)
