"""Holders can leave: a draft is deleted, a submitted dossier withdrawn, both in the trail; a
closed phase offers no new dossier."""

from datetime import timedelta

from auditlog.models import LogEntry
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ami.models import Dossier, DossierStatus, DossierVersion
from ami.services import dossier_assign, dossier_submit


def test_a_holder_deletes_a_draft_after_confirming(client_for, holder_a, draft_a):
    client = client_for(holder_a)
    url = reverse("ami:dossier_delete", args=[draft_a.pk])
    confirm = client.get(url).content.decode()
    assert "Supprimer définitivement ce brouillon" in confirm
    assert Dossier.objects.filter(pk=draft_a.pk).exists()  # nothing before the POST
    done = client.post(url, follow=True).content.decode()
    assert "supprimé" in done
    assert not Dossier.objects.filter(pk=draft_a.pk).exists()
    assert LogEntry.objects.filter(
        object_pk=str(draft_a.pk), additional_data__event="ami.draft_deleted", actor=holder_a
    ).exists()


def test_a_holder_withdraws_a_submitted_dossier_and_its_instructor_is_told(
    client_for, holder_a, officer, draft_a, run_outbox
):
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    dossier_assign(actor=officer, dossier=draft_a, instructor=officer)
    client = client_for(holder_a)
    response = client.post(
        reverse("ami:dossier_withdraw", args=[draft_a.pk]), {"reason": "Projet abandonné."}
    )
    assert response.status_code == 302
    draft_a.refresh_from_db()
    assert draft_a.status == DossierStatus.WITHDRAWN
    assert DossierVersion.objects.filter(dossier=draft_a).count() == 1  # the record stays
    entry = LogEntry.objects.filter(object_pk=str(draft_a.pk)).latest("timestamp")
    assert entry.additional_data["event"] == "withdraw"
    assert entry.additional_data["reason"] == "Projet abandonné."
    run_outbox()
    assert any("retiré par le porteur" in m.subject for m in mail.outbox if officer.email in m.to)


def test_neither_another_holder_nor_an_officer_can_delete_or_withdraw(
    client_for, holder_a, holder_b, officer, draft_a
):
    for url in (
        reverse("ami:dossier_delete", args=[draft_a.pk]),
        reverse("ami:dossier_withdraw", args=[draft_a.pk]),
    ):
        assert client_for(holder_b).post(url).status_code == 404
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    officer_client = client_for(officer)
    assert (
        officer_client.post(reverse("ami:dossier_withdraw", args=[draft_a.pk])).status_code == 403
    )
    assert (
        client_for(holder_a).post(reverse("ami:dossier_delete", args=[draft_a.pk])).status_code
        == 403
    )
    assert Dossier.objects.filter(pk=draft_a.pk).exists()


def test_a_closed_phase_offers_no_new_dossier_form(client_for, holder_a, pmcb_phase):
    pmcb_phase.closes_at = timezone.now() - timedelta(days=1)
    pmcb_phase.save()
    page = client_for(holder_a).get(reverse("ami:dossier_create", args=[pmcb_phase.pk]))
    content = page.content.decode()
    assert "Créer le brouillon" not in content and "pas ouverte" in content
