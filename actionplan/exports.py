"""Exports of the indicators with their status, in CSV (semicolons, UTF-8 with BOM for spreadsheet
software set to French) and XLSX."""

from django.utils import timezone
from django.utils.translation import gettext as _

from actionplan.models import Status, TargetKind
from core.exports import csv_response, xlsx_response


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
    return csv_response(_columns(), _rows(indicators), _filename("csv"))


def indicators_xlsx(indicators):
    return xlsx_response(
        _columns(), _rows(indicators), _filename("xlsx"), sheet_title=_("Indicateurs")
    )
