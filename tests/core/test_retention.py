"""Personal data kept no longer than needed: announced, then deleted or anonymised, by the
nightly task; the periods are settings, stated on the personal-data page."""

from datetime import timedelta

from auditlog.models import LogEntry
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ami.models import Dossier
from ami.services import dossier_save, dossier_submit
from core.audit import audit_event
from core.retention import retention_apply
from tests.ami_fixtures import make_dossier
from tests.conftest import PASSWORD

DAY = timedelta(days=1)


def _draft_last_saved(time_machine, holder, phase, days_ago, title="Oublié"):
    """A draft last saved ``days_ago`` days ago, in a phase that has long been closed."""
    now = timezone.now()
    time_machine.move_to(now - days_ago * DAY, tick=False)
    draft = make_dossier(holder, phase, title=title)
    time_machine.move_to(now, tick=False)
    phase.closes_at = now - 400 * DAY
    phase.save()
    return draft


def test_a_forgotten_draft_is_announced_then_deleted_after_the_notice(
    settings, holder_a, pmcb_phase, run_outbox, time_machine
):
    settings.RETENTION_DRAFT_DAYS, settings.RETENTION_WARNING_DAYS = 365, 30
    draft = _draft_last_saved(time_machine, holder_a, pmcb_phase, 340)  # ends in 25 days
    assert retention_apply()["ami.drafts"] == {"warned": 1, "purged": 0}
    run_outbox()
    (notice,) = [m for m in mail.outbox if "Suppression prévue" in m.subject]
    assert notice.to == [holder_a.email] and "Oublié" in notice.body
    assert retention_apply()["ami.drafts"] == {"warned": 0, "purged": 0}  # warned once
    time_machine.move_to(timezone.now() + 31 * DAY)
    assert retention_apply()["ami.drafts"] == {"warned": 0, "purged": 1}
    assert not Dossier.objects.filter(pk=draft.pk).exists()
    assert LogEntry.objects.filter(
        object_pk=str(draft.pk), additional_data__event="ami.draft_deleted"
    ).exists()


def test_a_draft_saved_again_after_its_notice_is_kept(settings, holder_a, pmcb_phase, time_machine):
    settings.RETENTION_DRAFT_DAYS, settings.RETENTION_WARNING_DAYS = 365, 30
    draft = _draft_last_saved(time_machine, holder_a, pmcb_phase, 340)
    retention_apply()
    dossier_save(actor=holder_a, dossier=draft, title="Repris")
    time_machine.move_to(timezone.now() + 31 * DAY)
    assert retention_apply()["ami.drafts"] == {"warned": 0, "purged": 0}
    assert Dossier.objects.filter(pk=draft.pk).exists()


def test_an_inactive_holder_is_anonymised_unless_they_submitted_a_dossier(
    settings, holder_a, holder_b, draft_a, time_machine
):
    settings.RETENTION_INACTIVE_ACCOUNT_DAYS, settings.RETENTION_WARNING_DAYS = 1095, 30
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    for holder in (holder_a, holder_b):
        holder.last_login = timezone.now() - 1100 * DAY
        holder.save(update_fields=["last_login"])
    assert retention_apply()["accounts.inactive"] == {"warned": 1, "purged": 0}
    time_machine.move_to(timezone.now() + 31 * DAY)
    assert retention_apply()["accounts.inactive"] == {"warned": 0, "purged": 1}
    holder_a.refresh_from_db()
    holder_b.refresh_from_db()
    assert holder_a.is_active and holder_a.email == "helene@recyclerie-artois.fr"  # evidence kept
    assert not holder_b.is_active and holder_b.full_name == "Compte fermé"
    assert "hainaut" not in holder_b.email and not holder_b.has_usable_password()


def test_access_logs_older_than_their_period_are_purged_and_the_change_trail_kept(
    settings, officer, holder_a, draft_a
):
    settings.RETENTION_SECURITY_LOG_DAYS = 365
    old = audit_event(actor=officer, obj=draft_a, event="opened", access=True)
    recent = audit_event(actor=officer, obj=draft_a, event="opened", access=True)
    LogEntry.objects.filter(pk=old.pk).update(timestamp=timezone.now() - 400 * DAY)
    changes = LogEntry.objects.exclude(action=LogEntry.Action.ACCESS).count()
    LogEntry.objects.exclude(action=LogEntry.Action.ACCESS).update(
        timestamp=timezone.now() - 400 * DAY
    )
    assert retention_apply()["core.access_logs"]["purged"] >= 1
    assert not LogEntry.objects.filter(pk=old.pk).exists()
    assert LogEntry.objects.filter(pk=recent.pk).exists()
    assert LogEntry.objects.exclude(action=LogEntry.Action.ACCESS).count() == changes


def test_the_personal_data_page_states_the_periods_to_anyone(client, settings, db):
    settings.RETENTION_DRAFT_DAYS = 400
    settings.RETENTION_INACTIVE_ACCOUNT_DAYS = 700
    page = client.get(reverse("personal_data"))
    assert page.status_code == 200
    content = page.content.decode()
    assert "400 jours sans modification" in content and "700 jours après" in content


def test_a_holder_downloads_what_the_portal_holds_about_them_and_nothing_else(
    client_for, holder_a, holder_b, draft_a, pmcb_phase
):
    make_dossier(holder_b, pmcb_phase, title="Dossier de Hugo")
    response = client_for(holder_a).get(reverse("accounts:my_data"), {"format": "json"})
    assert response["Content-Disposition"].startswith("attachment")
    data = response.json()
    assert data["Compte et organisations"]["compte"]["adresse_e_mail"] == holder_a.email
    titles = [d["titre"] for d in data["Dossiers et messages des appels"]["dossiers_crees"]]
    assert titles == [draft_a.title]
    assert "Hugo" not in response.content.decode()


def test_a_holder_without_a_submitted_dossier_closes_their_account(client, holder_b):
    client.post(reverse("login"), {"username": holder_b.email, "password": PASSWORD})
    closed = client.post(reverse("accounts:account_close"), {"password": PASSWORD}, follow=True)
    assert "Votre compte est fermé" in closed.content.decode()
    holder_b.refresh_from_db()
    assert not holder_b.is_active and holder_b.full_name == "Compte fermé"
    again = client.post(
        reverse("login"), {"username": "hugo@materiaux-hainaut.fr", "password": PASSWORD}
    )
    assert again.status_code == 200  # the sign-in form again: the account is gone


def test_a_holder_who_submitted_a_dossier_is_told_why_the_account_stays(
    client_for, holder_a, draft_a
):
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    client = client_for(holder_a)
    page = client.get(reverse("accounts:my_data")).content.decode()
    assert "ne peut pas être fermé" in page and "Fermer définitivement" not in page
    refused = client.post(reverse("accounts:account_close"), {"password": PASSWORD})
    assert refused.status_code == 400
    holder_a.refresh_from_db()
    assert holder_a.is_active


def test_a_wrong_password_closes_nothing_and_an_officer_cannot_close_their_own(
    client_for, holder_b, officer
):
    refused = client_for(holder_b).post(reverse("accounts:account_close"), {"password": "non"})
    assert refused.status_code == 400 and "Mot de passe incorrect" in refused.content.decode()
    holder_b.refresh_from_db()
    assert holder_b.is_active
    assert client_for(officer).post(reverse("accounts:account_close"), {}).status_code == 403
