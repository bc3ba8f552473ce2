"""French organisation identifiers: SIREN (9 digits), SIRET (14) and RNA (W + 9 digits)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_LA_POSTE_SIREN = "356000000"  # its SIRETs do not follow the Luhn key


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalise_identifier(raw: str) -> str:
    return re.sub(r"[\s.\-]", "", raw or "").upper()


def validate_identifier(raw: str) -> str:
    """Return the normalised identifier or raise a ValidationError saying what is wrong."""
    value = normalise_identifier(raw)
    if re.fullmatch(r"W\d{9}", value):
        return value
    if not value.isdigit():
        raise ValidationError(
            _(
                "Saisissez un SIREN (9 chiffres), un SIRET (14 chiffres) ou un numéro RNA (W suivi de 9 chiffres)."
            ),
            code="format",
        )
    if len(value) == 9:
        if not _luhn_ok(value):
            raise ValidationError(
                _("Ce SIREN n'est pas valide (clé de contrôle incorrecte)."), code="checksum"
            )
        return value
    if len(value) == 14:
        if value.startswith(_LA_POSTE_SIREN):
            if sum(int(c) for c in value) % 5 != 0:
                raise ValidationError(
                    _("Ce SIRET n'est pas valide (clé de contrôle incorrecte)."), code="checksum"
                )
        elif not _luhn_ok(value):
            raise ValidationError(
                _("Ce SIRET n'est pas valide (clé de contrôle incorrecte)."), code="checksum"
            )
        if not _luhn_ok(value[:9]) and not value.startswith(_LA_POSTE_SIREN):
            raise ValidationError(
                _("Le SIREN contenu dans ce SIRET n'est pas valide."), code="checksum"
            )
        return value
    raise ValidationError(
        _("Un SIREN compte 9 chiffres et un SIRET 14 ; vous en avez saisi %(count)d.")
        % {"count": len(value)},
        code="length",
    )


def identifier_kind(value: str) -> str:
    if value.startswith("W"):
        return "rna"
    return "siret" if len(value) == 14 else "siren"


def clean_identifier_field(instance, field="identifier"):
    """Model.clean() helper: normalise the identifier or attach the error to its field."""
    value = getattr(instance, field)
    if not value:
        return
    try:
        setattr(instance, field, validate_identifier(value))
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
