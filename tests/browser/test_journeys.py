"""The officer's and the committee member's journeys, end to end in Chromium, each page
checked with axe-core (the holder's is in test_ami_journey)."""

import re
from datetime import date
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from actionplan.models import Indicator, Status
from core.outbox import outbox_drain
from tests.browser.test_accessibility import _assert_accessible
from tests.conftest import PASSWORD
from tests.pdf import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ACTIONS = ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4"] + [
    f"3.{n}" for n in range(1, 8)
]


def _new_page(browser, live_server):
    return browser.new_context(base_url=live_server.url, locale="fr-FR").new_page()


def _sign_in_with_totp(page, user):
    """First sign-in of an officer: the password, then the activation link e-mailed to them,
    the authenticator enrolled, the recovery codes noted."""
    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Activer la double authentification"
    _assert_accessible(page)
    page.get_by_role("button", name="M'envoyer le lien d'activation").click()
    page.wait_for_load_state()
    outbox_drain()
    link = re.search(r"https?://\S+/activation/\S+/", mail.outbox[-1].body).group(0)
    page.goto(urlsplit(link).path)
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Double authentification"
    _assert_accessible(page)
    secret = page.locator("code").inner_text()  # what the officer types into their app
    device = TOTPDevice.objects.get(user=user)
    assert device.config_url and secret
    code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    page.get_by_label(re.compile("Code à 6 chiffres")).fill(f"{code:06d}")
    page.get_by_role("button", name="Valider").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Vos codes de secours"
    assert page.locator(".recovery-codes code").count() == 10
    _assert_accessible(page)
    page.get_by_role("link", name="J'ai noté mes codes, continuer").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Bonjour")


def test_an_officer_records_a_measurement_a_second_officer_approves_and_the_status_moves(
    browser, live_server, settings, officer, second_officer
):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    settings.REQUIRE_TWO_FACTOR = True
    call_command("load_reference_data", stdout=StringIO())
    indicator = Indicator.objects.get(code="1.2-1")
    assert indicator.current_status == Status.NO_DATA

    page = _new_page(browser, live_server)
    _sign_in_with_totp(page, officer)
    page.goto("/plan/indicateurs/1.2-1/mesures/nouvelle/")
    _assert_accessible(page)
    page.get_by_label("Date de la mesure").fill(date(2026, 9, 30).isoformat())
    page.get_by_label("Valeur (partenariats)").fill("16")
    page.get_by_label("Source").fill("Bilan des conventions CIFRE")
    page.get_by_role("button", name=re.compile("Enregistrer")).click()
    page.wait_for_load_state()

    reviewer = _new_page(browser, live_server)
    _sign_in_with_totp(reviewer, second_officer)
    reviewer.goto("/plan/mesures/a-approuver/")
    _assert_accessible(reviewer)
    row = reviewer.locator("tr", has_text="1.2-1")
    assert "Région (valeur régionale)" in row.inner_text()
    row.get_by_role("button", name="Approuver").click()
    reviewer.wait_for_load_state()
    outbox_drain()  # the worker's turn: the indicator's status is recomputed

    page.goto("/plan/")
    _assert_accessible(page)
    dashboard_row = page.locator("tr", has_text="1.2-1").first.inner_text()
    assert "En bonne voie" in dashboard_row and "16" in dashboard_row
    api = page.request.get("/api/indicators/1.2-1/").json()
    assert (api["status"], api["latest_value"]) == ("on_track", "16.00")


def test_a_committee_member_downloads_the_report_of_a_fresh_demo_install(
    browser, live_server, settings
):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    settings.EMBEDDED = True  # the demo is loaded on the embedded default only
    call_command("load_reference_data", "--demo", stdout=StringIO())

    page = _new_page(browser, live_server)
    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse e-mail").fill("copil@demo.hautsdefrance.fr")
    page.get_by_label("Mot de passe").fill("demo-industrie-circulaire")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()
    _assert_accessible(page)
    link = page.get_by_role("link", name=re.compile("Télécharger le rapport"))
    response = page.request.get(link.first.get_attribute("href"))
    assert response.ok and response.body().startswith(b"%PDF")
    text = pdf_text(response.body())
    for code in ACTIONS:
        assert f"{code} " in text, code
    assert "valeur de démonstration" in text
    flat = " ".join(text.split())
    # The AMI's table by its caption: its column headers wrap over several lines, which a
    # text extraction reads in an order that depends on the columns' widths.
    assert "manifestation d" in flat and "Dossiers par phase" in flat, flat[-3000:]
    page.goto("/plan/rapports/")
    _assert_accessible(page)
