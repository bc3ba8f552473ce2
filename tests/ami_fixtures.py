from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from ami.models import Call, Phase
from ami.services import dossier_create, dossier_save, financing_line_add

PARIS = ZoneInfo("Europe/Paris")
COMPLETE = {
    "territory": "62",
    "synthetic_presentation": "Plateforme de réemploi.",
    "partnerships": "Bailleur social.",
    "issues_addressed": "Gisements.",
    "steps": "Trois étapes.",
    "expected_follow_up": "FRATRI.",
    "impacts": "Huit emplois.",
    "financial_elements": "450 000 €.",
}


@pytest.fixture
def calls(reference_data):
    """The two calls of the reference data."""


@pytest.fixture
def pmcb_phase(calls):
    """The PMCB call, open from 1 July 2025 to 1 July 2028 (three years from a given enforceable date)."""
    phase = Phase.objects.get(call__code="pmcb")
    phase.opens_at = datetime(2025, 7, 1, tzinfo=PARIS)
    phase.closes_at = datetime(2028, 7, 1, tzinfo=PARIS)
    phase.save()
    return phase


@pytest.fixture
def pmcb(pmcb_phase):
    return Call.objects.get(code="pmcb")


def make_dossier(holder, phase, title="Plateforme", complete=True):
    organisation = holder.memberships.get().organisation
    dossier = dossier_create(actor=holder, phase=phase, organisation=organisation, title=title)
    if complete:
        dossier_save(actor=holder, dossier=dossier, **COMPLETE)
        financing_line_add(
            actor=holder, dossier=dossier, kind="expense", label="Site", amount=Decimal(1000)
        )
        financing_line_add(
            actor=holder,
            dossier=dossier,
            kind="resource",
            label="Fonds propres",
            amount=Decimal(1000),
        )
    return dossier


@pytest.fixture
def draft_a(holder_a, pmcb_phase):
    return make_dossier(holder_a, pmcb_phase, title="Matériauthèque de l'Artois")
