import pytest
from auditlog.models import LogEntry

from accounts.models import Organisation, OrganisationType
from core.audit import UnauditedWriteError, acting_as, audit_event, audit_trail_for


def test_a_change_to_an_organisation_is_recorded_with_who_before_and_after(officer, organisation_a):
    with acting_as(officer):
        organisation_a.city = "Arras"
        organisation_a.full_clean()
        organisation_a.save()
    entry = audit_trail_for(organisation_a).filter(action=LogEntry.Action.UPDATE).first()
    assert entry.actor == officer
    assert entry.changes_dict["city"] == ["", "Arras"]
    assert entry.timestamp is not None


def test_queryset_update_on_an_audited_model_is_refused_so_nothing_escapes_the_trail(
    organisation_a,
):
    with pytest.raises(UnauditedWriteError, match="bypass the audit trail"):
        Organisation.objects.filter(pk=organisation_a.pk).update(city="Lille")
    organisation_a.refresh_from_db()
    assert organisation_a.city == ""


def test_bulk_creation_of_audited_rows_is_refused(db):
    with pytest.raises(UnauditedWriteError):
        Organisation.objects.bulk_create([Organisation(name="X", kind=OrganisationType.COMPANY)])
    assert not Organisation.objects.filter(name="X").exists()


def test_an_explicit_event_keeps_its_reason_and_values(officer, organisation_a):
    audit_event(
        actor=officer,
        obj=organisation_a,
        event="verified",
        changes={"identifier": ("", "W623000017")},
        reason="Contrôle RNA",
    )
    entry = audit_trail_for(organisation_a).first()
    assert entry.additional_data == {"event": "verified", "reason": "Contrôle RNA"}
    assert entry.changes_dict["identifier"] == ["", "W623000017"]
    assert entry.actor == officer
