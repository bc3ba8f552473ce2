"""The API answers errors one way: 400 by field, 403, 404; never a 500 for a bad id or suffix."""

import pytest

from ami.services import dossier_create


@pytest.mark.parametrize(
    "path",
    [
        "/api/dossiers/abc/",
        "/api/dossiers/abc/messages/",
        "/api/dossiers/1.5/submit/",
        "/api/measurements/abc/approve/",
        "/api/organisations/%20/",
        "/api/dossiers/1/messages.json",
        "/api/dossiers.json",
        "/api/no-such-thing/",
    ],
)
def test_a_malformed_id_or_a_format_suffix_answers_404_in_json(client_for, officer, path):
    response = client_for(officer).get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_a_services_validation_error_answers_400_with_the_field_names(
    client_for, holder_a, pmcb_phase
):
    dossier = dossier_create(
        actor=holder_a,
        phase=pmcb_phase,
        organisation=holder_a.memberships.get().organisation,
        title="Plateforme",
    )
    response = client_for(holder_a).post(f"/api/dossiers/{dossier.pk}/submit/")
    assert response.status_code == 400
    body = response.json()
    assert {"synthetic_presentation", "territory", "financing"} <= set(body)
    assert all(isinstance(messages, list) and messages for messages in body.values())


def test_a_refused_action_answers_403_with_a_reason(client_for, holder_a, draft_a):
    response = client_for(holder_a).post(
        f"/api/dossiers/{draft_a.pk}/transition/", {"event": "retain", "reason": "x"}
    )
    assert response.status_code == 403
    assert response.json()["detail"]


def test_every_operation_documents_its_error_answers(client_for, officer):
    schema = client_for(officer).get("/api/schema/?format=json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method not in {"get", "post", "patch", "put", "delete"}:
                continue
            codes = set(operation["responses"])
            assert {"403", "404"} <= codes, (method, path)
            if method in {"post", "patch", "put"}:
                assert "400" in codes, (method, path)
