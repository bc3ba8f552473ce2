"""Reads of the published snapshots, for the public pages and the open data.

Public pages never read live or unapproved values: only the snapshot of a report an officer
published (``actionplan.services.report_publish``). What they read is kept in the cache under
the version of the publications (``core.versioned_cache``), which changes only when a report
is published: between two publications a public page costs one indexed read and a cache hit,
whatever the number of measurements.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import Http404
from django.utils.safestring import mark_safe

from actionplan import opendata, reports
from actionplan.models import Report, Status
from actionplan.periods import period_label
from actionplan.services import PUBLICATIONS
from core.mail import absolute_url
from core.versioned_cache import remember

PUBLICATIONS_PAGE_SIZE = 20


@dataclass(frozen=True)
class Publication:
    """A published snapshot and what the public is told about it."""

    pk: int
    period_start: date
    period_end: date
    version: int
    published_at: datetime
    committee_seen_on: date
    correction_note: str
    corrects_pk: int | None
    corrects_version: int | None
    dataset_rows: int | None
    snapshot: dict[str, Any]

    @property
    def label(self) -> str:
        # Worded on reading, in the reader's language (the cache is shared by all languages).
        return period_label(self.period_start, self.period_end)

    def indicators(self) -> list[dict]:
        return reports.indicators_of(self.snapshot)


def _published():
    return Report.objects.filter(published_at__isnull=False)


def _publication(report: Report) -> Publication:
    return Publication(
        pk=report.pk,
        period_start=report.period_start,
        period_end=report.period_end,
        version=report.version,
        published_at=report.published_at,
        committee_seen_on=report.committee_seen_on,
        correction_note=report.correction_note,
        corrects_pk=report.corrects_id,
        corrects_version=report.corrects.version if report.corrects_id else None,
        dataset_rows=report.dataset_rows,
        snapshot=report.snapshot,
    )


def publication_latest() -> Publication | None:
    """The latest quarter published, in its latest published version (None before the first)."""

    def compute():
        report = _published().select_related("corrects").order_by("-period_end", "-version").first()
        return None if report is None else _publication(report)

    return remember(PUBLICATIONS, "latest", compute)


def publication_get(pk: int) -> Publication:
    """A published snapshot at its stable address; 404 for any report not published."""

    def compute():
        report = _published().select_related("corrects").filter(pk=pk).first()
        return None if report is None else _publication(report)

    found = remember(PUBLICATIONS, f"publication:{pk}", compute)
    if found is None:
        raise Http404
    return found


def publication_page(number) -> Page:
    """The publications, newest first, one page of them (the snapshots are not read)."""
    rows = (
        _published()
        .select_related("corrects")
        .defer("snapshot", "corrects__snapshot")
        .order_by("-period_end", "-version")
    )
    return Paginator(rows, PUBLICATIONS_PAGE_SIZE).get_page(number)


def publication_recent(limit: int = 20) -> list[Report]:
    """The latest publications for the feed."""
    return list(
        _published()
        .select_related("corrects")
        .defer("snapshot", "corrects__snapshot")
        .order_by("-published_at")[:limit]
    )


def published_indicator(publication: Publication, code: str) -> dict:
    """One indicator of a publication, with its axis and action (404 if it has none)."""
    for axis in publication.snapshot["axes"]:
        for action in axis["actions"]:
            for indicator in action["indicators"]:
                if indicator["code"] == code:
                    return {"axis": axis, "action": action, "indicator": indicator}
    raise Http404


def published_action(publication: Publication, code: str) -> dict:
    for axis in publication.snapshot["axes"]:
        for action in axis["actions"]:
            if action["code"] == code:
                return {"axis": axis, "action": action}
    raise Http404


def published_axis(publication: Publication, code: str) -> dict:
    for axis in publication.snapshot["axes"]:
        if axis["code"] == code:
            return axis
    raise Http404


def published_chart(publication: Publication, indicator: dict) -> str | None:
    """The indicator's chart as the report draws it, drawn once per publication."""
    if not indicator["has_trajectory"]:
        return None
    drawn = remember(
        PUBLICATIONS,
        f"chart:{publication.pk}:{indicator['code']}",
        lambda: str(reports.chart_for(publication.snapshot, indicator)),
    )
    # The cache keeps a plain string; the drawing is ``actionplan.charts``' own markup, every
    # text in it escaped there.
    return mark_safe(drawn)  # noqa: S308  # nosec B308 B703


def dataset_file(publication_pk: int | None, file_format: str):
    """The stored open-data file of a publication (the latest when ``publication_pk`` is None)."""
    if publication_pk is None:
        latest = publication_latest()
        if latest is None:
            raise Http404
        publication_pk = latest.pk
    report = _published().filter(pk=publication_pk).only("dataset_csv", "dataset_json").first()
    if report is None:
        raise Http404
    stored = report.dataset_csv if file_format == "csv" else report.dataset_json
    if not stored:
        raise Http404
    return report, stored


def status_counts(indicators) -> list[dict]:
    """How many indicators stand in each status (the statuses with none left out)."""
    counts = dict.fromkeys(Status.values, 0)
    for indicator in indicators:
        counts[indicator["status"]] += 1
    return [
        {"status": status, "label": Status(status).label, "count": count}
        for status, count in counts.items()
        if count
    ]


def progress_panel(user) -> dict:
    """The public home's panel: the latest publication's statuses per axis (the panel says
    so when nothing is published yet)."""
    publication = publication_latest()
    if publication is None:
        return {"publication": None}
    return {
        "publication": publication,
        "counts": status_counts(publication.indicators()),
        "axes": [
            {
                "code": axis["code"],
                "title": axis["title"],
                "counts": status_counts(
                    [i for action in axis["actions"] for i in action["indicators"]]
                ),
            }
            for axis in publication.snapshot["axes"]
        ],
    }


def _typed(value: str, kind: str) -> dict:
    return {"@value": value, "@type": f"xsd:{kind}"}


def indicators_dcat() -> dict | None:
    """The indicator dataset in DCAT-AP, its distributions the latest publication's files."""
    latest = publication_latest()
    if latest is None:
        return None
    schema = absolute_url("public:opendata_schema")
    licence = {"@id": opendata.LICENCE_URI}
    modified = _typed(latest.published_at.isoformat(), "dateTime")
    title = "Indicateurs du plan d'actions pour l'industrie circulaire des Hauts-de-France"

    def distribution(url_name, label, media_type, file_format):
        url = absolute_url(url_name)
        return {
            "@id": url,
            "@type": "dcat:Distribution",
            "dct:title": {"@value": label, "@language": "fr"},
            "dcat:accessURL": {"@id": url},
            "dcat:downloadURL": {"@id": url},
            "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{media_type}"},
            "dct:format": file_format,
            "dct:license": licence,
            "dct:conformsTo": {"@id": schema},
            "dct:modified": modified,
        }

    return {
        "@id": absolute_url("public:opendata") + "#indicateurs",
        "@type": "dcat:Dataset",
        "dct:identifier": "hdf-industrie-circulaire-indicateurs",
        "dct:title": {"@value": title, "@language": "fr"},
        "dct:description": {
            "@value": (
                "Valeurs approuvées des indicateurs du plan d'actions régional pour l'industrie "
                "circulaire (actions 1.1 à 3.7), par date et par territoire, telles que publiées "
                "dans le dernier bilan trimestriel examiné par le comité de pilotage."
            ),
            "@language": "fr",
        },
        "dcat:keyword": [
            "économie circulaire",
            "industrie",
            "Hauts-de-France",
            "plan d'actions",
            "indicateurs",
        ],
        "dct:license": licence,
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": "Région Hauts-de-France"},
        "dct:issued": modified,
        "dct:modified": modified,
        "dct:temporal": {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": _typed(latest.snapshot["horizon"]["start"], "date"),
            "dcat:endDate": _typed(latest.period_end.isoformat(), "date"),
        },
        "dct:spatial": {
            "@type": "dct:Location",
            "http://www.w3.org/ns/locn#geographicName": "Hauts-de-France",
        },
        "dct:accrualPeriodicity": {
            "@id": "http://publications.europa.eu/resource/authority/frequency/QUARTERLY"
        },
        "dcat:landingPage": {"@id": absolute_url("public:opendata")},
        "dct:conformsTo": {"@id": schema},
        "dcat:distribution": [
            distribution("public:opendata_csv", "Indicateurs (CSV)", "text/csv", "CSV"),
            distribution("public:opendata_json", "Indicateurs (JSON)", "application/json", "JSON"),
        ],
    }
