"""The API's default permission (``DEFAULT_PERMISSION_CLASSES``). A module of its own:
DRF imports it while loading its views, before ``accounts.api`` can be imported."""

from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authentication import TokenAuthentication
from rest_framework.permissions import BasePermission

from accounts.permissions import is_signed_in, requires_two_factor


class SignedInWithTwoFactor(BasePermission):
    """Signed in, and for officers and administrators the second factor on every way in:
    a session must have entered a TOTP code; a token belongs to someone who enrolled one
    (tokens are only issued from a page behind the second factor)."""

    message = _("Connexion requise, avec la double authentification pour les agents.")

    def has_permission(self, request, view):
        user = request.user
        if not is_signed_in(user):
            return False
        if not requires_two_factor(user):
            return True
        if isinstance(request.successful_authenticator, TokenAuthentication):
            return TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        return user.is_verified()


def allowed_if(predicate):
    """A DRF permission from a page predicate ``(user) -> bool``, on top of the default
    (signed in, second factor): the API applies the same rules as the pages."""

    class PredicatePermission(SignedInWithTwoFactor):
        def has_permission(self, request, view):
            return super().has_permission(request, view) and predicate(request.user)

    PredicatePermission.__name__ = f"Allowed_{predicate.__name__}"
    return PredicatePermission
