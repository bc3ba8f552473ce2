"""An organisation's managers keep its colleagues and its details; a holder confirms the
address they signed up with before submitting."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Invitation, Membership, User
from accounts.services import colleague_invite, membership_create, user_create
from ami.services import dossier_submit
from core.outbox import outbox_drain
from tests.accounts.test_sign_up import _link_in


def _organisation(holder):
    return holder.memberships.get().organisation


def test_a_manager_revokes_a_pending_invitation_and_its_link_no_longer_works(
    client, client_for, holder_a
):
    organisation = _organisation(holder_a)
    invitation = colleague_invite(
        actor=holder_a, organisation=organisation, email="paul@recyclerie.fr", full_name="Paul"
    )
    outbox_drain()
    link = _link_in(mail.outbox[-1]).split("8000", 1)[1]
    manager = client_for(holder_a)
    page = manager.get(reverse("accounts:organisation_detail", args=[organisation.pk]))
    assert "paul@recyclerie.fr" in page.content.decode()
    manager.post(reverse("accounts:invitation_revoke", args=[organisation.pk, invitation.pk]))
    assert not Invitation.objects.exists()
    paul = User.objects.get(email="paul@recyclerie.fr")
    assert not paul.is_active and not paul.memberships.exists()
    manager.logout()
    form = client.get(link, follow=True)
    assert "new_password1" not in form.content.decode()
    # Invited again later, the colleague's account opens again.
    colleague_invite(
        actor=holder_a, organisation=organisation, email="paul@recyclerie.fr", full_name="Paul"
    )
    paul.refresh_from_db()
    assert paul.is_active and paul.memberships.filter(organisation=organisation).exists()


def test_a_manager_removes_a_colleague_who_then_sees_no_dossier(client_for, holder_a, draft_a):
    from ami.selectors import dossier_list_for_user

    organisation = _organisation(holder_a)
    paul = user_create(actor=None, email="paul@recyclerie.fr", full_name="Paul", password="x" * 12)
    membership = membership_create(actor=None, user=paul, organisation=organisation)
    assert list(dossier_list_for_user(paul)) == [draft_a]
    client_for(holder_a).post(
        reverse("accounts:membership_remove", args=[organisation.pk, membership.pk])
    )
    assert list(dossier_list_for_user(paul)) == []


def test_the_last_manager_cannot_be_removed(client_for, holder_a):
    organisation = _organisation(holder_a)
    membership = Membership.objects.get(user=holder_a)
    paul = user_create(actor=None, email="paul@recyclerie.fr", full_name="Paul", password="x" * 12)
    membership_create(actor=None, user=paul, organisation=organisation, is_manager=False)
    response = client_for(holder_a).post(
        reverse("accounts:membership_remove", args=[organisation.pk, membership.pk]), follow=True
    )
    assert "au moins un gestionnaire" in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_colleague_who_is_not_a_manager_or_another_holder_cannot_manage(
    client_for, holder_a, holder_b
):
    organisation = _organisation(holder_a)
    membership = Membership.objects.get(user=holder_a)
    for url in [
        reverse("accounts:membership_remove", args=[organisation.pk, membership.pk]),
        reverse("accounts:organisation_edit", args=[organisation.pk]),
    ]:
        assert client_for(holder_b).post(url, {"name": "Piraté"}).status_code in (403, 404)
    organisation.refresh_from_db()
    assert organisation.name == "Recyclerie de l'Artois"
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_manager_edits_the_organisation_but_not_its_identifier(client_for, holder_a):
    organisation = _organisation(holder_a)
    client_for(holder_a).post(
        reverse("accounts:organisation_edit", args=[organisation.pk]),
        {"name": "Recyclerie de l'Artois (Arras)", "city": "Arras", "identifier": "123456789"},
    )
    organisation.refresh_from_db()
    assert organisation.name == "Recyclerie de l'Artois (Arras)" and organisation.city == "Arras"
    assert organisation.identifier == "W623000017"


def test_a_new_holder_confirms_their_address_before_submitting(client, calls, pmcb_phase):
    from tests.ami_fixtures import make_dossier

    client.post(
        reverse("accounts:sign_up"),
        {
            "full_name": "Inès Porteuse",
            "email": "ines@ressourcerie.fr",
            "password": "une-phrase-de-passe-solide",
            "organisation_name": "Ressourcerie du Ternois",
            "organisation_kind": "social_economy",
            "identifier": "W623000018",
        },
    )
    ines = User.objects.get(email="ines@ressourcerie.fr")
    assert ines.email_verified_at is None
    assert "Confirmez votre adresse e-mail" in client.get(reverse("home")).content.decode()
    dossier = make_dossier(ines, pmcb_phase)
    with pytest.raises(ValidationError, match="Confirmez d'abord votre adresse e-mail"):
        dossier_submit(actor=ines, dossier_pk=dossier.pk)
    dossier.refresh_from_db()
    assert dossier.status == "draft"
    outbox_drain()
    message = next(m for m in mail.outbox if "Confirmez votre adresse" in m.subject)
    link = next(line for line in message.body.splitlines() if "/confirmer-adresse/" in line)
    client.logout()
    assert client.get(link.split("8000", 1)[1]).status_code == 200
    ines.refresh_from_db()
    assert ines.email_verified_at is not None
    dossier_submit(actor=ines, dossier_pk=dossier.pk)
    dossier.refresh_from_db()
    assert dossier.status == "submitted"


def test_a_forged_or_altered_confirmation_link_confirms_nothing(client, holder_a):
    holder_a.email_verified_at = None
    holder_a.save()
    response = client.get(reverse("accounts:verify_email", args=["pas-un-jeton"]))
    assert response.status_code == 400
    holder_a.refresh_from_db()
    assert holder_a.email_verified_at is None


def test_an_organisation_edit_without_a_name_names_the_field_and_changes_nothing(
    client_for, holder_a
):
    organisation = _organisation(holder_a)
    response = client_for(holder_a).post(
        reverse("accounts:organisation_edit", args=[organisation.pk]), {"name": "", "city": "X"}
    )
    assert response.status_code == 200
    assert 'href="#id_name"' in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.name == "Recyclerie de l'Artois" and organisation.city != "X"
