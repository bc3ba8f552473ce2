"""Laboratory files (CSV or XLSX): checked as a whole, errors named by line and column.

Expected columns: ``echantillon``, ``element``, ``valeur``, ``unite``; optional:
``limite_detection``, ``sous_limite`` (oui/non, or a value written ``<10``), ``methode``.
Nothing is saved here: the rows are returned for a preview, and saved only on confirmation.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from core.imports import ParseResult, decimal_from_text, missing_columns, read_table
from core.imports import line_error as _error
from sites.models import Element

REQUIRED = ["echantillon", "element", "valeur", "unite"]
OPTIONAL = ["limite_detection", "sous_limite", "methode"]
MAX_ROWS = 250_000  # past IMPORT_INLINE_MAX_ROWS a worker parses and writes it
# A grade cannot exceed the whole sample: 100 % is 1 000 000 mg/kg.
MAX_MG_KG = Decimal(1_000_000)
YES = {"oui", "o", "yes", "y", "1", "vrai", "true", "x"}
NO = {"", "non", "n", "no", "0", "faux", "false"}
ELEMENTS = {code.lower(): code for code in Element.values}


def parse_lab_file(upload, *, samples, existing):
    """``samples`` maps the campaign's sample codes to their ids; ``existing`` is the set of
    (sample id, element) already measured. Returns the rows to save or every error."""
    from sites.valuation import to_mg_kg

    try:
        frame = read_table(upload)
    except ValueError as error:
        return ParseResult([], [_error(None, None, error)])
    missing = missing_columns(frame, REQUIRED)
    if missing:
        return ParseResult([], missing)
    if len(frame) > MAX_ROWS:
        return ParseResult([], [_error(None, None, _("Au plus %(n)s lignes.") % {"n": MAX_ROWS})])
    rows, errors, seen = [], [], set()
    for index, record in enumerate(frame.to_dict("records")):
        line = index + 2
        values = {k: str(record.get(k, "")).strip() for k in REQUIRED + OPTIONAL}
        row_errors = []
        sample_id = samples.get(values["echantillon"])
        if sample_id is None:
            row_errors.append(
                _error(
                    line,
                    "echantillon",
                    _("Échantillon « %(code)s » absent de cette campagne.")
                    % {"code": values["echantillon"]},
                )
            )
        element = ELEMENTS.get(values["element"].lower())
        if element is None:
            row_errors.append(
                _error(line, "element", _("Élément « %(e)s » inconnu.") % {"e": values["element"]})
            )
        raw_value = values["valeur"]
        below = raw_value.startswith("<")
        value = decimal_from_text(raw_value.lstrip("<"))
        if value is None:
            row_errors.append(
                _error(line, "valeur", _("« %(raw)s » n'est pas un nombre.") % {"raw": raw_value})
            )
        elif value < 0:
            row_errors.append(_error(line, "valeur", _("Une teneur ne peut pas être négative.")))
        limit = None
        if values["limite_detection"]:
            limit = decimal_from_text(values["limite_detection"])
            if limit is None or limit <= 0:
                row_errors.append(
                    _error(
                        line,
                        "limite_detection",
                        _("La limite de détection doit être un nombre positif."),
                    )
                )
                limit = None
        flag = values["sous_limite"].lower()
        if flag in YES:
            below = True
        elif flag not in NO:
            row_errors.append(_error(line, "sous_limite", _("Répondez oui ou non.")))
        factor = None
        try:
            factor = Decimal(str(to_mg_kg(1, values["unite"])))
        except ValueError:
            row_errors.append(
                _error(
                    line,
                    "unite",
                    _("Unité « %(u)s » inconnue : mg/kg, g/t, ppm, g/kg ou %%.")
                    % {"u": values["unite"]},
                )
            )
        if factor is not None:
            for column, number in (("valeur", value), ("limite_detection", limit)):
                if number is not None and number * factor > MAX_MG_KG:
                    row_errors.append(
                        _error(
                            line,
                            column,
                            _(
                                "%(raw)s %(unit)s dépasse la totalité de l'échantillon "
                                "(100 %%, soit 1 000 000 mg/kg)."
                            )
                            % {"raw": number, "unit": values["unite"]},
                        )
                    )
        key = (sample_id, element)
        if sample_id is not None and element is not None:
            if key in seen:
                row_errors.append(
                    _error(
                        line,
                        "element",
                        _("Échantillon et élément déjà présents plus haut dans le fichier."),
                    )
                )
            elif key in existing:
                row_errors.append(
                    _error(
                        line, "element", _("Cet échantillon a déjà un résultat pour cet élément.")
                    )
                )
            seen.add(key)
        if row_errors:
            errors.extend(row_errors)
            continue
        rows.append(
            {
                "line": line,
                "sample": values["echantillon"],
                "sample_id": sample_id,
                "element": element,
                "reported_value": str(value),
                "reported_unit": values["unite"],
                "value_mg_kg": str((value * factor).quantize(Decimal("0.0001"))),
                "detection_limit_mg_kg": None
                if limit is None
                else str((limit * factor).quantize(Decimal("0.0001"))),
                "below_detection": below,
                "method": values["methode"],
            }
        )
    if not rows and not errors:
        errors.append(_error(None, None, _("Le fichier ne contient aucune ligne de données.")))
    return ParseResult(rows, errors)
