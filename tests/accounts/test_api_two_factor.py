"""Two-factor on every way in: an officer's API token is no way around the second factor."""

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token


@pytest.fixture
def two_factor_on(settings):
    settings.REQUIRE_TWO_FACTOR = True


def test_an_officer_token_without_a_confirmed_totp_device_is_refused(
    client, officer, draft_a, two_factor_on
):
    token = Token.objects.create(user=officer)
    response = client.get("/api/dossiers/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 403
    TOTPDevice.objects.create(user=officer, name="TOTP", confirmed=False)
    response = client.get("/api/dossiers/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 403


def test_an_officer_token_works_once_the_officer_has_enrolled_a_totp_device(
    client, officer, two_factor_on
):
    TOTPDevice.objects.create(user=officer, name="TOTP", confirmed=True)
    token = Token.objects.create(user=officer)
    response = client.get("/api/me/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200
    assert response.json()["email"] == officer.email


def test_an_officer_session_without_the_code_gets_403_on_the_api(
    client_for, officer, two_factor_on
):
    response = client_for(officer).get("/api/dossiers/")
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/json")


def test_a_holder_token_needs_no_second_factor(client, holder_a, two_factor_on):
    token = Token.objects.create(user=holder_a)
    assert client.get("/api/me/", HTTP_AUTHORIZATION=f"Token {token.key}").status_code == 200


def test_tokens_are_issued_only_after_the_second_factor(client_for, officer, two_factor_on):
    client = client_for(officer)
    response = client.post(reverse("accounts:api_token"), {"action": "issue"})
    assert response.status_code == 302 and reverse("two_factor") in response.url
    assert not Token.objects.exists()
    device = TOTPDevice.objects.create(user=officer, name="TOTP", confirmed=True)
    code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    code = f"{code:06d}"  # a code may start with zeros
    client.post(reverse("two_factor"), {"token": code})
    response = client.post(reverse("accounts:api_token"), {"action": "issue"})
    token = Token.objects.get(user=officer)
    assert token.key in response.content.decode()
    client.post(reverse("accounts:api_token"), {"action": "revoke"})
    assert not Token.objects.exists()
