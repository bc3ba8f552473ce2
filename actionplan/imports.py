"""Reading a CSV or XLSX file of measurements: every error named by line and column."""

from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from actionplan.models import Indicator, Nature, TargetKind
from actionplan.permissions import can_record_measurement
from actionplan.validation import measurement_errors
from core.imports import ParseResult, decimal_from_text, missing_columns, read_table
from core.imports import line_error as _error
from core.territories import parse_territory

REQUIRED = ["indicateur", "date", "valeur", "source"]
OPTIONAL = ["nombre", "territoire", "nature", "commentaire"]
NATURES = {
    "mesurée": Nature.MEASURED,
    "mesuree": Nature.MEASURED,
    "measured": Nature.MEASURED,
    "estimée": Nature.ESTIMATED,
    "estimee": Nature.ESTIMATED,
    "estimated": Nature.ESTIMATED,
    "": Nature.MEASURED,
}
MAX_ROWS = 250_000  # past IMPORT_INLINE_MAX_ROWS a worker parses and writes it


def _parse_date(raw):
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    return None


def parse_measurements(upload, *, user, today=None) -> ParseResult:
    today = today or timezone.localdate()
    try:
        frame = read_table(upload)
    except ValueError as error:
        return ParseResult([], [_error(None, None, str(error))])
    missing = missing_columns(frame, REQUIRED)
    if missing:
        return ParseResult([], missing)
    if len(frame) > MAX_ROWS:
        return ParseResult(
            [], [_error(None, None, _("Au plus %(n)s lignes par fichier.") % {"n": MAX_ROWS})]
        )
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    rows, errors = [], []
    for index, record in enumerate(frame.to_dict("records")):
        line = index + 2  # line 1 is the header
        values = {key: str(record.get(key, "")).strip() for key in REQUIRED + OPTIONAL}
        row_errors = []
        indicator = indicators.get(values["indicateur"])
        if indicator is None:
            row_errors.append(
                _error(
                    line,
                    "indicateur",
                    _("Indicateur « %(code)s » inconnu.") % {"code": values["indicateur"]},
                )
            )
        elif not can_record_measurement(user, indicator):
            row_errors.append(
                _error(
                    line,
                    "indicateur",
                    _(
                        "Vous ne pouvez pas saisir de mesure pour %(code)s (indicateur calculé ou hors de vos droits)."
                    )
                    % {"code": indicator.code},
                )
            )
        day = _parse_date(values["date"])
        if day is None:
            row_errors.append(
                _error(
                    line,
                    "date",
                    _("« %(raw)s » n'est pas une date valide (AAAA-MM-JJ ou JJ/MM/AAAA).")
                    % {"raw": values["date"]},
                )
            )
        value = decimal_from_text(values["valeur"])
        if value is None:
            row_errors.append(
                _error(
                    line,
                    "valeur",
                    _("« %(raw)s » n'est pas un nombre.") % {"raw": values["valeur"]},
                )
            )
        count = None
        if values["nombre"]:
            count = decimal_from_text(values["nombre"])
            if count is None or count != count.to_integral_value() or count < 0:
                row_errors.append(
                    _error(line, "nombre", _("Le nombre doit être un entier positif."))
                )
                count = None
        elif indicator is not None and indicator.target_kind == TargetKind.MONEY_AND_COUNT:
            row_errors.append(
                _error(
                    line,
                    "nombre",
                    _(
                        "Cet indicateur associe un montant et un nombre : le nombre est obligatoire."
                    ),
                )
            )
        if indicator is not None:
            columns = {
                "date": "date",
                "value": "valeur",
                "count": "nombre",
                "territory": "territoire",
            }
            for field, message in measurement_errors(
                indicator,
                day=day,
                value=value,
                count=count,
                territory=values["territoire"],
                today=today,
            ).items():
                row_errors.append(_error(line, columns[field], message))
        if not values["source"]:
            row_errors.append(_error(line, "source", _("La source est obligatoire.")))
        nature = NATURES.get(values["nature"].lower())
        if nature is None:
            row_errors.append(
                _error(
                    line,
                    "nature",
                    _("Nature « %(raw)s » inconnue : mesurée ou estimée.")
                    % {"raw": values["nature"]},
                )
            )
        if row_errors:
            errors.extend(row_errors)
            continue
        rows.append(
            {
                "line": line,
                "indicator": indicator.code,
                "date": day.isoformat(),
                "value": str(value),
                "count": int(count) if count is not None else None,
                "territory": parse_territory(values["territoire"]),
                "source": values["source"],
                "nature": nature,
                "comment": values["commentaire"],
            }
        )
    if not rows and not errors:
        errors.append(_error(None, None, _("Le fichier ne contient aucune ligne de données.")))
    return ParseResult(rows, errors)


def row_date(row) -> date:
    return date.fromisoformat(row["date"])
