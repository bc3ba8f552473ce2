"""Who may read and write the register of partnerships.

Officers edit everything; a partner contributor edits the records of the conventions their
organisation is party to (meetings, attendance, project updates) and reads the rest of those
conventions; committee members read everything; holders see nothing of it.
"""

from accounts.models import Role
from accounts.permissions import has_role, is_officer, is_partner, is_signed_in


def can_view_partnerships(user) -> bool:
    return has_role(user, Role.OFFICER, Role.ADMINISTRATOR, Role.COMMITTEE, Role.PARTNER)


def is_party_member(user, convention) -> bool:
    return (
        is_signed_in(user)
        and convention.parties.filter(organisation__memberships__user=user).exists()
    )


def can_view_convention(user, convention) -> bool:
    if has_role(user, Role.OFFICER, Role.ADMINISTRATOR, Role.COMMITTEE):
        return True
    return is_partner(user) and is_party_member(user, convention)


def can_record_for_convention(user, convention) -> bool:
    """Meetings, attendance and project updates."""
    return is_officer(user) or (is_partner(user) and is_party_member(user, convention))


def can_manage_convention(user, convention) -> bool:
    """The convention's own facts (notification date), its actions and deliverables."""
    return is_officer(user)


def can_view_events(user) -> bool:
    return can_view_partnerships(user)


def can_manage_events(user) -> bool:
    return is_officer(user)
