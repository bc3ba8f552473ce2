"""Schemathesis against /api/schema/: every operation, as an officer and as a holder, with
generated inputs. No answer is a 5xx, and every answer matches what the schema documents
(status code, content type, body). Bounded: a few dozen examples per operation."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from ami.services import dossier_submit

PARIS = ZoneInfo("Europe/Paris")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def _load_schema():
    """The document /api/schema/ serves, generated the same way, then sent to the app in-process."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    document = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(document)))
    loaded.app = get_wsgi_application()
    return loaded


schema = _load_schema()


@pytest.fixture(scope="module")
def people(django_db_setup, django_db_blocker):
    """An officer, a holder with a submitted dossier, the plan and the calls: loaded once for
    the module (every generated request then runs in its own rolled-back transaction), and
    wiped at the end as a transactional test would."""
    from io import StringIO

    from django.core.management import call_command

    from accounts.models import OrganisationType, Role
    from accounts.services import membership_create, organisation_create, user_create
    from ami.models import Phase
    from tests.ami_fixtures import make_dossier

    with django_db_blocker.unblock():
        call_command("load_reference_data", stdout=StringIO())
        phase = Phase.objects.get(call__code="pmcb")
        phase.opens_at = datetime(2025, 7, 1, tzinfo=PARIS)
        phase.closes_at = datetime(2028, 7, 1, tzinfo=PARIS)
        phase.save()
        officer = user_create(
            actor=None, email="st-officer@hautsdefrance.fr", full_name="Agent ST", role=Role.OFFICER
        )
        holder = user_create(
            actor=None,
            email="st-holder@example.fr",
            full_name="Porteuse ST",
            role=Role.HOLDER,
            email_verified=True,
        )
        organisation = organisation_create(
            actor=None, name="Ressourcerie ST", kind=OrganisationType.SOCIAL_ECONOMY
        )
        membership_create(actor=None, user=holder, organisation=organisation, is_manager=True)
        dossier_submit(actor=holder, dossier_pk=make_dossier(holder, phase).pk)
        yield {"officer": officer, "holder": holder}
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _in_process_requests(settings, db):
    settings.ALLOWED_HOSTS = ["localhost"]  # schemathesis's in-process host
    # The fuzz sends far more than a person would: its token is not to be slowed down.
    settings.API_TOKEN_RATE = "100000/minute"
    # As Django's test client does: a request must not close the test's open transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _token(user):
    return {"Authorization": f"Token {Token.objects.get_or_create(user=user)[0].key}"}


@schema.parametrize()
@EXAMPLES
def test_the_api_keeps_its_schema_for_an_officer(case, people):
    case.call_and_validate(headers=_token(people["officer"]), checks=CHECKS)


@schema.parametrize()
@EXAMPLES
def test_the_api_keeps_its_schema_for_a_holder(case, people):
    case.call_and_validate(headers=_token(people["holder"]), checks=CHECKS)
