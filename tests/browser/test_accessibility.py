import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _assert_accessible(page):
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
    page.goto("/partenaires/organisations/")
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
    report_generate(report=report)
    page = sign_in(officer)
    for path in ["/plan/rapports/", "/plan/rapports/nouveau/", f"/plan/rapports/{report.pk}/"]:
        page.goto(path)
        _assert_accessible(page)
