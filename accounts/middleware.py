import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.permissions import is_officer, requires_two_factor

_ALWAYS_ALLOWED = ("/static/", "/i18n/", "/healthz", "/donnees-personnelles/")


class TwoFactorRequiredMiddleware:
    """Officers and administrators signed in by session reach nothing but the second-factor
    pages until they have entered a TOTP code in this session. (API tokens are checked by
    ``accounts.api.TwoFactorSatisfied``, since DRF authenticates them inside the view.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_verify(request):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": _("Validez d'abord la double authentification sur le portail.")},
                    status=403,
                )
            return redirect(f"{reverse('two_factor')}?next={request.get_full_path()}")
        return self.get_response(request)

    @staticmethod
    def _must_verify(request):
        user = request.user
        if not requires_two_factor(user) or user.is_verified():
            return False
        allowed = (reverse("two_factor"), reverse("logout"), *_ALWAYS_ALLOWED)
        return not request.path.startswith(allowed)


class IdleTimeoutMiddleware:
    """Signs out a session left idle longer than ``SESSION_IDLE_SECONDS`` (officers and
    administrators: ``SESSION_IDLE_SECONDS_OFFICERS``), as OWASP ASVS asks of a portal that
    holds confidential dossiers. The last activity is written at most once a minute, so that
    reading pages does not write the session on every request."""

    TOUCH_EVERY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and hasattr(request, "session"):
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY_KEY)
            if last is not None and now - last > idle_limit(user):
                logout(request)
                if request.path.startswith("/api/"):
                    return JsonResponse(
                        {"detail": _("Session expirée faute d'activité : reconnectez-vous.")},
                        status=403,
                    )
                messages.info(
                    request,
                    _("Votre session a expiré faute d'activité : reconnectez-vous pour continuer."),
                )
                return redirect(f"{reverse('login')}?next={request.get_full_path()}")
            if last is None or now - last >= self.TOUCH_EVERY:
                request.session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)


LAST_ACTIVITY_KEY = "portal_last_activity"


def idle_limit(user) -> int:
    if is_officer(user):
        return settings.SESSION_IDLE_SECONDS_OFFICERS
    return settings.SESSION_IDLE_SECONDS
