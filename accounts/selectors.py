from django.db.models import Count

from accounts.models import Invitation, Membership, Organisation, Role
from accounts.permissions import (
    can_use_admin_site,
    can_view_organisation,
    can_view_organisations,
    has_role,
    is_officer,
)
from core.security import refuse_as_not_found


def organisation_list_for_user(user):
    organisations = Organisation.objects.annotate(member_count=Count("memberships"))
    if is_officer(user):
        return organisations
    return organisations.filter(memberships__user=user)


def organisation_get_for_user(user, pk):
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None or not can_view_organisation(user, organisation):
        refuse_as_not_found(user, "organisation", pk)
    return organisation


def organisations_of(user):
    return Organisation.objects.filter(memberships__user=user)


def membership_list_for_user(user):
    memberships = Membership.objects.select_related("user", "organisation")
    if is_officer(user):
        return memberships
    return memberships.filter(organisation__memberships__user=user)


def invitation_list_for_user(user):
    """Officers see every invitation; a holder those of the organisations they manage."""
    invitations = Invitation.objects.select_related("organisation", "invited_by")
    if is_officer(user):
        return invitations
    return invitations.filter(
        organisation__memberships__user=user, organisation__memberships__is_manager=True
    )


def home_panel_context(user):
    if can_view_organisations(user) or not has_role(user, Role.HOLDER, Role.PARTNER):
        return None
    return {"organisations": list(organisations_of(user).order_by("name"))}


def admin_panel_context(user):
    return {} if can_use_admin_site(user) else None
