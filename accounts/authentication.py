"""API tokens that expire and are rate-limited (OWASP ASVS L2, V3 and V11).

A token lives ``API_TOKEN_LIFETIME_DAYS`` from its creation; past it the API answers 401 and
says where to get a new one. Its owner revokes it on « Jeton d'accès à l'API ». Each token may
make ``API_TOKEN_RATE`` requests (DRF's rate syntax, e.g. ``120/minute``); past it, 429 with
Retry-After. The count is kept in the cache: while Redis is unreachable tokens are not
limited, rather than refused (core/cache.py).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.throttling import SimpleRateThrottle


def token_expires_at(token) -> datetime:
    return token.created + timedelta(days=settings.API_TOKEN_LIFETIME_DAYS)


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        expired = token_expires_at(token)
        if timezone.now() >= expired:
            raise AuthenticationFailed(
                _(
                    "Ce jeton a expiré le %(date)s : créez-en un nouveau sur la page « Jeton "
                    "d'accès à l'API » du portail."
                )
                % {"date": timezone.localtime(expired).strftime("%d/%m/%Y")}
            )
        return user, token


class TokenRateThrottle(SimpleRateThrottle):
    """Requests made with an API token, counted per token (sessions are not limited here:
    sign-in attempts have django-axes)."""

    scope = "token"

    def get_rate(self):
        return settings.API_TOKEN_RATE  # read at each request, so a setting change applies

    def get_cache_key(self, request, view):
        if not isinstance(request.successful_authenticator, TokenAuthentication):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.key}
