"""Who may see and do what with calls and dossiers.

Holders see only their own organisation's dossiers. Officers see every dossier,
except those on which they declared a conflict of interest.
"""

from ami.models import DossierStatus
from partners.models import Role
from partners.permissions import has_role, is_officer


def _member(user, organisation_id):
    return bool(
        user.is_authenticated and user.memberships.filter(organisation_id=organisation_id).exists()
    )


def has_conflict(user, dossier) -> bool:
    return dossier.evaluations.filter(reviewer=user, conflict_of_interest=True).exists()


def can_view_dossier(user, dossier) -> bool:
    if is_officer(user):
        return not has_conflict(user, dossier)
    return has_role(user, Role.HOLDER) and _member(user, dossier.organisation_id)


def can_create_dossier(user, phase) -> bool:
    return has_role(user, Role.HOLDER) and user.memberships.exists()


def can_edit_dossier(user, dossier) -> bool:
    return (
        has_role(user, Role.HOLDER)
        and _member(user, dossier.organisation_id)
        and dossier.status in (DossierStatus.DRAFT, DossierStatus.RETURNED)
    )


def can_submit_dossier(user, dossier) -> bool:
    return can_edit_dossier(user, dossier)


def can_instruct_dossier(user, dossier) -> bool:
    return is_officer(user) and not has_conflict(user, dossier)


def can_write_message(user, dossier) -> bool:
    if dossier.status == DossierStatus.DRAFT:
        return False
    return can_view_dossier(user, dossier)


def can_evaluate_dossier(user, dossier) -> bool:
    return is_officer(user) and dossier.status == DossierStatus.UNDER_REVIEW


def can_manage_calls(user) -> bool:
    return is_officer(user)


def can_list_dossiers(user) -> bool:
    return is_officer(user)


def can_invite_colleague(user, organisation) -> bool:
    return (
        has_role(user, Role.HOLDER)
        and user.memberships.filter(organisation=organisation, is_manager=True).exists()
    )
