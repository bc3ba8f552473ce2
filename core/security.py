"""Security log: every sign-in, failed sign-in and refused access is written to
the ``portal.security`` logger, so that operations can follow attempts."""

import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import Http404
from django.utils.translation import gettext as _

logger = logging.getLogger("portal.security")


def _client(request):
    if request is None:
        return "-"
    return request.META.get("REMOTE_ADDR", "-")


def _who(user):
    if user is None or not user.is_authenticated:
        return "anonymous"
    return f"user={user.pk} <{user.email}> role={user.role}"


@receiver(user_logged_in)
def log_sign_in(sender, request, user, **kwargs):
    logger.info("sign-in %s ip=%s", _who(user), _client(request))


@receiver(user_logged_out)
def log_sign_out(sender, request, user, **kwargs):
    logger.info("sign-out %s ip=%s", _who(user), _client(request))


@receiver(user_login_failed)
def log_failed_sign_in(sender, credentials, request=None, **kwargs):
    logger.warning(
        "failed sign-in username=%r ip=%s", credentials.get("username", ""), _client(request)
    )


def log_refused(request, reason):
    user = getattr(request, "user", None)
    logger.warning(
        "refused %s %s %s ip=%s: %s",
        request.method,
        request.path,
        _who(user),
        _client(request),
        reason,
    )


def refuse_as_not_found(user, kind, pk):
    """Refuse without telling whether the object exists (no probing of ids)."""
    logger.warning("refused %s %s id=%s: not visible to this user", _who(user), kind, pk)
    raise Http404(_("Page introuvable."))


def require(allowed):
    """Refuse with 403 unless the permission predicate held; the refusal is logged by the 403 handler."""
    from django.core.exceptions import PermissionDenied

    if not allowed:
        raise PermissionDenied
