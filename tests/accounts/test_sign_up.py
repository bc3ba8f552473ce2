"""Sign-up, invitations and accounts created by an administrator: one way to create a user."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Invitation, Organisation, User


def test_a_holder_signs_up_with_their_organisation(client, calls):
    response = client.post(
        reverse("accounts:sign_up"),
        {
            "full_name": "Inès Porteuse",
            "email": "ines@ressourcerie.fr",
            "password": "une-phrase-de-passe-solide",
            "organisation_name": "Ressourcerie du Ternois",
            "organisation_kind": "social_economy",
            "identifier": "W623000017",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="ines@ressourcerie.fr")
    assert user.memberships.get().organisation.identifier == "W623000017"


def test_a_sign_up_with_a_wrong_siret_names_the_field_and_creates_nothing(client, calls):
    response = client.post(
        reverse("accounts:sign_up"),
        {
            "full_name": "X",
            "email": "x@example.fr",
            "password": "une-phrase-de-passe-solide",
            "organisation_name": "Erreur",
            "organisation_kind": "company",
            "identifier": "52882726400028",
        },
    )
    assert "clé de contrôle" in response.content.decode()
    assert not User.objects.filter(email="x@example.fr").exists()
    assert not Organisation.objects.filter(name="Erreur").exists()


def test_a_manager_invites_a_colleague_who_then_sees_the_dossiers(client_for, holder_a, draft_a):
    client_for(holder_a).post(
        reverse("accounts:invite", args=[holder_a.memberships.get().organisation_id]),
        {"full_name": "Paul Collègue", "email": "paul@recyclerie-artois.fr"},
    )
    from core.outbox import outbox_drain

    outbox_drain()
    colleague = User.objects.get(email="paul@recyclerie-artois.fr")
    assert any(colleague.email in m.to and "Invitation" in m.subject for m in mail.outbox)
    from ami.selectors import dossier_list_for_user

    assert list(dossier_list_for_user(colleague)) == [draft_a]


def test_inviting_someone_already_in_the_organisation_says_so(client_for, holder_a, draft_a):
    response = client_for(holder_a).post(
        reverse("accounts:invite", args=[holder_a.memberships.get().organisation_id]),
        {"full_name": "Hélène", "email": holder_a.email},
    )
    assert "fait déjà partie" in response.content.decode()


def test_a_holder_cannot_invite_into_another_organisation(client_for, holder_b, organisation_a):
    response = client_for(holder_b).post(
        reverse("accounts:invite", args=[organisation_a.pk]),
        {"full_name": "Intrus", "email": "intrus@example.fr"},
    )
    assert response.status_code == 404
    assert not User.objects.filter(email="intrus@example.fr").exists()


def _link_in(message):
    return next(line for line in message.body.splitlines() if "/mot-de-passe/nouveau/" in line)


def test_the_invited_colleague_chooses_a_password_and_the_invitation_is_accepted(
    client, client_for, holder_a, run_outbox
):
    client_for(holder_a).post(
        reverse("accounts:invite", args=[holder_a.memberships.get().organisation_id]),
        {"full_name": "Paul Collègue", "email": "Paul@Recyclerie-Artois.fr"},
    )
    client.logout()
    run_outbox()
    invitation = Invitation.objects.get()
    assert invitation.email == "paul@recyclerie-artois.fr" and invitation.accepted_at is None
    path = _link_in(mail.outbox[-1]).split("8000", 1)[1]
    form = client.get(path, follow=True)
    new_password = "une-autre-phrase-de-passe"
    chosen = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
        follow=True,
    )
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    # Signed in at once, on the home page, told so.
    assert chosen.wsgi_request.user.email == "paul@recyclerie-artois.fr"
    assert "vous êtes connecté" in chosen.content.decode()
    client.logout()
    signed_in = client.post(
        reverse("login"), {"username": "paul@recyclerie-artois.fr", "password": new_password}
    )
    assert signed_in.status_code == 302


def test_an_administrator_creates_an_account_whose_owner_chooses_the_password(
    client_for, administrator, run_outbox
):
    response = client_for(administrator).post(
        reverse("admin:accounts_user_add"),
        {
            "email": "Nouvel.Agent@HautsDeFrance.fr",
            "full_name": "Nouvel Agent",
            "role": "officer",
            "memberships-TOTAL_FORMS": 0,
            "memberships-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(email="nouvel.agent@hautsdefrance.fr")
    assert user.role == "officer" and not user.has_usable_password()
    run_outbox()
    assert "mot-de-passe/nouveau" in _link_in(mail.outbox[-1])


def test_a_manager_invites_through_the_api_but_not_into_another_organisation(
    client_for, holder_a, organisation_b, run_outbox
):
    client = client_for(holder_a)
    own = holder_a.memberships.get().organisation_id
    response = client.post(
        "/api/invitations/",
        {"organisation": own, "email": "lea@recyclerie-artois.fr", "full_name": "Léa"},
    )
    assert response.status_code == 201, response.content
    refused = client.post(
        "/api/invitations/",
        {"organisation": organisation_b.pk, "email": "x@example.fr", "full_name": "X"},
    )
    assert refused.status_code == 400 and "organisation" in refused.json()
    assert [i["email"] for i in client.get("/api/invitations/").json()["results"]] == [
        "lea@recyclerie-artois.fr"
    ]


@pytest.mark.parametrize("persona", ["holder_b", "officer"])
def test_memberships_show_only_what_each_may_see(client_for, request, persona, holder_a):
    user = request.getfixturevalue(persona)
    emails = {m["email"] for m in client_for(user).get("/api/memberships/").json()["results"]}
    if persona == "officer":
        assert holder_a.email in emails
    else:
        assert emails == {user.email}


def test_a_manager_finds_the_invitation_on_the_organisation_page_and_others_do_not(
    client_for, holder_a, holder_b
):
    organisation = holder_a.memberships.get().organisation
    page = client_for(holder_a).get(reverse("accounts:organisation_detail", args=[organisation.pk]))
    assert reverse("accounts:invite", args=[organisation.pk]) in page.content.decode()
    other = client_for(holder_b).get(
        reverse("accounts:organisation_detail", args=[organisation.pk])
    )
    assert other.status_code == 404
