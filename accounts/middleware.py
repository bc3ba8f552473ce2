from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.permissions import requires_two_factor

_ALWAYS_ALLOWED = ("/static/", "/i18n/", "/healthz")


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
