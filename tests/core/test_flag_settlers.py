"""Points à confirmer that settle the data: confirming one with a value applies it."""

from datetime import date

from django.urls import reverse

from actionplan.models import PlanSetting
from core.models import DataFlag


def _flag(code):
    return DataFlag.objects.get(code=code, status=DataFlag.Status.OPEN)


def test_confirming_the_plans_start_date_through_its_flag_ends_the_provisional_horizon(
    client_for, calls, officer, run_outbox
):
    client = client_for(officer)
    assert "provisoire" in client.get(reverse("actionplan:dashboard")).content.decode()
    flag = _flag("plan-start-missing")
    form = client.get(reverse("data_flag_resolve", args=[flag.pk])).content.decode()
    assert "Date de début du plan confirmée" in form
    response = client.post(
        reverse("data_flag_resolve", args=[flag.pk]),
        {
            "status": "confirmed",
            "value": "2025-01-30",
            "resolution": "Séance plénière du 30 janvier 2025 : le plan court à partir de là.",
        },
    )
    assert response.status_code == 302
    assert PlanSetting.objects.get().start_date == date(2025, 1, 30)
    flag.refresh_from_db()
    assert flag.status == DataFlag.Status.CONFIRMED and flag.resolved_by == officer
    run_outbox()
    assert "provisoire" not in client.get(reverse("actionplan:dashboard")).content.decode()


def test_confirming_without_the_value_names_the_field_and_changes_nothing(
    client_for, calls, officer
):
    flag = _flag("plan-start-missing")
    page = client_for(officer).post(
        reverse("data_flag_resolve", args=[flag.pk]),
        {"status": "confirmed", "resolution": "Vu."},
    )
    assert "Indiquez la valeur confirmée" in page.content.decode()
    assert PlanSetting.objects.get().start_date is None
    flag.refresh_from_db()
    assert flag.status == DataFlag.Status.OPEN


def test_a_value_the_owning_app_refuses_is_shown_on_the_field_and_nothing_is_saved(
    client_for, calls, officer
):
    flag = _flag("notification-date-missing")
    page = client_for(officer).post(
        reverse("data_flag_resolve", args=[flag.pk]),
        {"status": "confirmed", "value": "2024-07-01", "resolution": "Courrier reçu."},
    )
    assert "exécutoire" in page.content.decode()
    flag.refresh_from_db()
    assert flag.status == DataFlag.Status.OPEN
    assert flag.subject.notification_date is None
