from django.urls import reverse


def test_the_api_refuses_anonymous_callers(client, organisation_a):
    assert client.get("/api/organisations/").status_code in (401, 403)


def test_a_holder_lists_only_their_own_organisation_through_the_api(client_for, holder_a, holder_b):
    data = client_for(holder_a).get("/api/organisations/").json()
    assert [row["name"] for row in data["results"]] == ["Recyclerie de l'Artois"]


def test_a_holder_gets_404_on_another_organisation_through_the_api(
    client_for, holder_a, organisation_b
):
    assert client_for(holder_a).get(f"/api/organisations/{organisation_b.pk}/").status_code == 404


def test_an_officer_lists_every_organisation_and_filters_by_type(
    client_for, officer, organisation_a, organisation_b
):
    from accounts.models import Organisation

    client = client_for(officer)
    # The register holds the reference data's organisations besides these two.
    assert client.get("/api/organisations/").json()["count"] == Organisation.objects.count()
    companies = client.get("/api/organisations/?kind=company").json()
    names = {row["name"] for row in companies["results"]}
    assert "Matériaux du Hainaut" in names and "Recyclerie de l'Artois" not in names
    assert companies["count"] == Organisation.objects.filter(kind="company").count()


def test_token_authentication_works_for_scripts(client, officer, organisation_a):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=officer)
    response = client.get("/api/me/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.json()["email"] == officer.email


def test_the_openapi_schema_describes_the_endpoints(client_for, officer):
    schema = client_for(officer).get(reverse("api-schema")).content.decode()
    assert "openapi: 3" in schema
    assert "/api/organisations/" in schema


def test_the_api_docs_page_loads_without_inline_scripts(client_for, officer):
    response = client_for(officer).get(reverse("api-docs"))
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()
