import html
import logging
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.services import recovery_codes_issue
from tests.conftest import PASSWORD


def _nav_labels(response):
    nav = re.search(r'<nav class="main-nav".*?</nav>', response.content.decode(), re.S)
    return (
        [html.unescape(label) for label in re.findall(r"<a [^>]*>([^<]+)</a>", nav.group(0))]
        if nav
        else []
    )


def test_an_anonymous_visitor_gets_the_public_home_with_a_way_to_sign_in(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Le plan d'actions pour l'industrie circulaire des Hauts-de-France" in content
    assert f'href="{reverse("login")}"' in content


OFFICER_NAV = [
    "Accueil",
    "Appels (AMI)",
    "Dossiers AMI",
    "Plan d'actions",
    "Mesures à approuver",
    "Financements",
    "Rapports",
    "Sites",
    "Points à confirmer",
    "Partenariats",
]


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("officer", OFFICER_NAV),
        ("administrator", OFFICER_NAV),
        (
            "committee_member",
            [
                "Accueil",
                "Appels (AMI)",
                "Plan d'actions",
                "Financements",
                "Rapports",
                "Sites",
                "Partenariats",
            ],
        ),
        (
            "partner_contributor",
            [
                "Accueil",
                "Appels (AMI)",
                "Plan d'actions",
                "Partenariats",
            ],
        ),
        ("holder_a", ["Accueil", "Avancement du plan", "Appels (AMI)", "Mes dossiers"]),
    ],
)
def test_each_role_signs_in_and_sees_only_its_navigation(client, db, request, persona, expected):
    user = request.getfixturevalue(persona)
    response = client.post(
        reverse("login"), {"username": user.email, "password": PASSWORD}, follow=True
    )
    assert response.context["user"] == user
    assert response.status_code == 200
    assert _nav_labels(response) == expected
    assert user.get_role_display() in response.content.decode()


def test_a_holder_opening_an_officer_page_gets_403_and_the_attempt_is_logged(
    client_for, holder_a, caplog
):
    with caplog.at_level(logging.WARNING, logger="portal.security"):
        response = client_for(holder_a).get(reverse("accounts:organisation_list"))
    assert response.status_code == 403
    assert "Accès refusé" in response.content.decode()
    assert any("refused GET /comptes/organisations/" in line for line in caplog.messages)


def test_a_holder_cannot_open_another_organisations_record(
    client_for, holder_a, holder_b, organisation_b
):
    response = client_for(holder_a).get(
        reverse("accounts:organisation_detail", args=[organisation_b.pk])
    )
    assert response.status_code == 404


def test_a_holder_sees_the_record_of_their_own_organisation(client_for, holder_a, organisation_a):
    response = client_for(holder_a).get(
        reverse("accounts:organisation_detail", args=[organisation_a.pk])
    )
    assert response.status_code == 200
    assert "W623000017" in response.content.decode()


def test_an_officer_sees_the_organisation_register(
    client_for, officer, organisation_a, organisation_b
):
    response = client_for(officer).get(reverse("accounts:organisation_list"))
    content = response.content.decode()
    assert "Recyclerie de l&#x27;Artois" in content and "Matériaux du Hainaut" in content


def test_the_register_shows_fifty_organisations_a_page_and_finds_one_by_its_siren(
    client_for, officer, organisation_a, organisation_b
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.models import Organisation

    client = client_for(officer)
    url = reverse("accounts:organisation_list")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    # Volume for the test, not records an officer made: written past the audit trail.
    Organisation._base_manager.bulk_create(
        Organisation(name=f"Atelier {n:03d}", kind="company") for n in range(120)
    )
    with CaptureQueriesContext(connection) as many:
        first = client.get(url).content.decode()
    assert len(many) == len(few)
    assert len(re.findall(r'href="/comptes/organisations/\d+/"', first)) == 50
    assert "?page=2" in first
    found = client.get(url, {"q": "732829320"}).content.decode()
    assert "Matériaux du Hainaut" in found and "Recyclerie" not in found
    assert "1 organisation pour « 732829320 »" in found


def test_signing_out_ends_the_session(client_for, officer):
    client = client_for(officer)
    client.post(reverse("logout"))
    assert client.get(reverse("accounts:my_data")).status_code == 302
    assert "Se déconnecter" not in client.get(reverse("home")).content.decode()


def test_sign_ins_and_failed_sign_ins_are_logged(client, officer, caplog):
    with caplog.at_level(logging.INFO, logger="portal.security"):
        client.post(reverse("login"), {"username": officer.email, "password": "wrong-password"})
        client.post(reverse("login"), {"username": officer.email, "password": PASSWORD})
    assert any("failed sign-in" in line and officer.email in line for line in caplog.messages)
    assert any(line.startswith("sign-in") and officer.email in line for line in caplog.messages)


def test_a_wrong_password_gets_a_clear_message(client, officer):
    response = client.post(
        reverse("login"), {"username": officer.email, "password": "wrong-password"}
    )
    assert response.status_code == 200
    assert "Adresse e-mail ou mot de passe incorrect" in response.content.decode()


def test_repeated_failures_cool_off_then_let_the_user_in_again(
    client, officer, settings, time_machine
):
    settings.AXES_FAILURE_LIMIT = 3
    time_machine.move_to(timezone.now(), tick=True)
    pages = [
        client.post(reverse("login"), {"username": officer.email, "password": "wrong-password"})
        for _ in range(3)
    ]
    assert "encore un essai erroné" not in pages[0].content.decode()
    assert "encore un essai erroné" in pages[1].content.decode()  # before the last attempt
    assert "pendant 15 minutes" in pages[1].content.decode()
    locked = client.post(reverse("login"), {"username": officer.email, "password": PASSWORD})
    assert locked.status_code == 429
    content = locked.content.decode()
    assert "Trop de tentatives" in content and "pendant 15 minutes" in content
    assert "PT15M" not in content
    time_machine.shift(settings.AXES_COOLOFF_TIME.total_seconds() + 1)
    response = client.post(reverse("login"), {"username": officer.email, "password": PASSWORD})
    assert response.status_code == 302


def test_a_forgotten_password_is_reset_through_an_emailed_link(client, holder_a):
    client.post(reverse("password_reset"), {"email": holder_a.email})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    form_page = client.get("/" + path, follow=True)
    new_password = "un-nouveau-mot-de-passe-solide"
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    holder_a.refresh_from_db()
    assert holder_a.check_password(new_password)


def _code(device):
    return (
        f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"
    )


def _enrolment_link(client, officer, run_outbox):
    client.post(reverse("two_factor"), {"action": "send_link"})
    run_outbox()
    (message,) = [m for m in mail.outbox if "double authentification" in m.subject]
    assert message.to == [officer.email]
    return urlsplit(re.search(r"https?://\S+/activation/\S+/", message.body).group(0)).path


def test_an_officer_enrols_from_the_link_sent_to_their_address_and_gets_recovery_codes(
    client, officer, settings, time_machine, run_outbox
):
    settings.REQUIRE_TWO_FACTOR = True
    time_machine.move_to(timezone.now(), tick=True)
    client.post(reverse("login"), {"username": officer.email, "password": PASSWORD})
    blocked = client.get(reverse("accounts:organisation_list"))
    assert blocked.status_code == 302 and blocked.url.startswith(reverse("two_factor"))
    # A password alone shows no QR code: the enrolment needs the e-mailed link.
    page = client.get(reverse("two_factor")).content.decode()
    assert "data:image/svg+xml" not in page and "lien d'activation" in page
    assert not TOTPDevice.objects.filter(user=officer).exists()
    link = _enrolment_link(client, officer, run_outbox)
    enrol = client.get(link, follow=True)
    assert "data:image/svg+xml;base64," in enrol.content.decode()
    device = TOTPDevice.objects.get(user=officer)
    wrong = client.post(reverse("two_factor"), {"token": "000000"})
    assert "n&#x27;est pas valable" in wrong.content.decode()
    time_machine.shift(5)  # django-otp throttles a retry right after a failure
    codes_page = client.post(reverse("two_factor"), {"token": _code(device)})
    assert len(codes_page.context["codes"]) == 10
    assert client.get(reverse("accounts:organisation_list")).status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(link, follow=True).redirect_chain  # a used link opens nothing again
    assert TOTPDevice.objects.filter(user=officer).count() == 1


def test_an_enrolment_link_opens_nothing_for_another_officer(
    client, officer, second_officer, settings, run_outbox
):
    settings.REQUIRE_TWO_FACTOR = True
    client.post(reverse("login"), {"username": officer.email, "password": PASSWORD})
    link = _enrolment_link(client, officer, run_outbox)
    client.logout()
    client.post(reverse("login"), {"username": second_officer.email, "password": PASSWORD})
    page = client.get(link, follow=True).content.decode()
    assert "data:image/svg+xml" not in page and "plus valable" in page


def test_an_enrolment_link_expires(client, officer, settings, time_machine, run_outbox):
    settings.REQUIRE_TWO_FACTOR = True
    settings.TOTP_ENROLMENT_LINK_SECONDS = 3600
    settings.SESSION_IDLE_SECONDS_OFFICERS = 4 * 3600
    time_machine.move_to(timezone.now(), tick=False)
    client.post(reverse("login"), {"username": officer.email, "password": PASSWORD})
    link = _enrolment_link(client, officer, run_outbox)
    time_machine.shift(timedelta(minutes=61))
    page = client.get(link, follow=True).content.decode()
    assert "data:image/svg+xml" not in page and "plus valable" in page


def test_a_recovery_code_opens_the_session_once(client, officer, settings, time_machine):
    settings.REQUIRE_TWO_FACTOR = True
    time_machine.move_to(timezone.now(), tick=True)
    device = TOTPDevice.objects.create(user=officer, name="TOTP", confirmed=True)
    codes = recovery_codes_issue(user=officer)
    assert device and len(set(codes)) == 10
    client.post(reverse("login"), {"username": officer.email, "password": PASSWORD})
    used = client.post(reverse("two_factor"), {"recovery_code": codes[0].upper()}, follow=True)
    assert "Il vous en reste 9" in used.content.decode()
    assert client.get(reverse("accounts:organisation_list")).status_code == 200
    client.logout()
    client.post(reverse("login"), {"username": officer.email, "password": PASSWORD})
    again = client.post(reverse("two_factor"), {"recovery_code": codes[0]})
    assert "n&#x27;est pas valable" in again.content.decode()
    assert client.get(reverse("accounts:organisation_list")).status_code == 302


def test_recovery_codes_cannot_be_replaced_before_the_second_factor(client, officer, settings):
    settings.REQUIRE_TWO_FACTOR = True
    TOTPDevice.objects.create(user=officer, name="TOTP", confirmed=True)
    client.post(reverse("login"), {"username": officer.email, "password": PASSWORD})
    response = client.post(reverse("accounts:recovery_codes"))
    assert response.status_code == 302 and response.url.startswith(reverse("two_factor"))


def test_holders_are_not_asked_for_a_second_factor(client, holder_a, settings):
    settings.REQUIRE_TWO_FACTOR = True
    client.post(reverse("login"), {"username": holder_a.email, "password": PASSWORD})
    assert client.get(reverse("home")).status_code == 200


def test_the_embedded_sign_in_page_says_two_factor_is_relaxed(client, settings, db):
    settings.REQUIRE_TWO_FACTOR = False
    settings.EMBEDDED = True
    assert "double authentification des agents" in client.get(reverse("login")).content.decode()


def test_the_portal_speaks_english_when_asked(client_for, officer):
    client = client_for(officer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    content = client.get(reverse("home")).content.decode()
    assert 'lang="en"' in content
    assert "Indicator dashboard" in content and "Organisations" in content


def test_pages_carry_a_content_security_policy_without_inline_scripts(client, db):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_the_lockout_says_its_duration_in_english_too(client, officer, settings):
    settings.AXES_FAILURE_LIMIT = 1
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.post(reverse("login"), {"username": officer.email, "password": "wrong-password"})
    locked = client.post(reverse("login"), {"username": officer.email, "password": PASSWORD})
    assert "suspended for 15 minutes" in locked.content.decode()


def test_a_refused_sign_in_lists_its_error_without_speaking_of_anything_saved(client, officer):
    page = client.post(reverse("login"), {"username": officer.email, "password": "faux"})
    content = page.content.decode()
    assert 'class="error-summary"' in content
    assert (
        "Rien n&#x27;a été enregistré" not in content and "Rien n'a été enregistré" not in content
    )


def test_a_refused_form_that_saves_says_nothing_was_saved(client_for, holder_a, organisation_a):
    page = client_for(holder_a).post(
        reverse("accounts:invite", args=[organisation_a.pk]), {"full_name": "", "email": "x"}
    )
    assert "Rien n'a été enregistré" in page.content.decode()
