"""Who may see and do what with calls and dossiers.

Holders see only their own organisation's dossiers. Officers see every dossier,
except those on which they declared a conflict of interest. An outside expert sees, read-only,
the dossiers an opinion was asked of them on, until they answer.
"""

from accounts.models import Role
from accounts.permissions import has_role, is_expert, is_member, is_officer
from ami.models import DossierStatus


def _member(user, organisation_id):
    return is_member(user, organisation_id)


def has_conflict(user, dossier) -> bool:
    # Asked several times per page about the same dossier: the answer is kept on the instance
    # (``evaluation_save`` forgets it when a reviewer declares a conflict).
    known = dossier.__dict__.setdefault("_conflicts", {})
    if user.pk not in known:
        known[user.pk] = dossier.evaluations.filter(
            reviewer=user, conflict_of_interest=True
        ).exists()
    return known[user.pk]


def can_view_dossier(user, dossier) -> bool:
    """A draft belongs to its organisation until it is submitted: officers see it from then on;
    an outside expert sees a dossier while an opinion asked of them on it is unanswered."""
    if is_officer(user):
        return dossier.status != DossierStatus.DRAFT and not has_conflict(user, dossier)
    if is_expert(user):
        return dossier.status in IN_INSTRUCTION and expert_request_open(user, dossier) is not None
    return has_role(user, Role.HOLDER) and _member(user, dossier.organisation_id)


IN_INSTRUCTION = (DossierStatus.SUBMITTED, DossierStatus.UNDER_REVIEW, DossierStatus.RETURNED)


def expert_request_open(user, dossier):
    """The unanswered request for an opinion on this dossier made to this expert, if any."""
    known = dossier.__dict__.setdefault("_expert_requests", {})
    if user.pk not in known:
        known[user.pk] = dossier.expert_requests.filter(
            expert=user, answered_at__isnull=True
        ).first()
    return known[user.pk]


def can_read_messages(user, dossier) -> bool:
    """The thread is between the holder and the Region: an outside expert does not read it."""
    return can_view_dossier(user, dossier) and not is_expert(user)


def can_ask_expert(user, dossier) -> bool:
    return can_instruct_dossier(user, dossier) and dossier.status in (
        DossierStatus.SUBMITTED,
        DossierStatus.UNDER_REVIEW,
    )


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


def can_withdraw_dossier(user, dossier) -> bool:
    """A submitted dossier not yet decided may be withdrawn by its organisation."""
    return (
        has_role(user, Role.HOLDER)
        and _member(user, dossier.organisation_id)
        and dossier.status
        in (DossierStatus.SUBMITTED, DossierStatus.UNDER_REVIEW, DossierStatus.RETURNED)
    )


def can_delete_draft(user, dossier) -> bool:
    return can_edit_dossier(user, dossier) and dossier.status == DossierStatus.DRAFT


def can_instruct_dossier(user, dossier) -> bool:
    return is_officer(user) and not has_conflict(user, dossier)


def can_read_notes(user, dossier) -> bool:
    """Private notes are the instructing team's: never the holder's, never a conflicted
    officer's."""
    return can_instruct_dossier(user, dossier)


def can_write_note(user, dossier) -> bool:
    return can_instruct_dossier(user, dossier) and dossier.status != DossierStatus.DRAFT


def can_write_message(user, dossier) -> bool:
    if dossier.status == DossierStatus.DRAFT:
        return False
    return can_read_messages(user, dossier)


def can_evaluate_dossier(user, dossier) -> bool:
    return is_officer(user) and dossier.status == DossierStatus.UNDER_REVIEW


def can_manage_calls(user) -> bool:
    return is_officer(user)


def can_list_dossiers(user) -> bool:
    return is_officer(user)
