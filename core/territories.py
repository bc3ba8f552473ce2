"""The territories of the Hauts-de-France Region: its five départements.

A measurement, a dossier or a site is located in one of them; a measurement may
also be the Region's own figure (no département)."""

import unicodedata

from django.db import models
from django.utils.translation import gettext_lazy as _


class Departement(models.TextChoices):
    AISNE = "02", _("Aisne")
    NORD = "59", _("Nord")
    OISE = "60", _("Oise")
    PAS_DE_CALAIS = "62", _("Pas-de-Calais")
    SOMME = "80", _("Somme")


REGION = ""  # a measurement without a département is the regional figure


def _plain(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in text.lower() if ch.isalnum())


_SPELLINGS = {
    **{_plain(code): code for code in Departement.values},
    **{_plain(str(label)): code for code, label in Departement.choices},
    **{_plain(name): REGION for name in ("", "Région", "Hauts-de-France", "régional", "HDF")},
}


def parse_territory(raw):
    """The territory code for what a user typed (« 59 », « Nord », « Région »…), or None."""
    return _SPELLINGS.get(_plain(str(raw or "")))
