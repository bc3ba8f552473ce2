"""The dossier as steps: the call's sections, grouped as a holder answers them, then the
consortium, the financing plan, the files, and a summary to check before submitting."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    slug: str
    title: Promise
    fields: tuple = ()  # the dossier's fields answered on this step
    part: str = ""  # "partners", "financing", "attachments" or "summary"
    # Where each reason that blocks submission (see missing_for_submission) is fixed.
    problems: tuple = ()


STEPS = (
    Step("projet", _("Le projet"), ("title", "territory", "synthetic_presentation")),
    Step(
        "partenariats",
        _("Partenariats et consortium"),
        ("partnerships",),
        part="partners",
    ),
    Step("problematiques", _("Problématiques et étapes"), ("issues_addressed", "steps")),
    Step("suites", _("Suites attendues et impacts"), ("expected_follow_up", "impacts")),
    Step(
        "financement",
        _("Éléments financiers"),
        ("financial_elements",),
        part="financing",
        problems=("financing",),
    ),
    Step("pieces", _("Pièces jointes"), part="attachments"),
    Step("recapitulatif", _("Récapitulatif et dépôt"), part="summary", problems=("organisation",)),
)
BY_SLUG = {step.slug: step for step in STEPS}


def step_of(slug):
    return BY_SLUG.get(slug, STEPS[0])


def step_fixing(problem_field):
    """The step where the holder fixes a problem reported on ``problem_field``."""
    for step in STEPS:
        if problem_field in step.fields or problem_field in step.problems:
            return step
    return STEPS[-1]


def neighbours(step):
    index = STEPS.index(step)
    previous = STEPS[index - 1] if index > 0 else None
    following = STEPS[index + 1] if index + 1 < len(STEPS) else None
    return previous, following
