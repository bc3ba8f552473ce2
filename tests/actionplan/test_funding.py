"""A commitment above its source's envelope needs an explicit confirmation; amounts exact."""

from decimal import Decimal

from django.urls import reverse

from actionplan.models import Action, FundingCommitment, FundingSource


def _source():
    return FundingSource.objects.exclude(envelope=None).order_by("envelope").first()


def _commit(client, source, amount, **extra):
    return client.post(
        reverse("actionplan:funding"),
        {
            "source": source.pk,
            "action": Action.objects.order_by("code").first().pk,
            "amount": amount,
            "date": "2026-09-30",
            "label": "Projet de recyclage",
            **extra,
        },
    )


def test_a_commitment_above_the_envelope_needs_an_explicit_confirmation(client_for, plan, officer):
    source = _source()
    client = client_for(officer)
    too_much = str(source.envelope + 1).replace(".", ",")
    refused = _commit(client, source, too_much)
    assert refused.status_code == 200
    assert "au-delà de son enveloppe" in refused.content.decode()
    assert not FundingCommitment.objects.exists()
    accepted = _commit(client, source, too_much, over_envelope_confirmed="on")
    assert accepted.status_code == 302
    assert FundingCommitment.objects.get().amount == source.envelope + 1
    page = client.get(reverse("actionplan:funding")).content.decode()
    assert "enveloppe dépassée" in page


def test_amounts_are_typed_with_a_comma_and_shown_to_the_cent(client_for, plan, officer):
    source = _source()
    client = client_for(officer)
    assert _commit(client, source, "50 000,50").status_code == 302
    assert FundingCommitment.objects.get().amount == Decimal("50000.50")
    assert "50\xa0000,50 €" in client.get(reverse("actionplan:funding")).content.decode()


def test_the_api_refuses_a_commitment_above_the_envelope_unless_confirmed(
    client_for, plan, officer
):
    source = _source()
    client = client_for(officer)
    payload = {
        "source": source.code,
        "action": Action.objects.order_by("code").first().code,
        "amount": str(source.envelope + 1),
        "date": "2026-09-30",
        "label": "Projet",
    }
    refused = client.post("/api/funding-commitments/", payload, content_type="application/json")
    assert refused.status_code == 400 and "over_envelope_confirmed" in refused.json()
    confirmed = client.post(
        "/api/funding-commitments/",
        {**payload, "over_envelope_confirmed": True},
        content_type="application/json",
    )
    assert confirmed.status_code == 201


def test_a_committee_member_cannot_record_a_commitment(client_for, plan, committee_member):
    assert _commit(client_for(committee_member), _source(), "10").status_code == 403
