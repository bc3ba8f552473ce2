import pytest
from axe_playwright_python.sync_playwright import Axe

from core.accessibility import AXE_RULES, CHECKED_PUBLIC_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The same rules and pages as the accessibility statement says are checked.
WCAG_AA = {"runOnly": {"type": "tag", "values": AXE_RULES}}


def _assert_accessible(page):
    # A click that navigates returns before the next document exists; axe needs one.
    page.wait_for_load_state()
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


def test_the_sign_in_page_meets_wcag_aa(page):
    page.goto("/comptes/connexion/")
    _assert_accessible(page)


@pytest.mark.parametrize("persona", ["officer", "holder_a", "committee_member", "administrator"])
def test_each_roles_home_page_meets_wcag_aa(request, sign_in, persona):
    user = request.getfixturevalue(persona)
    page = sign_in(user)
    assert page.get_by_role("heading", level=1).inner_text().startswith("Bonjour")
    _assert_accessible(page)


def test_the_organisation_register_meets_wcag_aa(sign_in, officer, organisation_a):
    page = sign_in(officer)
    page.goto("/comptes/organisations/")
    _assert_accessible(page)


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page):
    page.goto("/comptes/connexion/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Aller au contenu"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


@pytest.fixture
def plan_with_values(officer, second_officer):
    from datetime import date
    from decimal import Decimal
    from io import StringIO

    from django.core.management import call_command

    from actionplan.models import Indicator
    from actionplan.services import indicators_refresh_all, measurement_approve, measurement_create

    call_command("load_reference_data", stdout=StringIO())
    jobs = Indicator.objects.get(code="1.1-1")
    for day, value in [(date(2024, 12, 31), 25900), (date(2025, 12, 31), 26400)]:
        measurement = measurement_create(
            actor=second_officer, indicator=jobs, date=day, value=Decimal(value), source="Insee"
        )
        measurement_approve(actor=officer, measurement=measurement)
    measurement_create(
        actor=second_officer,
        indicator=Indicator.objects.get(code="1.2-1"),
        date=date(2026, 9, 30),
        value=Decimal(16),
        source="Bilan",
    )
    indicators_refresh_all()


@pytest.mark.parametrize(
    "path",
    [
        "/plan/",
        "/plan/indicateurs/1.1-1/",
        "/plan/indicateurs/3.1-1/",
        "/plan/mesures/a-approuver/",
        "/plan/indicateurs/1.2-1/mesures/nouvelle/",
        "/plan/import/",
        "/plan/financements/",
        "/plan/le-plan/",
        "/plan/actions/1.4/",
        "/plan/actions/3.7/fiche/",
        "/points-a-confirmer/",
    ],
)
def test_the_action_plan_pages_meet_wcag_aa(sign_in, officer, plan_with_values, path):
    page = sign_in(officer)
    page.goto(path)
    assert page.get_by_role("heading", level=1).count() == 1
    _assert_accessible(page)


def test_an_officer_approves_a_measurement_with_the_keyboard_and_the_dashboard_moves(
    sign_in, officer, plan_with_values
):
    page = sign_in(officer)
    page.goto("/plan/mesures/a-approuver/")
    page.get_by_role("button", name="Approuver", exact=True).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Mesure approuvée" in page.inner_text("main")
    page.goto("/plan/indicateurs/1.2-1/")
    assert "16 partenariats" in page.inner_text("main").replace("\u202f", " ").replace("\xa0", " ")


def test_the_report_pages_meet_wcag_aa(sign_in, officer, committee_member, plan_with_values):
    from datetime import date

    from actionplan.services import report_generate, report_request

    report = report_request(
        actor=officer, period_start=date(2026, 7, 1), period_end=date(2026, 9, 30)
    )
    report_generate(report_pk=report.pk)
    page = sign_in(officer)
    for path in ["/plan/rapports/", "/plan/rapports/nouveau/", f"/plan/rapports/{report.pk}/"]:
        page.goto(path)
        _assert_accessible(page)


def test_the_navigation_holds_on_one_line_at_1366_pixels_for_the_busiest_role(
    browser, live_server, settings, administrator
):
    from tests.conftest import PASSWORD

    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport={"width": 1366, "height": 900}
    )
    page = context.new_page()
    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse e-mail").fill(administrator.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()
    items = page.locator("nav.main-nav li")
    tops = {round(items.nth(i).bounding_box()["y"]) for i in range(items.count())}
    assert len(tops) == 1, f"the navigation wraps onto {len(tops)} lines"
    assert page.request.get("/static/favicon.svg").ok
    context.close()


def test_the_partnership_pages_meet_wcag_aa(sign_in, officer):
    from io import StringIO

    from django.core.management import call_command

    from partners.models import Convention

    call_command("load_reference_data", stdout=StringIO())
    convention = Convention.objects.get(code="team2-cabbalr")
    project = convention.actions.get(number=1).projects.first()
    page = sign_in(officer)
    for path in [
        "/partenaires/conventions/",
        f"/partenaires/conventions/{convention.pk}/",
        f"/partenaires/conventions/{convention.pk}/reunions/nouvelle/",
        f"/partenaires/projets/{project.pk}/",
        "/partenaires/evenements/",
    ]:
        page.goto(path)
        assert page.get_by_role("heading", level=1).count() == 1, path
        _assert_accessible(page)


def test_the_site_pages_meet_wcag_aa(sign_in, officer):
    from datetime import date
    from decimal import Decimal
    from io import StringIO

    from django.core.management import call_command

    from core.outbox import outbox_drain
    from sites.models import CampaignKind
    from sites.services import campaign_create, site_save, zone_save

    call_command("load_reference_data", stdout=StringIO())
    site = site_save(
        actor=officer,
        name="Aciérie",
        commune="Isbergues",
        insee_code="62473",
        departement="62",
        latitude=Decimal("50.62"),
        longitude=Decimal("2.46"),
        area_ha=Decimal(48),
    )
    zone_save(
        actor=officer, site=site, name="Zone A", volume_m3=Decimal(100), density_t_m3=Decimal(2)
    )
    campaign = campaign_create(
        actor=officer,
        site=site,
        kind=CampaignKind.SAMPLING,
        started_on=date(2026, 5, 4),
        method="Carottage",
    )
    outbox_drain()
    page = sign_in(officer)
    for path in [
        "/sites/",
        f"/sites/{site.pk}/",
        f"/sites/campagnes/{campaign.pk}/",
        "/sites/cours-et-filieres/",
        "/sites/nouveau/",
        "/sites/programmes/regeneratis/",
    ]:
        page.goto(path)
        assert page.get_by_role("heading", level=1).count() == 1, path
        _assert_accessible(page)


def test_the_personal_data_and_leaving_pages_meet_wcag_aa(page, sign_in, holder_a, draft_a):
    page.goto("/donnees-personnelles/")
    assert page.get_by_role("heading", level=1).inner_text() == "Données personnelles"
    _assert_accessible(page)
    sign_in(holder_a)
    for path in [
        "/comptes/mes-donnees/",
        f"/ami/dossiers/{draft_a.pk}/supprimer/",
        f"/ami/dossiers/{draft_a.pk}/modifier/",
    ]:
        page.goto(path)
        assert page.get_by_role("heading", level=1).count() == 1, path
        _assert_accessible(page)


def test_a_returned_dossier_and_its_withdrawal_meet_wcag_aa(sign_in, holder_a, officer, draft_a):
    from ami.services import dossier_submit, dossier_transition

    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    dossier_transition(actor=officer, dossier=draft_a, event="start_review")
    dossier_transition(actor=officer, dossier=draft_a, event="return", reason="Le budget.")
    page = sign_in(holder_a)
    for path in [f"/ami/dossiers/{draft_a.pk}/", f"/ami/dossiers/{draft_a.pk}/retirer/"]:
        page.goto(path)
        assert page.get_by_role("heading", level=1).count() == 1, path
        _assert_accessible(page)


def test_the_officers_dossier_list_and_detail_with_status_badges_meet_wcag_aa(
    sign_in, holder_a, officer, draft_a
):
    from ami.services import dossier_submit

    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    page = sign_in(officer)
    for path in ["/ami/dossiers/", f"/ami/dossiers/{draft_a.pk}/"]:
        page.goto(path)
        assert page.locator(".dossier-submitted").count() >= 1, path
        _assert_accessible(page)


def test_every_public_page_the_statement_lists_meets_wcag_aa_without_an_account(
    page, officer, plan_with_values
):
    from datetime import date

    from django.utils import timezone

    from actionplan.services import report_generate, report_publish, report_request

    report = report_request(
        actor=officer, period_start=date(2026, 7, 1), period_end=date(2026, 9, 30)
    )
    report_generate(report_pk=report.pk)
    report_publish(actor=officer, report_pk=report.pk, committee_seen_on=timezone.localdate())
    for _label, path in CHECKED_PUBLIC_PAGES:
        response = page.goto(path)
        assert response.status == 200, path
        _assert_accessible(page)
