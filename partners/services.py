"""Writes on accounts and organisations. Each service validates before saving."""

from django.db import transaction

from core.audit import acting_as
from partners.models import Membership, Organisation, Role, User


@transaction.atomic
def user_create(
    *, actor, email, full_name, role=Role.HOLDER, password=None, is_staff=False, is_demo=False
):
    with acting_as(actor):
        user = User(
            email=User.objects.normalize_email(email).lower(), full_name=full_name, role=role
        )
        user.is_staff = is_staff or role == Role.ADMINISTRATOR
        user.is_superuser = role == Role.ADMINISTRATOR
        user.is_demo = is_demo
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
    return user


@transaction.atomic
def organisation_create(*, actor, name, kind, identifier="", **fields):
    with acting_as(actor):
        organisation = Organisation(name=name, kind=kind, identifier=identifier, **fields)
        organisation.full_clean()
        organisation.save()
    return organisation


@transaction.atomic
def membership_create(*, actor, user, organisation, position="", is_manager=False):
    with acting_as(actor):
        membership = Membership(
            user=user, organisation=organisation, position=position, is_manager=is_manager
        )
        membership.full_clean()
        membership.save()
    return membership
