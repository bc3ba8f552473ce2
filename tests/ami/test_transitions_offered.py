"""The workflow table is the one list of a dossier's steps: the page and the API offer, from
every status, exactly the steps the table allows (and a step added to the table alone shows)."""

import re

import pytest
from django.urls import reverse

from ami import workflows
from ami.models import DossierStatus
from ami.permissions import can_instruct_dossier
from ami.services import dossier_submit, dossier_transition
from core.workflow import Transition, Workflow


def _page_steps(client, dossier):
    page = client.get(reverse("ami:dossier_detail", args=[dossier.pk])).content.decode()
    select = re.search(r'<select name="event".*?</select>', page, re.S)
    return [] if select is None else re.findall(r'<option value="([^"]+)"', select.group(0))


def _api_steps(client, dossier):
    return [step["event"] for step in client.get(f"/api/dossiers/{dossier.pk}/transitions/").json()]


PATH = [("start_review", ""), ("return", "Précisez le budget.")]


def test_page_and_api_offer_the_same_steps_from_every_status(
    client_for, holder_a, officer, draft_a
):
    client = client_for(officer)
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    seen = {}
    for event, reason in [*PATH, (None, None)]:
        expected = [
            t.event
            for t in workflows.DOSSIER_WORKFLOW.available(draft_a, officer)
            if t.traits.get("actor") == "officer"
        ]
        assert _page_steps(client, draft_a) == expected == _api_steps(client, draft_a)
        seen[draft_a.status] = expected
        if event:
            dossier_transition(actor=officer, dossier=draft_a, event=event, reason=reason)
            draft_a.refresh_from_db()
    assert (
        "retain" not in seen[DossierStatus.SUBMITTED]
    )  # « Retenir » is not offered from « Déposé »
    assert "retain" in seen[DossierStatus.UNDER_REVIEW]


def test_a_step_added_to_the_table_alone_appears_on_the_page_and_in_the_api(
    client_for, holder_a, officer, draft_a, monkeypatch
):
    extended = Workflow(
        [
            *workflows.DOSSIER_WORKFLOW,
            Transition(
                "ask_expert",
                "Demander un avis d'expert",
                (DossierStatus.SUBMITTED,),
                DossierStatus.UNDER_REVIEW,
                can_instruct_dossier,
                traits={"actor": "officer"},
            ),
        ]
    )
    for module in ("ami.workflows", "ami.forms", "ami.api"):
        monkeypatch.setattr(f"{module}.DOSSIER_WORKFLOW", extended)
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    client = client_for(officer)
    assert "ask_expert" in _page_steps(client, draft_a)
    assert "ask_expert" in _api_steps(client, draft_a)


@pytest.mark.parametrize("persona", ["holder_a", "holder_b"])
def test_holders_are_not_told_the_officers_steps(client_for, request, persona, draft_a, holder_a):
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    client = client_for(request.getfixturevalue(persona))
    assert client.get(f"/api/dossiers/{draft_a.pk}/transitions/").status_code in (403, 404)
