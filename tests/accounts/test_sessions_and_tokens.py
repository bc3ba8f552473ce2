"""Sessions end when left idle; API tokens expire, can be revoked and are rate-limited."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from accounts.services import api_token_issue
from tests.conftest import PASSWORD


def _sign_in(client, user):
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302


def test_an_officer_left_idle_past_the_limit_is_signed_out_and_told_why(
    client, officer, settings, time_machine
):
    settings.SESSION_IDLE_SECONDS_OFFICERS = 30 * 60
    time_machine.move_to(timezone.now(), tick=False)
    _sign_in(client, officer)
    assert client.get(reverse("actionplan:dashboard")).status_code == 200
    time_machine.shift(timedelta(minutes=29))
    assert client.get(reverse("actionplan:dashboard")).status_code == 200  # activity goes on
    time_machine.shift(timedelta(minutes=31))
    response = client.get(reverse("actionplan:dashboard"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("login"))
    assert "Votre session a expiré faute d" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_a_holder_has_a_longer_idle_limit_than_an_officer(client, holder_a, settings, time_machine):
    settings.SESSION_IDLE_SECONDS = 2 * 60 * 60
    settings.SESSION_IDLE_SECONDS_OFFICERS = 30 * 60
    time_machine.move_to(timezone.now(), tick=False)
    _sign_in(client, holder_a)
    client.get(reverse("ami:my_dossiers"))
    time_machine.shift(timedelta(minutes=90))
    assert client.get(reverse("ami:my_dossiers")).status_code == 200


def test_an_expired_token_is_refused_with_where_to_get_a_new_one(holder_a, client, settings):
    settings.API_TOKEN_LIFETIME_DAYS = 90
    token = api_token_issue(actor=holder_a)
    headers = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    assert client.get("/api/dossiers/", **headers).status_code == 200
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - timedelta(days=91))
    refused = client.get("/api/dossiers/", **headers)
    assert refused.status_code == 403  # DRF answers 403 when sessions come first
    assert "a expiré" in refused.json()["detail"]


def test_a_revoked_token_no_longer_opens_the_api(client_for, holder_a, client):
    token = api_token_issue(actor=holder_a)
    page = client_for(holder_a).post(reverse("accounts:api_token"), {"action": "revoke"})
    assert page.status_code == 302
    client.logout()
    assert client.get("/api/dossiers/", HTTP_AUTHORIZATION=f"Token {token.key}").status_code == 403


def test_a_token_past_its_rate_gets_429_with_the_delay_to_wait(holder_a, client, settings):
    settings.API_TOKEN_RATE = "3/minute"
    token = api_token_issue(actor=holder_a)
    headers = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    answers = [client.get("/api/dossiers/", **headers) for _request in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert int(answers[-1]["Retry-After"]) > 0
    # Another token starts afresh: the count is per token.
    fresh = api_token_issue(actor=holder_a)
    assert client.get("/api/dossiers/", HTTP_AUTHORIZATION=f"Token {fresh.key}").status_code == 200


def test_the_token_page_says_when_the_token_expires(client_for, holder_a):
    api_token_issue(actor=holder_a)
    content = client_for(holder_a).get(reverse("accounts:api_token")).content.decode()
    assert "Votre jeton expire le" in content and "120 requêtes par minute" in content


def test_the_api_documentation_is_linked_from_the_developers_page_not_every_footer(
    client_for, holder_a
):
    client = client_for(holder_a)
    home = client.get(reverse("home")).content.decode()
    assert reverse("api-docs") not in home
    assert reverse("api-docs") in client.get(reverse("accounts:api_token")).content.decode()
