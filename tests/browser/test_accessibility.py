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
