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


def _one_commitment(client, amount="100000"):
    _commit(client, _source(), amount)
    return FundingCommitment.objects.get()


def test_an_officer_corrects_a_commitment_with_a_reason_kept_in_the_trail(
    client_for, plan, officer
):
    from core.audit import audit_trail_for

    client = client_for(officer)
    commitment = _one_commitment(client)
    url = reverse("actionplan:commitment_correct", args=[commitment.pk])
    refused = client.post(url, {"amount": "10000", "date": "2026-09-30", "label": "Projet"})
    assert "Motif de la correction" in refused.content.decode()
    commitment.refresh_from_db()
    assert commitment.amount == Decimal(100000)
    client.post(
        url,
        {"amount": "10 000", "date": "2026-09-30", "label": "Projet", "reason": "Un zéro de trop"},
    )
    commitment.refresh_from_db()
    assert commitment.amount == Decimal(10000)
    latest = audit_trail_for(commitment)[0]
    assert latest.additional_data["reason"] == "Un zéro de trop"
    assert "100000" in str(latest.changes) and "10000" in str(latest.changes)
    listing = client.get(reverse("actionplan:commitment_list")).content.decode()
    assert "Olivier Agent" in listing and "10\xa0000 €" in listing


def test_a_withdrawn_commitment_stays_listed_and_counts_in_no_total(client_for, plan, officer):
    client = client_for(officer)
    commitment = _one_commitment(client, "250000")
    client.post(
        reverse("actionplan:commitment_withdraw", args=[commitment.pk]),
        {"reason": "Projet abandonné par son porteur"},
    )
    commitment.refresh_from_db()
    assert commitment.withdrawn_at is not None
    page = client.get(reverse("actionplan:funding")).content.decode()
    assert "250\xa0000 €" not in page
    listing = client.get(reverse("actionplan:commitment_list")).content.decode()
    assert "Projet abandonné par son porteur" in listing
    from datetime import date

    from actionplan.reports import build_snapshot

    assert build_snapshot(date(2026, 7, 1), date(2026, 9, 30))["committed"] in ("0", "0.00")
    again = client.post(
        reverse("actionplan:commitment_withdraw", args=[commitment.pk]), {"reason": "encore"}
    )
    assert again.status_code == 403


def test_a_correction_beyond_the_envelope_needs_its_confirmation(client_for, plan, officer):
    client = client_for(officer)
    commitment = _one_commitment(client)
    too_much = str(commitment.source.envelope + 1).replace(".", ",")
    url = reverse("actionplan:commitment_correct", args=[commitment.pk])
    data = {"amount": too_much, "date": "2026-09-30", "label": "Projet", "reason": "Révisé"}
    assert "au-delà de son enveloppe" in client.post(url, data).content.decode()
    commitment.refresh_from_db()
    assert commitment.amount == Decimal(100000)
    client.post(url, {**data, "over_envelope_confirmed": "on"})
    commitment.refresh_from_db()
    assert commitment.amount == commitment.source.envelope + 1


def test_the_committee_reads_the_commitments_but_cannot_change_them(
    client_for, plan, officer, committee_member, holder_a
):
    commitment = _one_commitment(client_for(officer))
    committee = client_for(committee_member)
    assert committee.get(reverse("actionplan:commitment_list")).status_code == 200
    for name in ("actionplan:commitment_correct", "actionplan:commitment_withdraw"):
        url = reverse(name, args=[commitment.pk])
        assert committee.get(url).status_code == 403
        assert committee.post(url, {"reason": "x"}).status_code == 403
    holder = client_for(holder_a)
    assert holder.get(reverse("actionplan:commitment_list")).status_code == 403
    assert holder.get(
        reverse("actionplan:commitment_correct", args=[commitment.pk])
    ).status_code in (403, 404)
    commitment.refresh_from_db()
    assert commitment.withdrawn_at is None
