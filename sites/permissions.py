"""Who may see and change the register of brownfields: officers edit, the steering committee
reads, holders and partners see nothing."""

from accounts.models import Role
from accounts.permissions import has_role, is_officer


def can_view_sites(user) -> bool:
    return has_role(user, Role.OFFICER, Role.ADMINISTRATOR, Role.COMMITTEE)


def can_view_site(user, site) -> bool:
    return can_view_sites(user)


def can_manage_sites(user) -> bool:
    return is_officer(user)
