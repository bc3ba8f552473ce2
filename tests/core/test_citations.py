"""Sources are cited by what they are (title, issuer, date), never by their file name."""

import re

from django.urls import reverse

from core.models import DataFlag
from core.reference import SOURCE_CITATIONS, citation

FILE_NAME = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")


def test_every_source_document_has_a_title_and_an_issuer():
    assert len(SOURCE_CITATIONS) == 4
    for key, cited in SOURCE_CITATIONS.items():
        assert FILE_NAME.fullmatch(key)
        assert cited.title and cited.issuer
        assert not FILE_NAME.search(str(cited))


def test_no_page_names_a_source_by_its_file_name(client_for, calls, officer):
    client = client_for(officer)
    flag = DataFlag.objects.exclude(evidence=[]).first()
    pages = [
        reverse("actionplan:dashboard"),
        reverse("actionplan:indicator_detail", args=["1.1-1"]),
        reverse("actionplan:indicator_detail", args=["1.5-1"]),
        reverse("data_flags"),
        reverse("data_flag_resolve", args=[flag.pk]),
    ]
    for url in pages:
        content = client.get(url).content.decode()
        assert not FILE_NAME.search(content), url
    indicator = client.get(reverse("actionplan:indicator_detail", args=["1.1-1"])).content.decode()
    assert "Plan d’actions de la Région Hauts-de-France pour l’industrie circulaire" in indicator


def test_the_api_gives_each_source_its_citation(client_for, calls, officer):
    client = client_for(officer)
    indicator = client.get("/api/indicators/1.1-1/").json()
    assert indicator["source"]["issuer"] == "Région Hauts-de-France"
    flags = client.get("/api/data-flags/").json()["results"]
    cited = [item["source"] for flag in flags for item in flag["evidence"] if item.get("document")]
    assert cited and all(c is None or c["title"] for c in cited)
    assert indicator["source"]["title"] == citation("002_ea7886a25d2d7173.txt").title
