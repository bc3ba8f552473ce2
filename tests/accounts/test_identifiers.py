import re

import pytest
from django.core.exceptions import ValidationError

from accounts.identifiers import validate_identifier
from accounts.models import Organisation, OrganisationType


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("528 827 264 000 29", "52882726400029"),  # TEAM2's SIRET, as the convention writes it
        ("732 829 320", "732829320"),
        ("w623000017", "W623000017"),
        (
            "35600000000010",
            "35600000000010",
        ),  # La Poste's SIRETs: digit sum a multiple of 5, not Luhn
    ],
)
def test_valid_identifiers_are_accepted_and_normalised(raw, normalised):
    assert validate_identifier(raw) == normalised


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("52882726400028", "clé de contrôle"),
        ("12345", "vous en avez saisi 5"),
        ("ABC123", "SIREN (9 chiffres)"),
    ],
)
def test_invalid_identifiers_say_what_is_wrong(raw, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        validate_identifier(raw)


@pytest.mark.django_db
def test_an_organisation_with_a_wrong_siret_is_not_saved():
    organisation = Organisation(
        name="Erreur", kind=OrganisationType.COMPANY, identifier="52882726400028"
    )
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "identifier" in error.value.message_dict
