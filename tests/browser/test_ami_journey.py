"""The whole journey of a dossier in a real browser, over two sittings, with accessibility checks."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from ami.models import Dossier, DossierStatus, Phase
from tests.browser.test_accessibility import _assert_accessible
from tests.conftest import PASSWORD

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


def test_a_holder_submits_over_two_sittings_and_an_officer_retains_the_dossier(
    browser, live_server, settings, open_pmcb_call, officer
):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    holder = browser.new_context(base_url=live_server.url, locale="fr-FR")
    page = holder.new_page()

    # Sitting 1: account, organisation, a draft half filled.
    page.goto("/ami/inscription/")
    _assert_accessible(page)
    page.get_by_label("Vos nom et prénom").fill("Inès Porteuse")
    page.get_by_label("Adresse e-mail professionnelle").fill("ines@ressourcerie.fr")
    page.get_by_label("Mot de passe").fill(HOLDER_PASSWORD)
    page.get_by_label("Raison sociale de votre organisation").fill("Ressourcerie du Ternois")
    page.get_by_label("Type de structure").select_option("social_economy")
    page.get_by_label("SIRET, SIREN ou numéro RNA").fill("W623000017")
    page.get_by_role("button", name="Créer le compte").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Mes dossiers"
    page.get_by_role(
        "link",
        name="Plateformes de réemploi des PMCB et outil numérique — Réponses au fil de l'eau",
    ).click()
    page.get_by_label("Titre du projet").fill("Matériauthèque du Ternois")
    page.get_by_role("button", name="Créer le brouillon").click()
    page.wait_for_load_state()
    assert "Brouillon : ce dossier n'est pas déposé." in page.inner_text("main")
    _assert_accessible(page)
    page.get_by_label("Département principal").select_option("62")
    page.get_by_label("Présentation synthétique").fill(
        "Collecte et revente de matériaux de second œuvre."
    )
    page.get_by_label("Partenariats").fill("Bailleur social et deux entreprises de déconstruction.")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.wait_for_load_state()
    _sign_out(page)

    # Sitting 2: the draft is still there; finish it and submit.
    _sign_in(page, "ines@ressourcerie.fr", HOLDER_PASSWORD)
    page.goto("/ami/mes-dossiers/")
    assert "Brouillon : non déposé" in page.inner_text("main")
    dossier = Dossier.objects.get()
    page.goto(f"/ami/dossiers/{dossier.pk}/modifier/")
    assert page.get_by_label("Partenariats").input_value().startswith("Bailleur social")
    for label, text in [
        ("Problématiques traitées", "Gisements de portes et sanitaires."),
        ("Description des étapes", "Étude, aménagement, ouverture."),
        ("Suites attendues", "Orientation vers le FRATRI."),
        ("Impacts", "Huit emplois en insertion."),
        ("Premiers éléments financiers", "450 000 € d'investissement."),
    ]:
        page.get_by_label(label).fill(text)
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.wait_for_load_state()
    for kind, label in [("expense", "Aménagement"), ("resource", "Fonds propres")]:
        form = page.locator("#financement form").last
        form.get_by_label("Nature").select_option(kind)
        form.get_by_label("Poste").fill(label)
        form.get_by_label("Montant (€)").fill("450000")
        form.get_by_role("button", name="Ajouter la ligne").click()
        page.wait_for_load_state()
    page.get_by_role("button", name="Déposer le dossier").click()
    page.wait_for_load_state()
    assert "Dossier déposé le" in page.inner_text("main")
    receipt = page.request.get(f"/ami/dossiers/{dossier.pk}/accuse/1/")
    assert receipt.ok and receipt.body().startswith(b"%PDF")
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
        agent.get_by_role("button", name="Enregistrer la décision").click()
        agent.wait_for_load_state()

    decide("start_review")
    decide("return", "Précisez le nombre d'emplois créés.")
    assert "Renvoyé pour complément" in agent.inner_text("main")

    # The holder completes and submits again.
    page.goto(f"/ami/dossiers/{dossier.pk}/modifier/")
    page.get_by_label("Impacts").fill("Douze emplois en insertion.")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Déposer à nouveau le dossier complété").click()
    page.wait_for_load_state()

    # The officer retains it: indicator 3.4 moves.
    agent.reload()
    decide("retain", "Projet structurant, démarrage rapide.")
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.RETAINED
    agent.goto("/plan/indicateurs/3.4-1/")
    assert "1 plateformes" in agent.inner_text("main").replace("\xa0", " ")


@pytest.mark.parametrize("path", ["/ami/", "/ami/appels/pmcb/", "/ami/appels/ressourceries/"])
def test_the_public_call_pages_meet_wcag_aa(page, open_pmcb_call, path):
    page.goto(path)
    assert page.get_by_role("heading", level=1).count() == 1
    _assert_accessible(page)


def test_the_officer_pages_of_the_calls_meet_wcag_aa(sign_in, officer, holder_a, open_pmcb_call):
    from ami.services import dossier_submit, dossier_transition
    from tests.ami.conftest import make_dossier

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
    from tests.ami.conftest import make_dossier

    make_dossier(holder_a, open_pmcb_call)
    page = sign_in(holder_a)
    page.goto("/ami/mes-dossiers/")
    _assert_accessible(page)
