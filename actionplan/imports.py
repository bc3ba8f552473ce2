"""Reading a CSV or XLSX file of measurements: every error named by line and column."""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

import pandas as pd
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplan.models import Indicator, Nature, TargetKind
from actionplan.permissions import can_record_measurement
from actionplan.validation import measurement_errors
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
MAX_ROWS = 20_000


@dataclass
class ParseResult:
    rows: list
    errors: list

    @property
    def ok(self):
        return not self.errors and bool(self.rows)


def _error(line, column, message):
    return {"line": line, "column": column, "message": message}


def read_table(upload):
    """Return (DataFrame, header line offset) or raise ValueError with a readable message."""
    name = upload.name.lower()
    upload.seek(0)
    content = upload.read()
    if name.endswith(".xlsx"):
        try:
            frame = pd.read_excel(
                io.BytesIO(content), dtype=str, keep_default_na=False, engine="openpyxl"
            )
        except Exception as error:  # openpyxl raises many types for a broken file
            raise ValueError(
                _("Le fichier XLSX ne peut pas être lu : %(error)s") % {"error": error}
            ) from error
        return frame
    if not name.endswith(".csv"):
        raise ValueError(_("Le fichier doit être au format CSV ou XLSX."))
    text = _decoded(content)
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else "", delimiters=";,\t")
        separator = dialect.delimiter
    except csv.Error:
        separator = ";"
    try:
        return pd.read_csv(io.StringIO(text), sep=separator, dtype=str, keep_default_na=False)
    except pd.errors.ParserError as error:
        match = re.search(r"line (\d+)", str(error))
        line = match.group(1) if match else "?"
        raise ValueError(
            _("Ligne %(line)s : le nombre de colonnes ne correspond pas à l'en-tête.")
            % {"line": line}
        ) from error
    except pd.errors.EmptyDataError as error:
        raise ValueError(_("Le fichier est vide.")) from error


def _decoded(content):
    """The text of a CSV file, or a ValueError saying it is not one (a binary file renamed)."""
    not_text = ValueError(
        _(
            "Ce fichier n'est pas un texte CSV (son contenu est binaire) : enregistrez-le au "
            "format CSV (séparateur point-virgule) ou XLSX depuis votre tableur."
        )
    )
    if b"\x00" in content[:65536]:
        raise not_text
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Control characters other than tabs and line ends do not occur in a table.
        if any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text[:65536]):
            raise not_text
        return text
    raise not_text


def _parse_date(raw):
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    return None


def _parse_decimal(raw):
    cleaned = raw.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse_measurements(upload, *, user, today=None) -> ParseResult:
    today = today or timezone.localdate()
    try:
        frame = read_table(upload)
    except ValueError as error:
        return ParseResult([], [_error(None, None, str(error))])
    frame.columns = [str(column).strip().lower() for column in frame.columns]
    missing = [column for column in REQUIRED if column not in frame.columns]
    if missing:
        return ParseResult(
            [],
            [
                _error(1, column, _("Colonne obligatoire absente de l'en-tête."))
                for column in missing
            ],
        )
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
        value = _parse_decimal(values["valeur"])
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
            count = _parse_decimal(values["nombre"])
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
