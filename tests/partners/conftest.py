import pytest

from accounts.models import Organisation, Role
from partners.models import Convention, Person
from tests.conftest import _persona


@pytest.fixture
def convention(reference_data):
    return Convention.objects.get(code="team2-cabbalr")


@pytest.fixture
def team2_contributor(convention):
    """Paul, a partner contributor working for TEAM2, a party to the convention."""
    return _persona(
        "paul@team2.fr", "Paul Partenaire", Role.PARTNER, Organisation.objects.get(name="TEAM2")
    )


@pytest.fixture
def other_contributor(convention):
    """A partner contributor of an organisation that is not a party (A3M)."""
    organisation = Organisation.objects.get(short_name="A3M")
    return _persona("ines@a3m.fr", "Inès A3M", Role.PARTNER, organisation)


@pytest.fixture
def heymans(convention):
    return Person.objects.get(full_name="Frédéric Heymans")
