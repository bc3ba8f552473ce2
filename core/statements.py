"""What the source documents say of a record, beyond its fields: the sections it is read under.

A statement (``core.models.SourceStatement``) is one passage of a source document kept on the
record it belongs to — an action's sub-measures, a call's second object, a convention's
reciprocal commitments, a programme's expected results — with its exact wording. Every page,
the API and the report show a record's statements through this table, in this order, under
these headings; a new kind of passage is a row here, never a branch in a template.

>>> [section.code for section in ordered_sections()][:3]
['context', 'stakes', 'objectives']
>>> SECTIONS["commitments"].order < SECTIONS["clauses"].order
True
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    code: str
    title: Promise
    order: int


_ROWS = [
    ("context", _("Contexte")),
    ("stakes", _("Enjeux")),
    ("objectives", _("Objectifs")),
    ("measures", _("Mesures prévues")),
    ("example", _("Exemple d'action")),
    ("audience", _("À qui s'adresse l'appel")),
    ("procedure", _("Modalités")),
    ("support", _("Forme de soutien")),
    ("commitments", _("Engagements réciproques")),
    ("governance", _("Gouvernance")),
    ("clauses", _("Clauses")),
    ("method", _("Démarche")),
    ("results", _("Résultats attendus")),
    ("figures", _("Chiffres cités")),
    ("names", _("Structures, dispositifs et personnes cités")),
    ("frameworks", _("Schémas et politiques de référence")),
    ("participation", _("Comment participer")),
]

SECTIONS = {code: Section(code, title, order) for order, (code, title) in enumerate(_ROWS)}


def ordered_sections() -> list[Section]:
    return sorted(SECTIONS.values(), key=lambda section: section.order)


def section_choices() -> list[tuple[str, Promise]]:
    return [(section.code, section.title) for section in ordered_sections()]


def grouped(statements) -> list[tuple[Section, list]]:
    """Statements grouped under their sections, in the table's order, each group by position.

    >>> from types import SimpleNamespace as S
    >>> rows = [S(section="figures", position=1, key="b"), S(section="context", position=0, key="a")]
    >>> [(section.code, [row.key for row in group]) for section, group in grouped(rows)]
    [('context', ['a']), ('figures', ['b'])]
    """
    groups: dict[str, list] = {}
    for statement in statements:
        groups.setdefault(statement.section, []).append(statement)
    return [
        (section, sorted(groups[section.code], key=lambda row: (row.position, row.key)))
        for section in ordered_sections()
        if section.code in groups
    ]
