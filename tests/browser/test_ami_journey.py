"""The whole journey of a dossier in a real browser, over two sittings, with accessibility checks."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from ami.models import Dossier, DossierStatus, Phase
from core.outbox import outbox_drain
from tests.browser.test_accessibility import _assert_accessible
from tests.conftest import PASSWORD
from tests.pdf import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PARIS = ZoneInfo("Europe/Paris")
HOLDER_PASSWORD = "une-phrase-de-passe-solide"


@pytest.fixture
def open_pmcb_call(db):
    call_command("load_reference_data", stdout=StringIO())
    phase = Phase.objects.get(call__code="pmcb")
    phase.opens_at = datetime(2025, 7, 1, tzinfo=PARIS)
    phase.closes_at = datetime(2028, 7, 1, tzinfo=PARIS)
    phase.save()
    return phase


def _sign_in(page, email, password):
    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def _sign_out(page):
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()


def _type(page, label, text):
    """Reach the field as a keyboard user would (focus), then type."""
    field = page.get_by_label(label).first
    field.focus()
    field.press("Control+A")
    page.keyboard.type(text)


def _press(page, role, name):
    """Focus a button or link and press Enter; wait for the page it leads to (the draft may
    be saved first, which delays the navigation)."""
    control = page.get_by_role(role, name=name, exact=True)
    control.focus()
    with page.expect_navigation():
        control.press("Enter")
    page.wait_for_load_state()


def test_a_holder_submits_over_two_sittings_and_an_officer_retains_the_dossier(
    browser, live_server, settings, open_pmcb_call, officer
):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    holder = browser.new_context(base_url=live_server.url, locale="fr-FR")
    page = holder.new_page()

    # Sitting 1, keyboard only: account, organisation, a draft half filled.
    page.goto("/comptes/inscription/?next=/ami/mes-dossiers/")
    _assert_accessible(page)
    _type(page, "Vos nom et prénom", "Inès Porteuse")
    _type(page, "Adresse e-mail professionnelle", "ines@ressourcerie.fr")
    _type(page, "Mot de passe", HOLDER_PASSWORD)
    _type(page, "Raison sociale de votre organisation", "Ressourcerie du Ternois")
    page.get_by_label("Type de structure").select_option("social_economy")
    _type(page, "SIRET, SIREN ou numéro RNA", "W623 000 017")
    _press(page, "button", "Créer le compte")
    assert page.get_by_role("heading", level=1).inner_text() == "Mes dossiers"
    assert "Confirmez votre adresse e-mail" in page.inner_text("main")
    _press(
        page,
        "link",
        "Plateformes de réemploi des PMCB et outil numérique — Réponses au fil de l'eau",
    )
    _type(page, "Titre du projet", "Matériauthèque du Ternois")
    _press(page, "button", "Créer le brouillon")
    assert "Brouillon : ce dossier n'est pas déposé." in page.inner_text("main")
    assert page.get_by_role("heading", name="Le projet").count() == 1
    _assert_accessible(page)
    page.get_by_label("Département principal").select_option("62")
    _type(page, "Présentation synthétique", "Collecte et revente de matériaux de second œuvre.")
    _press(page, "button", "Enregistrer et continuer : Partenariats et consortium")
    _type(page, "Partenariats", "Bailleur social et deux entreprises de déconstruction.")
    # Straight to the consortium form, before the autosave's pause: nothing typed is lost.
    _type(page, "Organisation partenaire", "TEAM2")
    _type(page, "SIRET, SIREN ou RNA", "528 827 264 000 29")
    _type(page, "Rôle dans le projet", "Animation de la filière")
    _press(page, "button", "Ajouter le partenaire")
    assert page.locator("#id_partnerships").input_value().startswith("Bailleur")
    assert "52882726400029" in page.inner_text("main")
    _assert_accessible(page)
    _sign_out(page)

    # Between the sittings, the holder opens the link that confirms their address.
    outbox_drain()
    message = next(m for m in mail.outbox if "Confirmez votre adresse" in m.subject)
    link = next(line for line in message.body.splitlines() if "/confirmer-adresse/" in line)
    page.goto("/" + link.split("/", 3)[3])
    assert "est confirmée" in page.inner_text("main")

    # Sitting 2: the draft is still there; finish it step by step and submit.
    _sign_in(page, "ines@ressourcerie.fr", HOLDER_PASSWORD)
    page.goto("/ami/mes-dossiers/")
    assert "Brouillon : non déposé" in page.inner_text("main")
    dossier = Dossier.objects.get()
    page.goto(f"/ami/dossiers/{dossier.pk}/modifier/?etape=problematiques")
    _type(page, "Problématiques traitées", "Gisements de portes et sanitaires.")
    _type(page, "Description des étapes", "Étude, aménagement, ouverture.")
    _press(page, "button", "Enregistrer et continuer : Suites attendues et impacts")
    _type(page, "Suites attendues", "Orientation vers le FRATRI.")
    _type(page, "Impacts", "Huit emplois en insertion.")
    _press(page, "button", "Enregistrer et continuer : Éléments financiers")
    _type(page, "Premiers éléments financiers", "450 000 € d'investissement.")
    for kind, label in [("expense", "Aménagement"), ("resource", "Fonds propres")]:
        form = page.locator("#financement form").last
        form.get_by_label("Nature").select_option(kind)
        form.get_by_label("Poste").focus()
        page.keyboard.type(label)
        form.get_by_label("Montant (€)").focus()
        page.keyboard.type("450000")
        _press(page, "button", "Ajouter la ligne")
    assert page.locator("#id_financial_elements").input_value().startswith("450 000")
    page.goto(f"/ami/dossiers/{dossier.pk}/modifier/?etape=recapitulatif")
    summary = page.inner_text("main")
    assert "Matériauthèque du Ternois" in summary and "TEAM2" in summary
    assert "Solde : 0 €" in summary.replace("\xa0", " ").replace("\u202f", " ")
    _assert_accessible(page)
    _press(page, "button", "Déposer le dossier")
    assert "Dossier déposé le" in page.inner_text("main")
    receipt = page.request.get(f"/ami/dossiers/{dossier.pk}/accuse/1/")
    assert receipt.ok and receipt.body().startswith(b"%PDF")
    receipt_text = pdf_text(receipt.body())
    for expected in ("Présentation synthétique", "TEAM2", "450 000", "SHA-256"):
        assert expected in receipt_text.replace("\xa0", " ").replace("\u202f", " "), expected
    _assert_accessible(page)

    # The officer opens it and returns it for completion.
    agent = browser.new_context(base_url=live_server.url, locale="fr-FR").new_page()
    _sign_in(agent, officer.email, PASSWORD)
    agent.goto("/ami/dossiers/")
    _assert_accessible(agent)
    agent.get_by_role("link", name=dossier.reference).click()
    agent.wait_for_load_state()
    _assert_accessible(agent)

    def decide(event, reason=""):
        agent.get_by_label("Décision").select_option(event)
        agent.get_by_label("Motif (communiqué au porteur)").fill(reason)
        agent.get_by_role("button", name="Continuer").click()
        agent.wait_for_load_state()

    decide("start_review")
    decide("return", "Précisez le nombre d'emplois créés.")
    assert "Renvoyé pour complément" in agent.inner_text("main")

    # The holder completes and submits again.
    page.goto(f"/ami/dossiers/{dossier.pk}/modifier/?etape=suites")
    _type(page, "Impacts", "Douze emplois en insertion.")
    _press(page, "button", "Enregistrer le brouillon")
    page.goto(f"/ami/dossiers/{dossier.pk}/modifier/?etape=recapitulatif")
    _press(page, "button", "Déposer à nouveau le dossier complété")

    # The officer retains it: indicator 3.4 moves.
    agent.reload()
    decide("retain", "Projet structurant, démarrage rapide.")
    # A decision shows its letter first; nothing is applied before the confirmation.
    preview = agent.inner_text("main")
    assert "votre projet est retenu" in preview and "Projet structurant" in preview
    _assert_accessible(agent)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.UNDER_REVIEW
    agent.get_by_role("button", name="Confirmer la décision et envoyer la lettre").click()
    agent.wait_for_load_state()
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.RETAINED
    outbox_drain()  # what the worker does after the decision: indicator 3.4 is recomputed
    agent.goto("/plan/indicateurs/3.4-1/")
    assert "1 plateformes" in agent.inner_text("main").replace("\xa0", " ")


@pytest.mark.parametrize("path", ["/ami/", "/ami/appels/pmcb/", "/ami/appels/ressourceries/"])
def test_the_public_call_pages_meet_wcag_aa(page, open_pmcb_call, path):
    page.goto(path)
    assert page.get_by_role("heading", level=1).count() == 1
    _assert_accessible(page)


def test_the_officer_pages_of_the_calls_meet_wcag_aa(sign_in, officer, holder_a, open_pmcb_call):
    from ami.services import dossier_submit, dossier_transition
    from tests.ami_fixtures import make_dossier

    dossier = make_dossier(holder_a, open_pmcb_call)
    dossier_submit(actor=holder_a, dossier_pk=dossier.pk)
    dossier.refresh_from_db()
    dossier_transition(actor=officer, dossier=dossier, event="start_review")
    page = sign_in(officer)
    for path in [
        f"/ami/dossiers/{dossier.pk}/evaluation/",
        f"/ami/phases/{open_pmcb_call.pk}/classement/",
        f"/ami/phases/{open_pmcb_call.pk}/modifier/",
        "/ami/appels/pmcb/",
    ]:
        page.goto(path)
        _assert_accessible(page)


def test_the_holders_list_meets_wcag_aa(sign_in, holder_a, open_pmcb_call):
    from tests.ami_fixtures import make_dossier

    make_dossier(holder_a, open_pmcb_call)
    page = sign_in(holder_a)
    page.goto("/ami/mes-dossiers/")
    _assert_accessible(page)
