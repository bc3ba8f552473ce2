from io import StringIO

import pytest
from django.core.management import call_command

from actionplan.models import Indicator


@pytest.fixture
def plan(db):
    """The action plan's reference data, loaded as in production."""
    call_command("load_reference_data", stdout=StringIO())


@pytest.fixture
def jobs(plan):
    return Indicator.objects.get(code="1.1-1")


@pytest.fixture
def partnerships(plan):
    return Indicator.objects.get(code="1.2-1")
