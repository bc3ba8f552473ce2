"""Writes on accounts and organisations. Each service validates before saving.

``user_create`` is the one way a user comes to exist: sign-up, invitations,
the demo data, ``createsuperuser`` and the admin site all call it.
"""

from axes.models import AccessLog
from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from accounts.identifiers import validate_identifier
from accounts.models import Invitation, Membership, Organisation, Role, User
from accounts.permissions import (
    can_change_organisation,
    can_edit_organisation,
    can_invite_colleague,
    can_manage_colleagues,
)
from core.audit import acting_as, audit_event
from core.outbox import outbox_enqueue
from core.registry import personal_data


def normalise_email(email):
    return User.objects.normalize_email(email or "").strip().lower()


@transaction.atomic
def user_create(
    *,
    actor,
    email,
    full_name="",
    role=Role.HOLDER,
    password=None,
    is_staff=False,
    is_active=True,
    is_demo=False,
    email_verified=False,
):
    """Create a person who signs in by e-mail; without a password they choose one by e-mail
    (which confirms the address). ``email_verified`` is for accounts whose address is known
    good already (demonstration accounts, fixtures)."""
    email = normalise_email(email)
    if not email:
        raise ValidationError({"email": _("Indiquez une adresse e-mail.")})
    if User.objects.filter(email=email).exists():
        raise ValidationError({"email": _("Un compte existe déjà avec cette adresse.")})
    user = User(email=email, full_name=full_name.strip(), role=role, is_active=is_active)
    user.is_staff = is_staff or role == Role.ADMINISTRATOR
    user.is_superuser = role == Role.ADMINISTRATOR
    user.is_demo = is_demo
    user.email_verified_at = timezone.now() if email_verified else None
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    with acting_as(actor):
        user.save()
    return user


@transaction.atomic
def organisation_create(*, actor, name, kind, identifier="", **fields):
    organisation = Organisation(name=name, kind=kind, identifier=identifier, **fields)
    organisation.full_clean()
    with acting_as(actor):
        organisation.save()
    return organisation


@transaction.atomic
def membership_create(*, actor, user, organisation, position="", is_manager=False):
    if Membership.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError({"email": _("Cette personne fait déjà partie de l'organisation.")})
    membership = Membership(
        user=user, organisation=organisation, position=position, is_manager=is_manager
    )
    membership.full_clean()
    with acting_as(actor):
        membership.save()
    return membership


@transaction.atomic
def holder_sign_up(
    *, email, full_name, password, organisation_name, organisation_kind, identifier, legal_form=""
):
    """A holder creates an account and their organisation (identifier checked for form)."""
    try:
        normalised = validate_identifier(identifier)
    except ValidationError as error:
        raise ValidationError({"identifier": error.messages}) from error
    if Organisation.objects.filter(identifier=normalised).exists():
        raise ValidationError(
            {
                "identifier": _(
                    "Cette organisation a déjà un compte : demandez à son gestionnaire de vous inviter."
                )
            }
        )
    user = user_create(
        actor=None, email=email, full_name=full_name, role=Role.HOLDER, password=password
    )
    organisation = organisation_create(
        actor=user,
        name=organisation_name,
        kind=organisation_kind,
        identifier=normalised,
        legal_form=legal_form,
    )
    membership_create(actor=user, user=user, organisation=organisation, is_manager=True)
    email_verification_send(user=user)
    return user


VERIFY_SALT = "accounts.verify-email"


def email_verification_token(user) -> str:
    """A signed link token naming the account and the address it confirms."""
    return signing.dumps({"user": user.pk, "email": user.email}, salt=VERIFY_SALT)


@transaction.atomic
def email_verification_send(*, user):
    """E-mail a link that confirms the address (after sign-up, or when asked again)."""
    if user.email_verified_at is not None:
        return None
    return outbox_enqueue("accounts.verify_email", user_pk=user.pk)


@transaction.atomic
def email_verify(*, token):
    """Confirm the address named by a link; a link for an address since changed, expired or
    forged confirms nothing."""
    try:
        claims = signing.loads(
            token, salt=VERIFY_SALT, max_age=settings.EMAIL_VERIFICATION_MAX_AGE_SECONDS
        )
    except signing.BadSignature as error:
        raise ValidationError(
            _("Ce lien de confirmation n'est pas valable ou a expiré.")
        ) from error
    user = User.objects.filter(pk=claims.get("user"), email=claims.get("email")).first()
    if user is None:
        raise ValidationError(_("Ce lien de confirmation n'est pas valable ou a expiré."))
    return email_mark_verified(user=user)


@transaction.atomic
def email_mark_verified(*, user):
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        with acting_as(user):
            user.save(update_fields=["email_verified_at"])
    return user


@transaction.atomic
def colleague_invite(*, actor, organisation, email, full_name):
    """A holder's manager invites a colleague, who chooses a password from the e-mail."""
    if not can_invite_colleague(actor, organisation):
        raise PermissionDenied
    email = normalise_email(email)
    user = User.objects.filter(email=email).first()
    if user is not None and user.role != Role.HOLDER:
        raise ValidationError(
            {"email": _("Cette adresse appartient à un compte qui n'est pas un compte de porteur.")}
        )
    if user is None:
        user = user_create(actor=actor, email=email, full_name=full_name, role=Role.HOLDER)
    elif not user.is_active and user.last_login is None:
        # Invited before, the invitation revoked: invited again, the account opens again.
        user.is_active = True
        with acting_as(actor):
            user.save(update_fields=["is_active"])
    membership_create(actor=actor, user=user, organisation=organisation)
    invitation = Invitation(organisation=organisation, email=email, user=user, invited_by=actor)
    invitation.full_clean()
    with acting_as(actor):
        invitation.save()
    outbox_enqueue("accounts.invitation", invitation_pk=invitation.pk)
    return invitation


@transaction.atomic
def invitation_revoke(*, actor, invitation):
    """A manager takes back an invitation not yet accepted: the link no longer signs anyone in,
    and an account created only for it is closed."""
    if not can_manage_colleagues(actor, invitation.organisation) or invitation.accepted_at:
        raise PermissionDenied
    user = invitation.user
    with acting_as(actor):
        membership = Membership.objects.filter(
            user=user, organisation=invitation.organisation
        ).first()
        if membership is not None:
            membership.delete()
        invitation.delete()
        if user.last_login is None and not user.memberships.exists():
            user.is_active = False
            user.set_unusable_password()
            user.save()
    return user


@transaction.atomic
def membership_remove(*, actor, membership):
    """A manager removes a colleague from the organisation (never its last manager): they no
    longer see its dossiers; what they wrote stays, signed with their name."""
    organisation = membership.organisation
    if not can_manage_colleagues(actor, organisation):
        raise PermissionDenied
    if (
        membership.is_manager
        and not organisation.memberships.filter(is_manager=True).exclude(pk=membership.pk).exists()
    ):
        raise ValidationError(
            _("L'organisation doit garder au moins un gestionnaire : nommez-en un autre d'abord.")
        )
    with acting_as(actor):
        membership.delete()
    return membership


@transaction.atomic
def organisation_update(*, actor, organisation, **fields):
    """Its managers (and officers) keep the organisation's name, form, town and site current;
    its type and identifier, which eligibility rests on, are changed by officers only."""
    if not can_edit_organisation(actor, organisation):
        raise PermissionDenied
    allowed = {"name", "short_name", "legal_form", "city", "website"}
    if not can_change_organisation(actor, organisation):
        unexpected = set(fields) - allowed
        if unexpected:
            raise PermissionDenied
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    with acting_as(actor):
        organisation.save()
    return organisation


@transaction.atomic
def welcome_send(*, actor, user):
    """E-mail a new account's owner a link to choose their password."""
    return outbox_enqueue("accounts.welcome", user_pk=user.pk)


@transaction.atomic
def invitations_accept(*, user):
    """The invited colleague chose a password: their pending invitations are accepted."""
    accepted = 0
    with acting_as(user):
        for invitation in Invitation.objects.filter(user=user, accepted_at__isnull=True):
            invitation.accepted_at = timezone.now()
            invitation.save()
            accepted += 1
    return accepted


@transaction.atomic
def api_token_issue(*, actor):
    """A new API token for scripts, replacing the previous one (shown once on the page)."""
    Token.objects.filter(user=actor).delete()
    token = Token.objects.create(user=actor)
    audit_event(actor=actor, obj=actor, event="api_token_issued")
    return token


@transaction.atomic
def api_token_revoke(*, actor):
    deleted, _rows = Token.objects.filter(user=actor).delete()
    if deleted:
        audit_event(actor=actor, obj=actor, event="api_token_revoked")
    return bool(deleted)


ENROLMENT_SALT = "accounts.totp-enrolment"
RECOVERY_CODES = 10


@transaction.atomic
def totp_enrolment_start(*, user):
    """An officer's first authenticator is enrolled from a link sent to their own address, so
    that a stolen password alone cannot enrol the attacker's phone. A new request replaces an
    unused earlier link."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=user, name="TOTP", confirmed=False)
    audit_event(actor=user, obj=user, event="accounts.totp_enrolment_link_sent")
    outbox_enqueue("accounts.totp_enrolment", device_pk=device.pk)
    return device


def totp_enrolment_token(device):
    return signing.dumps({"u": device.user_id, "d": device.pk}, salt=ENROLMENT_SALT)


def totp_enrolment_device(*, user, token):
    """The device an enrolment link opens for ``user``, or None (forged, expired, another
    person's, already used)."""
    try:
        data = signing.loads(
            token, salt=ENROLMENT_SALT, max_age=settings.TOTP_ENROLMENT_LINK_SECONDS
        )
    except signing.BadSignature:
        return None
    if data.get("u") != user.pk:
        return None
    return TOTPDevice.objects.filter(pk=data.get("d"), user=user, confirmed=False).first()


@transaction.atomic
def totp_enrolment_confirm(*, user, device):
    """The first code was right: the device is the officer's, with fresh recovery codes
    (returned once, to be shown once)."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_event(actor=user, obj=user, event="accounts.totp_enrolled")
    return recovery_codes_issue(user=user)


@transaction.atomic
def recovery_codes_issue(*, user):
    """Ten single-use codes for the day the phone is lost; earlier codes stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Codes de secours", confirmed=True)
    codes = [StaticToken.random_token() for _code in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    audit_event(actor=user, obj=user, event="accounts.recovery_codes_issued")
    return codes


def account_keepers(user):
    """Why the account must be kept (each app's reasons), empty when it may be closed."""
    return [
        str(reason)
        for source in personal_data.values()
        if (reason := source.keeps_account(user)) is not None
    ]


@transaction.atomic
def account_close(*, actor, user, password=None):
    """Close an account at its holder's request (or at the end of its retention period): the
    person's name and address are erased, the account can no longer sign in, its
    memberships end. What the person did stays in the records, under « Compte fermé »."""
    if actor is not None and actor.pk != user.pk:
        raise PermissionDenied
    if password is not None and not user.check_password(password):
        raise ValidationError({"password": _("Mot de passe incorrect.")})
    reasons = account_keepers(user)
    if reasons:
        raise ValidationError(
            _("Ce compte ne peut pas être fermé : %(reasons)s") % {"reasons": " ; ".join(reasons)}
        )
    Membership.objects.filter(user=user).delete()
    Invitation.objects.filter(user=user, accepted_at__isnull=True).delete()
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    Token.objects.filter(user=user).delete()
    with acting_as(actor or user):
        user.email = f"compte-ferme-{user.pk}@invalid.invalid"
        user.full_name = _("Compte fermé")
        user.is_active = False
        user.set_unusable_password()
        user.save()
    audit_event(actor=actor, obj=user, event="accounts.closed")
    return user


def inactive_accounts(cutoff):
    """Accounts not signed in since ``cutoff`` (never, and created before it), that nothing
    keeps: the retention rule of accounts."""
    users = (
        # Holders' accounts: the Region's own staff accounts follow its staff procedures.
        User.objects.filter(is_active=True, is_demo=False, role=Role.HOLDER).filter(
            models.Q(last_login__lt=cutoff)
            | models.Q(last_login__isnull=True, date_joined__lt=cutoff)
        )
    )
    return [user for user in users.iterator() if not account_keepers(user)]


def account_personal_data(user):
    """What the accounts app holds about ``user``, for their own download."""
    return {
        "compte": {
            "nom": user.full_name,
            "adresse_e_mail": user.email,
            "role": str(user.get_role_display()),
            "inscrit_le": user.date_joined.isoformat(),
            "derniere_connexion": user.last_login.isoformat() if user.last_login else None,
            "double_authentification": TOTPDevice.objects.filter(
                user=user, confirmed=True
            ).exists(),
            "jeton_api": Token.objects.filter(user=user).exists(),
        },
        "organisations": [
            {
                "nom": m.organisation.name,
                "identifiant": m.organisation.identifier,
                "gestionnaire": m.is_manager,
            }
            for m in user.memberships.select_related("organisation")
        ],
        "connexions": [
            {"date": entry.attempt_time.isoformat(), "adresse_ip": entry.ip_address}
            for entry in AccessLog.objects.filter(username=user.email).order_by("-attempt_time")[
                :200
            ]
        ],
    }
