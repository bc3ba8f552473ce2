"""What the API modules share."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from rest_framework.exceptions import PermissionDenied, ValidationError


def as_api_error(error):
    """A service's PermissionDenied or ValidationError as the matching API answer (403 or 400 by field)."""
    if isinstance(error, DjangoPermissionDenied):
        return PermissionDenied(str(error) or None)
    return ValidationError(getattr(error, "message_dict", None) or {"detail": error.messages})
