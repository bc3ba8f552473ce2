"""The plan's open data: the indicators' values of a published snapshot, under Licence Ouverte 2.0.

One row per indicator × date × territory: the approved values as they stood when the
snapshot was taken (measured indicators: every approved value dated within the snapshot's
reach, regional and per département; indicators the portal computes: the snapshot's regional
series). The files are written once, with the report's PDF, and a published report serves
them at its stable address; ``TABLE_SCHEMA`` describes them following the conventions of
schema.data.gouv.fr (French column names in snake case, a title, a description and an
example per field), and the tests validate the CSV against it with ``frictionless``.

Worked example — a row of the CSV::

    code_indicateur,nom_indicateur,unite,date,code_territoire,territoire,valeur,nombre_projets,cible,annee_cible,statut,estimation,demonstration,source
    1.1-1,Emplois industriels…,emplois,2025-12-31,32,Hauts-de-France,26400.00,,27000.00,2030,En bonne voie,false,false,Insee
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from django.utils import translation

from actionplan.models import Measurement, MeasurementStatus, Nature, Report, Status
from core.exports import write_open_csv
from core.territories import Departement

LICENCE = {
    "title": "Licence Ouverte / Open Licence version 2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
}
LICENCE_URI = "https://www.etalab.gouv.fr/licence-ouverte-open-licence"
REGION_CODE = "32"  # the INSEE code of the Hauts-de-France region
REGION_NAME = "Hauts-de-France"
SCHEMA_VERSION = "1.0.0"

FIELDS = [
    "code_indicateur",
    "nom_indicateur",
    "unite",
    "date",
    "code_territoire",
    "territoire",
    "valeur",
    "nombre_projets",
    "cible",
    "annee_cible",
    "statut",
    "estimation",
    "demonstration",
    "source",
]


def _status_labels() -> list[str]:
    with translation.override("fr"):
        return [str(label) for _value, label in Status.choices]


def _territories() -> list[tuple[str, str]]:
    with translation.override("fr"):
        return [(REGION_CODE, REGION_NAME)] + [
            (code, str(label)) for code, label in Departement.choices
        ]


def table_schema(*, homepage: str, path: str) -> dict[str, Any]:
    """The Table Schema of the indicator dataset (``homepage``: the open-data page, ``path``:
    the schema's own address)."""
    territory_codes = [code for code, _name in _territories()]
    return {
        "$schema": "https://frictionlessdata.io/schemas/table-schema.json",
        "name": "indicateurs-plan-industrie-circulaire-hauts-de-france",
        "title": "Indicateurs du plan d'actions pour l'industrie circulaire des Hauts-de-France",
        "description": (
            "Valeurs approuvées des indicateurs du plan d'actions régional pour l'industrie "
            "circulaire (actions 1.1 à 3.7), telles que publiées dans un bilan trimestriel : "
            "une ligne par indicateur, date et territoire (la Région ou l'un de ses cinq "
            "départements)."
        ),
        "countryCode": "FR",
        "homepage": homepage,
        "path": path,
        "licenses": [LICENCE],
        "version": SCHEMA_VERSION,
        "created": "2026-12-04",
        "lastModified": "2026-12-04",
        "contributors": [{"title": "Région Hauts-de-France", "role": "author"}],
        "missingValues": [""],
        "primaryKey": ["code_indicateur", "date", "code_territoire"],
        "fields": [
            {
                "name": "code_indicateur",
                "title": "Code de l'indicateur",
                "description": "Le code de l'indicateur : l'action du plan, puis son rang.",
                "example": "1.1-1",
                "type": "string",
                "constraints": {"required": True, "pattern": "^[1-3]\\.[1-9]-[0-9]+$"},
            },
            {
                "name": "nom_indicateur",
                "title": "Nom de l'indicateur",
                "description": "Le nom de l'indicateur tel que le portail le suit.",
                "example": "Emplois industriels",
                "type": "string",
                "constraints": {"required": True},
            },
            {
                "name": "unite",
                "title": "Unité",
                "description": "L'unité de la valeur (vide pour un nombre sans unité).",
                "example": "emplois",
                "type": "string",
            },
            {
                "name": "date",
                "title": "Date de la valeur",
                "description": "La date à laquelle la valeur est constatée (AAAA-MM-JJ).",
                "example": "2025-12-31",
                "type": "date",
                "format": "default",
                "constraints": {"required": True},
            },
            {
                "name": "code_territoire",
                "title": "Code INSEE du territoire",
                "description": "32 pour la Région Hauts-de-France, sinon le code du département.",
                "example": "32",
                "type": "string",
                "constraints": {"required": True, "enum": territory_codes},
            },
            {
                "name": "territoire",
                "title": "Territoire",
                "description": "Le nom de la Région ou du département.",
                "example": "Hauts-de-France",
                "type": "string",
                "constraints": {"required": True},
            },
            {
                "name": "valeur",
                "title": "Valeur",
                "description": "La valeur approuvée, dans l'unité de l'indicateur.",
                "example": "26400.00",
                "type": "number",
                "constraints": {"required": True},
            },
            {
                "name": "nombre_projets",
                "title": "Nombre de projets",
                "description": "Pour les objectifs « montant et nombre » : le nombre de projets.",
                "example": "12",
                "type": "integer",
                "constraints": {"minimum": 0},
            },
            {
                "name": "cible",
                "title": "Valeur cible",
                "description": "La valeur que le plan vise (vide pour un objectif qualitatif ou à définir).",
                "example": "27000.00",
                "type": "number",
            },
            {
                "name": "annee_cible",
                "title": "Année de la cible",
                "description": "L'année à laquelle la cible doit être atteinte.",
                "example": "2030",
                "type": "year",
            },
            {
                "name": "statut",
                "title": "Statut de l'indicateur",
                "description": "Le statut de l'indicateur à la fin de la période du bilan publié.",
                "example": "En bonne voie",
                "type": "string",
                "constraints": {"required": True, "enum": _status_labels()},
            },
            {
                "name": "estimation",
                "title": "Valeur estimée",
                "description": "« true » pour une valeur estimée plutôt que mesurée.",
                "example": "false",
                "type": "boolean",
                "constraints": {"required": True},
            },
            {
                "name": "demonstration",
                "title": "Donnée de démonstration",
                "description": "« true » pour une valeur fictive d'une installation de démonstration.",
                "example": "false",
                "type": "boolean",
                "constraints": {"required": True},
            },
            {
                "name": "source",
                "title": "Source",
                "description": "D'où vient la valeur.",
                "example": "Insee",
                "type": "string",
            },
        ],
    }


def _entries(snapshot: dict) -> dict[str, dict]:
    return {
        indicator["code"]: indicator
        for axis in snapshot["axes"]
        for action in axis["actions"]
        for indicator in action["indicators"]
    }


def dataset_rows(report: Report) -> Iterator[list]:
    """The rows of the report's open data, in indicator, date and territory order.

    Reads the approved measurements as they stood when the snapshot was taken (a value
    approved after it belongs to a later publication); one row per indicator, date and
    territory, the latest approved entry winning where two were approved for the same."""
    snapshot = report.snapshot
    entries = _entries(snapshot)
    names = dict(_territories())
    with translation.override("fr"):
        statuses = {value: str(label) for value, label in Status.choices}
    measurements = (
        Measurement.objects.filter(
            status=MeasurementStatus.APPROVED,
            date__lte=report.period_end,
            reviewed_at__lte=report.snapshot_taken_at,
            indicator__code__in=list(entries),
        )
        .order_by("indicator__position", "indicator__code", "date", "territory", "pk")
        .values_list(
            "indicator__code",
            "date",
            "territory",
            "value",
            "count",
            "nature",
            "is_demo",
            "source",
        )
    )
    pending = None
    for code, day, territory, value, count, nature, is_demo, source in measurements.iterator(
        chunk_size=5000
    ):
        key = (code, day, territory)
        if pending is not None and pending[0] != key:
            yield pending[1]
        entry = entries[code]
        territory_code = territory or REGION_CODE
        pending = (
            key,
            [
                code,
                entry["name"],
                entry["unit"],
                day,
                territory_code,
                names[territory_code],
                value,
                count,
                entry["target_value"],
                entry["target_year"],
                statuses[entry["status"]],
                nature == Nature.ESTIMATED,
                is_demo,
                source,
            ],
        )
    if pending is not None:
        yield pending[1]
    # Indicators another app computes have no measurement: their regional series stands.
    for code, entry in entries.items():
        if not entry.get("computed", False):
            continue
        for day, value, count in entry["series"]:
            yield [
                code,
                entry["name"],
                entry["unit"],
                date.fromisoformat(day),
                REGION_CODE,
                REGION_NAME,
                value,
                count,
                entry["target_value"],
                entry["target_year"],
                statuses[entry["status"]],
                day in entry.get("estimated_dates", ()),
                day in entry.get("demo_dates", ()),
                "Calculé par le portail",
            ]


def write_dataset(report: Report, csv_target, json_target, *, schema_url: str) -> int:
    """Write the CSV and the JSON of the report's open data into two binary files; returns the
    number of rows. Rows are streamed to disk: memory does not grow with them."""
    rows = write_open_csv(
        FIELDS, _tee_json(dataset_rows(report), json_target, report, schema_url), csv_target
    )
    csv_target.seek(0)
    json_target.seek(0)
    return rows


def _json_cell(value):
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | str):
        return value
    return float(value)


def _tee_json(rows, target, report, schema_url):
    """Pass the rows on to the CSV writer, writing each as a JSON object on the way."""
    head = {
        "titre": "Indicateurs du plan d'actions pour l'industrie circulaire des Hauts-de-France",
        "licence": LICENCE,
        "schema": schema_url,
        "periode": {"debut": report.period_start.isoformat(), "fin": report.period_end.isoformat()},
        "version": report.version,
    }
    target.write(json.dumps(head, ensure_ascii=False)[:-1].encode())
    target.write(b', "donnees": [')
    first = True
    for row in rows:
        if not first:
            target.write(b", ")
        first = False
        record = {name: _json_cell(value) for name, value in zip(FIELDS, row, strict=True)}
        target.write(json.dumps(record, ensure_ascii=False).encode())
        yield row
    target.write(b"]}")
