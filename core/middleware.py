from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from partners.permissions import requires_two_factor

_ALWAYS_ALLOWED = ("/static/", "/i18n/", "/healthz")


class TwoFactorRequiredMiddleware:
    """Officers and administrators reach nothing but the second-factor pages
    until they have entered a TOTP code in this session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.REQUIRE_TWO_FACTOR and self._must_verify(request):
            return redirect(f"{reverse('two_factor')}?next={request.get_full_path()}")
        return self.get_response(request)

    @staticmethod
    def _must_verify(request):
        user = request.user
        if not requires_two_factor(user) or user.is_verified():
            return False
        allowed = (reverse("two_factor"), reverse("logout"), *_ALWAYS_ALLOWED)
        return not request.path.startswith(allowed)
