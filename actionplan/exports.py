"""Exports of the indicators with their status, in CSV (semicolons, UTF-8 with BOM for spreadsheet
software set to French) and XLSX."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from actionplan.models import Status, TargetKind


def _columns():
    return [
        _("Action"),
        _("Code"),
        _("Indicateur"),
        _("Objectif (texte source)"),
        _("Type d'objectif"),
        _("Unité"),
        _("Dernière valeur"),
        _("Date de la valeur"),
        _("Avancement (%)"),
        _("Statut"),
        _("Valeur ancienne"),
    ]


def _rows(indicators):
    for indicator in indicators:
        progress = (
            None
            if indicator.current_progress is None
            else round(float(indicator.current_progress) * 100, 1)
        )
        yield [
            indicator.action.code,
            indicator.code,
            indicator.name,
            indicator.monitoring_wording,
            str(TargetKind(indicator.target_kind).label),
            indicator.unit,
            None if indicator.current_value is None else float(indicator.current_value),
            indicator.current_value_date,
            progress,
            str(Status(indicator.current_status).label),
            str(_("oui") if indicator.current_stale else _("non")),
        ]


def _filename(extension):
    return f"indicateurs-{timezone.localdate():%Y-%m-%d}.{extension}"


def indicators_csv(indicators):
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(_columns())
    for row in _rows(indicators):
        writer.writerow(
            [
                (
                    f"{cell:.2f}".replace(".", ",")
                    if isinstance(cell, float)
                    else cell.strftime("%d/%m/%Y")
                )
                if isinstance(cell, float) or hasattr(cell, "strftime")
                else ("" if cell is None else cell)
                for cell in row
            ]
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def indicators_xlsx(indicators):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Indicateurs")
    sheet.append(_columns())
    for row in _rows(indicators):
        sheet.append(row)
    for cell in sheet["H"][1:]:
        cell.number_format = "DD/MM/YYYY"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    return response
