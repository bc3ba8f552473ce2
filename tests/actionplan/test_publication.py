"""Publication: an officer publishes a quarterly snapshot once the committee has seen it; the
public pages and the open data read only what is published, and a published snapshot never
changes."""

import csv
import io
import json
import re
from datetime import date, timedelta
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Report
from actionplan.services import report_generate, report_publish, report_request
from core.audit import audit_trail_for
from core.versioned_cache import forget_versions
from tests.actionplan.helpers import Q3_END, Q3_START
from tests.actionplan.helpers import approved as _approved


def _publish(report, actor, note=""):
    return report_publish(
        actor=actor,
        report_pk=report.pk,
        committee_seen_on=timezone.localdate(),
        correction_note=note,
    )


def _new_version(officer):
    report = report_request(
        actor=officer, period_start=Q3_START, period_end=Q3_END, new_version=True
    )
    report_generate(report_pk=report.pk)
    report.refresh_from_db()
    return report


@pytest.fixture
def published(q3_report, officer):
    return _publish(q3_report, officer)


def _text(response):
    return response.getvalue().decode()


# --- the step of publication --------------------------------------------------------------


def test_an_officer_publishes_a_quarter_once_the_committee_has_seen_it_with_who_and_when(
    q3_report, officer
):
    seen = timezone.localdate()
    report_publish(actor=officer, report_pk=q3_report.pk, committee_seen_on=seen)
    q3_report.refresh_from_db()
    assert q3_report.published_by == officer and q3_report.committee_seen_on == seen
    assert q3_report.published_at is not None
    entry = audit_trail_for(q3_report).first()
    assert entry.actor == officer and entry.additional_data["event"] == "report.published"


def test_a_published_snapshot_is_never_published_again(published, officer):
    with pytest.raises(ValidationError, match="déjà publié"):
        _publish(published, officer)


def test_a_committee_date_to_come_is_refused_and_nothing_is_published(q3_report, officer):
    with pytest.raises(ValidationError) as refused:
        report_publish(
            actor=officer,
            report_pk=q3_report.pk,
            committee_seen_on=timezone.localdate() + timedelta(days=1),
        )
    assert "committee_seen_on" in refused.value.message_dict
    q3_report.refresh_from_db()
    assert q3_report.published_at is None


def test_a_report_still_being_produced_cannot_be_published(partnerships, officer):
    report = report_request(actor=officer, period_start=Q3_START, period_end=Q3_END)
    with pytest.raises(ValidationError, match="pas prêt"):
        _publish(report, officer)


def test_a_correction_says_what_it_corrects(published, officer):
    correction = _new_version(officer)
    with pytest.raises(ValidationError) as refused:
        _publish(correction, officer)
    assert "correction_note" in refused.value.message_dict
    _publish(correction, officer, note="Valeur de l'indicateur 1.2-1 rectifiée")
    correction.refresh_from_db()
    assert correction.corrects == published
    assert correction.correction_note == "Valeur de l'indicateur 1.2-1 rectifiée"


def test_an_older_version_is_not_published_after_a_newer_one(q3_report, officer):
    newer = _new_version(officer)
    _publish(newer, officer)
    with pytest.raises(ValidationError, match="plus récente"):
        _publish(q3_report, officer)


@pytest.mark.parametrize("persona", ["holder_a", "committee_member", "partner_contributor"])
def test_only_an_officer_publishes(q3_report, persona, request, client_for):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        _publish(q3_report, user)
    response = client_for(user).post(
        reverse("actionplan:report_publish", args=[q3_report.pk]),
        {"committee_seen_on": timezone.localdate().isoformat()},
    )
    assert response.status_code in (403, 404)
    q3_report.refresh_from_db()
    assert q3_report.published_at is None


def test_the_report_page_publishes_and_says_why_when_it_cannot(q3_report, officer, client_for):
    client = client_for(officer)
    page = _text(client.get(reverse("actionplan:report_detail", args=[q3_report.pk])))
    assert "Publier ce bilan" in page and "Non publié" in page
    url = reverse("actionplan:report_publish", args=[q3_report.pk])
    refused = client.post(url, {"committee_seen_on": "2099-01-01"})
    assert refused.status_code == 400
    assert 'href="#id_committee_seen_on"' in _text(refused)  # the error summary links to it
    done = client.post(url, {"committee_seen_on": timezone.localdate().isoformat()}, follow=True)
    page = _text(done)
    assert f"Publié par {officer.full_name}" in page and "Publier ce bilan" not in page


# --- public pages read only what is published ----------------------------------------------


def test_before_any_publication_the_public_pages_say_so_and_show_no_value(q3_report, client):
    page = _text(client.get(reverse("public:progress")))
    assert "Aucun bilan n'est encore publié" in page
    assert client.get(reverse("public:opendata_csv")).status_code == 404
    assert client.get(reverse("public:publication_detail", args=[q3_report.pk])).status_code == 404


def test_a_published_value_shows_and_later_or_pending_values_do_not(
    published, partnerships, officer, second_officer, client
):
    from actionplan.services import measurement_create

    _approved(partnerships, officer, second_officer, date(2026, 9, 15), 4123)  # after the snapshot
    measurement_create(
        actor=officer,
        indicator=partnerships,
        date=date(2026, 9, 20),
        value=Decimal(4131),
        source="Bilan",
    )  # recorded, never approved
    forget_versions()  # a cold cache: the pages are read from the database again
    page = _text(client.get(reverse("public:indicator_detail", args=["1.2-1"])))
    assert re.search(r'<td class="num">16(,00)?[^0-9]', page)
    for unpublished in ("4123", "4131", "4 123", "4 131", "4\u202f123", "4\u202f131"):
        assert unpublished not in page
    rows = list(csv.DictReader(io.StringIO(_text(client.get(reverse("public:opendata_csv"))))))
    values = {row["valeur"] for row in rows if row["code_indicateur"] == "1.2-1"}
    assert values == {"16.00"}


def test_a_correction_becomes_the_latest_and_the_first_version_keeps_its_address(
    published, partnerships, officer, second_officer, client
):
    _approved(partnerships, officer, second_officer, date(2026, 9, 30), 18)
    correction = _new_version(officer)
    _publish(correction, officer, note="Bilan de fin septembre ajouté")
    latest = _text(client.get(reverse("public:indicator_detail", args=["1.2-1"])))
    assert "corrige la version 1" in latest and "Bilan de fin septembre ajouté" in latest
    first = client.get(reverse("public:opendata_publication_csv", args=[published.pk]))
    assert b"2026-09-30" not in first.getvalue()
    assert b"2026-09-30" in client.get(reverse("public:opendata_csv")).getvalue()


def test_the_public_pages_of_a_publication_read_the_same_number_of_queries_whatever_its_size(
    published, jobs, officer, second_officer, client
):
    def queries(path):
        forget_versions()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    paths = [
        reverse("public:progress"),
        reverse("public:indicator_detail", args=["1.2-1"]),
        reverse("public:publication_detail", args=[published.pk]),
        reverse("home"),
    ]
    small = [queries(path) for path in paths]
    for month in range(1, 9):
        _approved(jobs, officer, second_officer, date(2026, month, 28), 100 + month)
    bigger = _new_version(officer)
    _publish(bigger, officer, note="Emplois ajoutés")
    paths[2] = reverse("public:publication_detail", args=[bigger.pk])
    assert [queries(path) for path in paths] == small
    assert max(small) <= 12


def test_a_published_snapshot_is_never_changed_by_what_follows(published, client):
    before = client.get(reverse("public:opendata_publication_json", args=[published.pk]))
    snapshot = Report.objects.get(pk=published.pk).snapshot
    forget_versions()
    after = client.get(reverse("public:opendata_publication_json", args=[published.pk]))
    assert before.getvalue() == after.getvalue()
    assert Report.objects.get(pk=published.pk).snapshot == snapshot


# --- open data ----------------------------------------------------------------------------


def test_the_csv_is_valid_against_its_table_schema(published, client, tmp_path):
    from frictionless import Resource, Schema

    schema = client.get(reverse("public:opendata_schema")).json()
    target = tmp_path / "indicateurs.csv"
    target.write_bytes(client.get(reverse("public:opendata_csv")).getvalue())
    resource = Resource(
        path=target.name, basepath=str(tmp_path), schema=Schema.from_descriptor(schema)
    )
    report = resource.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert published.dataset_rows and published.dataset_rows > 0


def test_a_file_that_breaks_the_schema_is_caught_by_the_validation(published, client, tmp_path):
    from frictionless import Resource, Schema

    schema = client.get(reverse("public:opendata_schema")).json()
    content = client.get(reverse("public:opendata_csv")).getvalue().decode()
    broken = content.replace("\n1.2-1,", "\n12-1,", 1)
    (tmp_path / "casse.csv").write_text(broken)
    assert broken != content
    resource = Resource(
        path="casse.csv", basepath=str(tmp_path), schema=Schema.from_descriptor(schema)
    )
    report = resource.validate()
    assert not report.valid
    assert report.flatten(["fieldName"]) == [["code_indicateur"]]


def test_the_json_carries_the_licence_the_schema_and_the_same_rows_as_the_csv(published, client):
    document = json.loads(client.get(reverse("public:opendata_json")).getvalue())
    assert "Licence Ouverte" in document["licence"]["title"]
    rows = list(csv.DictReader(io.StringIO(_text(client.get(reverse("public:opendata_csv"))))))
    assert len(document["donnees"]) == len(rows) == published.dataset_rows
    response = client.get(reverse("public:opendata_csv"))
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_catalogue_is_dcat_that_a_harvester_can_read_and_its_files_resolve(published, client):
    from rdflib import Graph, URIRef
    from rdflib.namespace import DCAT, DCTERMS, RDF

    response = client.get(reverse("catalog"))
    assert response["Content-Type"].startswith("application/ld+json")
    graph = Graph().parse(data=response.content.decode(), format="json-ld")
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == 1
    dataset = datasets[0]
    assert graph.value(dataset, DCTERMS.license) == URIRef(
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence"
    )
    assert graph.value(dataset, DCTERMS.temporal) is not None
    assert list(graph.objects(dataset, DCAT.keyword))
    distributions = list(graph.objects(dataset, DCAT.distribution))
    assert len(distributions) == 2
    for distribution in distributions:
        url = str(graph.value(distribution, DCAT.downloadURL))
        assert client.get(urlsplit(url).path).status_code == 200
        schema = str(graph.value(distribution, DCTERMS.conformsTo))
        assert client.get(urlsplit(schema).path).status_code == 200


def test_the_feed_lists_each_publication_and_its_correction(published, officer, client):
    correction = _new_version(officer)
    _publish(correction, officer, note="Coquille corrigée")
    feed = _text(client.get(reverse("public:publication_feed")))
    assert feed.count("<entry>") == 2
    assert "version 2 (correction)" in feed and "Coquille corrigée" in feed


# --- embedding ----------------------------------------------------------------------------


def test_the_embedded_chart_may_be_framed_by_the_sites_the_setting_names(
    published, client, settings
):
    settings.PUBLIC_EMBED_FRAME_ANCESTORS = ["https://www.hautsdefrance.fr"]
    response = client.get(reverse("public:indicator_embed", args=["1.2-1"]))
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors https://www.hautsdefrance.fr" in response["Content-Security-Policy"]
    page = _text(response)
    assert "<nav" not in page and "<form" not in page and "<svg" in page and "<table" in page
    other = client.get(reverse("public:indicator_detail", args=["1.2-1"]))
    assert "frame-ancestors 'none'" in other["Content-Security-Policy"]


def test_an_indicator_the_publication_does_not_have_is_not_found(published, client):
    assert client.get(reverse("public:indicator_detail", args=["9.9-9"])).status_code == 404
    assert client.get(reverse("public:axis_detail", args=["IX"])).status_code == 404


# --- nothing confidential leaks ------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.extend(value for name, value in attrs if name == "href" and value)


def test_no_public_page_shows_a_holder_a_dossier_or_an_unpublished_value(
    published, partnerships, officer, second_officer, holder_a, pmcb_phase, client
):
    from ami.services import dossier_submit
    from tests.ami_fixtures import make_dossier

    dossier = make_dossier(holder_a, pmcb_phase, title="Canari-Dossier-7731")
    dossier_submit(actor=holder_a, dossier_pk=dossier.pk)
    _approved(partnerships, officer, second_officer, date(2026, 9, 29), 7731)
    forget_versions()
    seen, queue, visited = set(), ["/"], 0
    while queue and visited < 200:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        visited += 1
        assert response.status_code in (200, 302, 404), path
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        body = _text(response)
        for canary in ("Canari-Dossier-7731", "7731", holder_a.full_name, holder_a.email):
            assert canary not in body, (path, canary)
        parser = _Links()
        parser.feed(body)
        for link in parser.links:
            parts = urlsplit(link)
            if parts.netloc or not parts.path.startswith("/") or parts.path in seen:
                continue
            if parts.path.startswith(("/api/", "/comptes/", "/static/", "/admin/")):
                continue
            queue.append(parts.path)
    assert visited > 15  # the sweep reached the public site, not only the home page
    call_page = _text(client.get(reverse("ami:call_detail", args=["pmcb"])))
    assert re.search(r'<td class="num">1</td>', call_page)  # counted, never named


def test_the_list_of_publications_names_each_quarter_and_its_version(published, client):
    page = _text(client.get(reverse("public:publication_list")))
    assert (
        f'<a href="{reverse("public:publication_detail", args=[published.pk])}">3e trimestre 2026</a>'
        in page
    )


# --- copies the front proxy may share -------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/", "/avancement/", "/avancement/indicateurs/1.2-1/", "/donnees/", "/catalog.jsonld"]
)
def test_a_public_page_sets_no_cookie_so_that_the_proxy_may_serve_one_copy_to_every_visitor(
    client, published, path
):
    response = client.get(path)
    assert response.status_code == 200
    assert not response.cookies, response.cookies
    assert b"csrfmiddlewaretoken" not in response.getvalue()


def test_the_language_switch_is_a_link_that_keeps_the_visitor_on_the_page(client, published):
    page = client.get("/avancement/").content.decode()
    assert 'href="/langue/en/?suivant=/avancement/"' in page
    response = client.get("/langue/en/", {"suivant": "/avancement/"})
    assert response.status_code == 302 and response["Location"] == "/avancement/"
    assert response.cookies["django_language"].value == "en"
    assert client.get("/avancement/")["Content-Language"] == "en"


def test_the_language_switch_sends_nowhere_outside_the_site_and_knows_its_languages(client, db):
    response = client.get("/langue/en/", {"suivant": "https://example.com/"})
    assert response["Location"] == "/"
    assert client.get("/langue/xx/").status_code == 404
