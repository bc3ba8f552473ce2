"""Deadlines to the second in Europe/Paris, idempotent submission, frozen versions."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from ami.models import DossierStatus, DossierVersion
from ami.services import dossier_extend_deadline, dossier_save, dossier_submit
from tests.ami_fixtures import make_dossier

PARIS = ZoneInfo("Europe/Paris")


def test_a_submission_one_second_before_closing_is_accepted(
    draft_a, holder_a, pmcb_phase, time_machine
):
    time_machine.move_to(pmcb_phase.closes_at - timedelta(seconds=1), tick=False)
    version = dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    assert draft_a.status == DossierStatus.SUBMITTED
    assert version.submitted_at == pmcb_phase.closes_at - timedelta(seconds=1)


def test_a_submission_one_second_after_closing_is_refused_and_stays_a_draft(
    draft_a, holder_a, pmcb_phase, time_machine
):
    time_machine.move_to(pmcb_phase.closes_at + timedelta(seconds=1), tick=False)
    with pytest.raises(ValidationError, match="date limite est passée"):
        dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    assert draft_a.status == DossierStatus.DRAFT
    assert not DossierVersion.objects.exists()


@pytest.mark.parametrize(
    ("offset", "accepted"),
    [(timedelta(seconds=-1), True), (timedelta(0), False), (timedelta(seconds=1), False)],
)
def test_the_deadline_holds_on_a_daylight_saving_day(
    draft_a, holder_a, pmcb_phase, time_machine, offset, accepted
):
    # 29 March 2026: Paris clocks jump from 02:00 to 03:00; 03:00 CEST is 01:00 UTC.
    pmcb_phase.closes_at = datetime(2026, 3, 29, 3, 0, tzinfo=PARIS)
    pmcb_phase.save()
    assert pmcb_phase.closes_at.utcoffset() == timedelta(hours=2)
    # Seconds are counted on the real time line (UTC): 02:59:59 does not exist in Paris that night.
    time_machine.move_to(pmcb_phase.closes_at.astimezone(UTC) + offset, tick=False)
    if accepted:
        dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    else:
        with pytest.raises(ValidationError):
            dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    assert (draft_a.status == DossierStatus.SUBMITTED) is accepted


def test_an_individual_extension_lets_only_that_dossier_be_submitted_late(
    draft_a, holder_a, holder_b, officer, pmcb_phase, time_machine
):
    other = make_dossier(holder_b, pmcb_phase, title="Autre")
    dossier_extend_deadline(
        actor=officer,
        dossier=draft_a,
        until=pmcb_phase.closes_at + timedelta(days=2),
        reason="Incident informatique",
    )
    time_machine.move_to(pmcb_phase.closes_at + timedelta(days=1), tick=False)
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    with pytest.raises(ValidationError):
        dossier_submit(actor=holder_b, dossier_pk=other.pk)


def test_submitting_twice_gives_the_same_receipt_and_one_version(draft_a, holder_a):
    first = dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    second = dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    assert first == second
    assert DossierVersion.objects.filter(dossier=draft_a).count() == 1


def test_an_incomplete_dossier_is_refused_with_each_missing_part_named(holder_a, pmcb_phase):
    dossier = make_dossier(holder_a, pmcb_phase, complete=False)
    with pytest.raises(ValidationError) as error:
        dossier_submit(actor=holder_a, dossier_pk=dossier.pk)
    assert {"synthetic_presentation", "impacts", "territory", "financing"} <= set(
        error.value.message_dict
    )
    dossier.refresh_from_db()
    assert dossier.is_draft


def test_an_unbalanced_financing_plan_is_refused(draft_a, holder_a):
    from decimal import Decimal

    from ami.services import financing_line_add

    financing_line_add(
        actor=holder_a, dossier=draft_a, kind="expense", label="Étude", amount=Decimal(500)
    )
    with pytest.raises(ValidationError) as error:
        dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    assert "financing" in error.value.message_dict


def test_an_organisation_whose_type_the_phase_does_not_target_cannot_submit(
    draft_a, holder_a, pmcb_phase
):
    pmcb_phase.eligible_kinds = ["local_authority"]
    pmcb_phase.save()
    with pytest.raises(ValidationError) as error:
        dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    assert "organisation" in error.value.message_dict


def test_the_submitted_version_is_frozen_with_a_hash_of_its_content(draft_a, holder_a, officer):
    from ami.services import dossier_transition

    version = dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    assert version.content["sections"]["impacts"] == "Huit emplois."
    assert len(version.content_sha256) == 64
    draft_a.refresh_from_db()
    dossier_transition(actor=officer, dossier=draft_a, event="start_review")
    dossier_transition(
        actor=officer, dossier=draft_a, event="return", reason="Préciser les impacts"
    )
    dossier_save(actor=holder_a, dossier=draft_a, impacts="Douze emplois.")
    second = dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    version.refresh_from_db()
    assert version.content["sections"]["impacts"] == "Huit emplois."
    assert second.number == 2 and second.content_sha256 != version.content_sha256
    draft_a.refresh_from_db()
    assert draft_a.status == DossierStatus.UNDER_REVIEW


def test_a_submitted_dossier_can_no_longer_be_edited(draft_a, holder_a):
    from django.core.exceptions import PermissionDenied

    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    with pytest.raises(PermissionDenied):
        dossier_save(actor=holder_a, dossier=draft_a, impacts="Modifié après dépôt")


def test_a_phase_without_confirmed_dates_accepts_nothing(calls, holder_a):
    from ami.models import Phase
    from ami.services import dossier_create

    phase_1 = Phase.objects.get(call__code="ressourceries", number=1)
    with pytest.raises(ValidationError, match="pas ouverte"):
        dossier_create(
            actor=holder_a,
            phase=phase_1,
            organisation=holder_a.memberships.get().organisation,
            title="x",
        )
