from datetime import date
from decimal import Decimal

import pytest

from actionplan.models import Measurement
from actionplan.services import measurement_create


def test_the_indicator_list_filters_by_axis_action_lifecycle_and_status(client_for, plan, officer):
    client = client_for(officer)
    assert client.get("/api/indicators/?action=1.2").json()["count"] == 4
    assert client.get("/api/indicators/?axis=III").json()["count"] == 7
    assert client.get("/api/indicators/?status=tbd").json()["count"] == 4
    codes = [
        row["code"] for row in client.get("/api/indicators/?lifecycle=USAGE").json()["results"]
    ]
    assert codes == ["3.3-1", "3.7-1"]


def test_an_indicator_carries_its_target_in_words_and_status(client_for, jobs, committee_member):
    data = client_for(committee_member).get("/api/indicators/1.1-1/").json()
    assert data["target_kind"] == "increase" and data["baseline_value"] == "25000.00"
    assert data["status"] == "no_data"


def test_a_holder_gets_403_on_the_plan_api(client_for, plan, holder_a):
    client = client_for(holder_a)
    for url in ["/api/indicators/", "/api/axes/", "/api/measurements/", "/api/funding-sources/"]:
        assert client.get(url).status_code == 403, url


def test_measurements_are_created_then_approved_by_another_officer_through_the_api(
    client_for, partnerships, officer, second_officer, client, run_outbox
):
    created = client_for(officer).post(
        "/api/measurements/",
        {
            "indicator": "1.2-1",
            "date": "2026-09-30",
            "value": "16",
            "source": "Bilan",
            "nature": "measured",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    own = client.post(f"/api/measurements/{pk}/approve/", {}, content_type="application/json")
    assert own.status_code == 403
    client.force_login(second_officer)
    approved = client.post(
        f"/api/measurements/{pk}/approve/", {"comment": "ok"}, content_type="application/json"
    )
    run_outbox()
    assert approved.json()["status"] == "approved"
    assert client.get("/api/indicators/1.2-1/").json()["latest_value"] == "16.00"


def test_bad_input_through_the_api_names_the_field_and_saves_nothing(
    client_for, partnerships, officer
):
    response = client_for(officer).post(
        "/api/measurements/",
        {"indicator": "1.2-1", "date": "2026-02-31", "value": "beaucoup", "source": ""},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert {"date", "value", "source"} <= set(response.json())
    assert not Measurement.objects.exists()


def test_returning_through_the_api_requires_a_reason(
    client_for, partnerships, officer, second_officer
):
    measurement = measurement_create(
        actor=officer, indicator=partnerships, date=date(2026, 6, 30), value=Decimal(8), source="A"
    )
    response = client_for(second_officer).post(
        f"/api/measurements/{measurement.pk}/return/", {}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "reason" in response.json()


def test_the_schema_documents_the_plan_endpoints(client_for, officer):
    schema = client_for(officer).get("/api/schema/").content.decode()
    for path in ["/api/indicators/", "/api/measurements/{id}/approve/", "/api/funding-sources/"]:
        assert path in schema


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("territory", {"territory": "zz"}),
        ("date", {"date": "0001-01-01"}),
        ("value", {"value": "-5"}),
        ("count", {"count": -2}),
    ],
)
def test_an_implausible_measurement_answers_400_on_its_field_and_stores_nothing(
    client_for, partnerships, officer, field, change
):
    response = client_for(officer).post(
        "/api/measurements/",
        {"indicator": "1.2-1", "date": "2026-09-30", "value": "3", "source": "Bilan", **change},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert field in response.json()
    assert not partnerships.measurements.exists()


def test_a_client_walks_every_measurement_newest_first_page_by_page_without_gaps(
    client_for, partnerships, officer
):
    # Several measurements share a date: the cursor must neither repeat nor skip them.
    for day in (1, 1, 1, 2, 2, 3, 4):
        measurement_create(
            actor=officer,
            indicator=partnerships,
            date=date(2026, 5, day),
            value=Decimal(day),
            source="Bilan",
        )
    client = client_for(officer)
    seen, url = [], "/api/measurements/?page_size=2"
    while url:
        data = client.get(url).json()
        seen += [(row["date"], row["id"]) for row in data["results"]]
        url = data["next"]
    assert len(seen) == 7 and len(set(seen)) == 7
    assert seen == sorted(seen, reverse=True)
