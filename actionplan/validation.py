"""What makes a measurement plausible, the same rules for the form, the API and the file import.

Worked example: for indicator 1.1-1 (jobs, baseline 2021), a value dated 0001-01-01 is refused
(before 2021), so is -3 jobs, so is a date after today; a measurement of 2023-06-30 worth
26 500 jobs, in Pas-de-Calais (« 62 » or « Pas-de-Calais »), is accepted. For 1.5-1 (a share of
the Region's purchases, target kind « percentage »), -5 % and 150 % are refused, 0 % and 100 %
accepted.
"""

from datetime import date

from django.utils.translation import gettext as _

from actionplan.models import TargetKind
from core.territories import parse_territory
from core.units import counts_things

# No figure of the plan predates this, whatever an indicator without a baseline year says.
EARLIEST = date(2000, 1, 1)
# Units whose values may go below zero (a change expressed as a percentage).
SIGNED_UNITS = {"%"}


def earliest_date(indicator):
    return date(indicator.baseline_year, 1, 1) if indicator.baseline_year else EARLIEST


def measurement_errors(indicator, *, day, value, count=None, territory="", today):
    """Field → message for every rule the values break (empty when plausible)."""
    errors = {}
    if day is not None:
        if day > today:
            errors["date"] = _("La date de la mesure ne peut pas être dans le futur.")
        elif day < earliest_date(indicator):
            errors["date"] = _(
                "La date précède l'année de référence de l'indicateur (%(year)s) : vérifiez-la."
            ) % {"year": earliest_date(indicator).year}
    if value is not None and indicator.target_kind == TargetKind.PERCENTAGE:
        # A share of a whole (1.5: circular purchases among the Region's purchases).
        if not 0 <= value <= 100:
            errors["value"] = _(
                "Une part s'exprime entre 0 et 100 %% : %(value)s %% n'est pas possible."
            ) % {"value": value}
    elif value is not None and value < 0 and indicator.unit not in SIGNED_UNITS:
        errors["value"] = _("Une valeur en « %(unit)s » ne peut pas être négative.") % {
            "unit": indicator.unit or _("unités")
        }
    if value is not None and counts_things(indicator.unit) and value != value.to_integral_value():
        errors.setdefault(
            "value", _("Un nombre de « %(unit)s » est entier.") % {"unit": indicator.unit}
        )
    if count is not None and count < 0:
        errors["count"] = _("Le nombre ne peut pas être négatif.")
    if parse_territory(territory) is None:
        errors["territory"] = _(
            "Territoire « %(raw)s » inconnu : laissez vide pour la Région, ou indiquez un "
            "département (02, 59, 60, 62, 80 ou son nom)."
        ) % {"raw": territory}
    return errors
