"""The officers' and holders' daily journeys, in Chromium, each page checked with axe-core."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.utils import timezone

from actionplan.models import FundingCommitment, FundingSource, PlanSetting
from ami.models import Dossier, DossierStatus
from ami.services import dossier_submit, dossier_transition, expert_request_create
from core.models import DataFlag
from tests.browser.test_accessibility import _assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def returned(draft_a, holder_a, officer):
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    dossier_transition(actor=officer, dossier=draft_a, event="start_review")
    dossier_transition(
        actor=officer, dossier=draft_a, event="return", reason="Joignez le bilan 2025."
    )
    return draft_a


def test_the_holder_reads_the_request_on_the_dossier_page_then_withdraws_the_dossier(
    sign_in, holder_a, returned
):
    page = sign_in(holder_a)
    page.goto(f"/ami/dossiers/{returned.pk}/")
    assert "Joignez le bilan 2025." in page.inner_text("main")
    _assert_accessible(page)
    page.get_by_role("link", name="Retirer ce dossier").click()
    page.get_by_label("Pourquoi retirez-vous le dossier ? (transmis à la Région)").fill(
        "Projet reporté."
    )
    page.get_by_role("button", name="Retirer définitivement ce dossier").click()
    page.wait_for_load_state()
    returned.refresh_from_db()
    assert returned.status == DossierStatus.WITHDRAWN
    assert (
        LogEntry.objects.get_for_object(returned).filter(additional_data__event="withdraw").exists()
    )


def test_a_holder_deletes_a_draft_from_its_page(sign_in, holder_a, draft_a):
    page = sign_in(holder_a)
    page.goto(f"/ami/dossiers/{draft_a.pk}/")
    page.get_by_role("link", name="Supprimer ce brouillon").click()
    confirm = page.get_by_role("button", name="Supprimer définitivement ce brouillon")
    # axe must read the confirmation page, not the document being replaced.
    confirm.wait_for()
    _assert_accessible(page)
    confirm.click()
    page.wait_for_load_state()
    assert not Dossier.objects.filter(pk=draft_a.pk).exists()
    assert LogEntry.objects.filter(object_pk=str(draft_a.pk), action=LogEntry.Action.DELETE)


def test_an_officer_confirms_the_plan_start_through_its_flag_and_the_plan_is_no_longer_provisional(
    sign_in, officer
):
    call_command("load_reference_data", stdout=StringIO())
    flag = DataFlag.objects.get(code="plan-start-missing")
    page = sign_in(officer)
    page.goto("/plan/")
    assert "Horizon provisoire" in page.inner_text("main")
    page.goto(f"/points-a-confirmer/{flag.pk}/")
    _assert_accessible(page)
    page.get_by_role("radio", name="Confirmé").check()
    page.get_by_label("Date de début du plan confirmée").fill("2025-01-30")
    page.get_by_label("Explication (valeur retenue, source consultée…)").fill(
        "Séance plénière du 30 janvier 2025."
    )
    page.get_by_role("button", name="Enregistrer la décision").click()
    page.wait_for_load_state()
    assert PlanSetting.objects.get().start_date.isoformat() == "2025-01-30"
    page.goto("/plan/")
    assert "Horizon provisoire" not in page.inner_text("main")


def test_a_commitment_typed_as_people_type_it_and_above_its_envelope_needs_a_confirmation(
    sign_in, officer
):
    call_command("load_reference_data", stdout=StringIO())
    source = FundingSource.objects.get(code="riv-circular")  # 2 M€
    page = sign_in(officer)
    page.goto("/plan/financements/")

    def commit(amount, confirm=False):
        page.get_by_label("Source", exact=True).select_option(str(source.pk))
        page.get_by_label("Action", exact=True).select_option(index=1)
        page.get_by_label("Montant (€)").fill(amount)
        page.get_by_label("Date d'engagement").fill("2026-09-30")
        page.get_by_label("Objet").fill("Démonstrateur")
        if confirm:
            page.get_by_label(
                "Je confirme cet engagement au-delà de l'enveloppe de la source"
            ).check()
        page.get_by_role("button", name="Enregistrer l'engagement").click()
        page.wait_for_load_state()

    commit("50 000,50")
    assert FundingCommitment.objects.get().amount == Decimal("50000.50")
    commit("5 000 000")
    assert "au-delà de son enveloppe" in page.inner_text("main")
    assert FundingCommitment.objects.count() == 1
    _assert_accessible(page)
    commit("5 000 000", confirm=True)
    assert FundingCommitment.objects.count() == 2
    page.goto("/plan/financements/engagements/")
    assert "50\xa0000,50 €" in page.inner_text("main")
    _assert_accessible(page)


def test_the_decision_form_offers_only_the_valid_steps_and_a_decision_shows_its_letter_first(
    sign_in, officer, holder_a, draft_a
):
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    page = sign_in(officer)
    page.goto("/ami/dossiers/?queue=new")
    assert draft_a.reference in page.inner_text("main")
    _assert_accessible(page)
    page.goto(f"/ami/dossiers/{draft_a.pk}/")
    options = page.get_by_label("Décision").locator("option").all_inner_texts()
    assert options == ["Mettre en instruction"]
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_load_state()
    options = page.get_by_label("Décision").locator("option").all_inner_texts()
    assert "Retenir" in options and "Mettre en instruction" not in options
    page.get_by_label("Décision").select_option("reject")
    page.get_by_label("Motif (communiqué au porteur)").fill("Hors du champ de l'appel.")
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_load_state()
    assert "n'est pas retenu" in page.inner_text("main")
    _assert_accessible(page)
    draft_a.refresh_from_db()
    assert draft_a.status == DossierStatus.UNDER_REVIEW
    page.get_by_role("button", name="Confirmer la décision et envoyer la lettre").click()
    page.wait_for_load_state()
    draft_a.refresh_from_db()
    assert draft_a.status == DossierStatus.NOT_RETAINED


def test_an_expert_reads_the_dossier_asked_about_and_answers(
    browser, live_server, settings, officer, holder_a, draft_a
):
    from ami.models import ExpertRequest
    from tests.conftest import PASSWORD

    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    asked = expert_request_create(
        actor=officer,
        dossier=draft_a,
        email="expert@labo.fr",
        full_name="Élise Experte",
        question="Le gisement est-il crédible ?",
        due_on=timezone.localdate() + timedelta(days=10),
    )
    asked.expert.set_password(PASSWORD)
    asked.expert.save()
    page = browser.new_context(base_url=live_server.url, locale="fr-FR").new_page()
    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse e-mail").fill("expert@labo.fr")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()
    page.get_by_role("link", name=f"{draft_a.reference} — {draft_a.title}").click()
    page.wait_for_load_state()
    assert "Le gisement est-il crédible ?" in page.inner_text("main")
    _assert_accessible(page)
    page.get_by_label("Votre avis").fill("Crédible.")
    page.get_by_role("button", name="Transmettre mon avis").click()
    page.wait_for_load_state()
    assert ExpertRequest.objects.get().answer == "Crédible."
    assert page.request.get(f"/ami/dossiers/{draft_a.pk}/").status == 404


def test_the_organisation_pages_of_a_manager_meet_wcag_aa(sign_in, holder_a):
    page = sign_in(holder_a)
    organisation = holder_a.memberships.get().organisation
    for path in [
        f"/comptes/organisations/{organisation.pk}/",
        f"/comptes/organisations/{organisation.pk}/modifier/",
    ]:
        page.goto(path)
        _assert_accessible(page)


def test_after_saving_a_step_the_next_tab_reaches_the_form_not_the_menu(sign_in, holder_a, draft_a):
    page = sign_in(holder_a)
    page.goto(f"/ami/dossiers/{draft_a.pk}/modifier/?etape=projet")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.wait_for_load_state()
    assert page.url.endswith("#step-title")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#dossier-form') !== null")


@pytest.mark.parametrize("path", ["/ami/dossiers/", "/plan/", "/plan/financements/engagements/"])
def test_officer_tables_do_not_widen_a_390_pixel_screen(sign_in, officer, holder_a, draft_a, path):
    call_command("load_reference_data", stdout=StringIO())
    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    page = sign_in(officer)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow} px too wide"


def test_an_officer_names_the_attendees_of_a_meeting_by_searching_with_the_keyboard(
    sign_in, officer, reference_data
):
    from partners.models import Convention, Meeting, Person

    convention = Convention.objects.get(code="team2-cabbalr")
    heymans = Person.objects.get(full_name="Frédéric Heymans")
    page = sign_in(officer)
    page.goto(f"/partenaires/conventions/{convention.pk}/reunions/nouvelle/")
    page.get_by_label("Type de réunion").select_option("club")
    page.get_by_label("Date", exact=True).fill("2025-02-12")
    page.get_by_label("Lieu").fill("Béthune")
    search = page.get_by_role("combobox", name="Ajouter un participant")
    search.press_sequentially("heym", delay=30)
    option = page.get_by_role("option", name=str(heymans))
    option.wait_for()
    _assert_accessible(page)  # the list open, each option announced
    search.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    search.press("Enter")  # chooses; does not send the form
    chosen = page.get_by_role("checkbox", name=str(heymans))
    assert chosen.is_checked()
    assert "ajouté à la sélection" in page.get_by_role("status").first.inner_text()
    assert not Meeting.objects.exists()
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert list(Meeting.objects.get().attendees.all()) == [heymans]
