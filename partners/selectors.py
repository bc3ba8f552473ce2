from django.db.models import Count

from core.security import refuse_as_not_found
from partners.models import Organisation
from partners.permissions import can_view_organisation, is_officer


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
