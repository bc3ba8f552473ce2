"""Reviewers' evaluation grids and the consolidated score."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Avg
from django.utils.translation import gettext as _

from ami.models import Evaluation, Score
from ami.permissions import can_evaluate_dossier
from ami.selectors import DOSSIERS, criteria_for
from core.audit import acting_as
from core.versioned_cache import dataset_changed


@transaction.atomic
def evaluation_save(
    *,
    actor,
    dossier,
    conflict_of_interest,
    conflict_details="",
    scores=None,
    comment="",
    completed=False,
):
    """A reviewer's grid. Declaring a conflict hides the dossier from them from then on."""
    if not can_evaluate_dossier(actor, dossier):
        raise PermissionDenied
    evaluation, _created = Evaluation.objects.get_or_create(dossier=dossier, reviewer=actor)
    dossier.__dict__.pop("_conflicts", None)
    evaluation.conflict_of_interest = conflict_of_interest
    evaluation.conflict_details = conflict_details
    evaluation.comment = comment
    evaluation.completed = completed and not conflict_of_interest
    evaluation.full_clean()
    with acting_as(actor):
        evaluation.save()
        if not conflict_of_interest:
            criteria = {c.pk: c for c in criteria_for(dossier.phase)}
            for criterion_pk, (value, note) in (scores or {}).items():
                if criterion_pk not in criteria:
                    raise ValidationError(_("Critère inconnu pour cet appel."))
                score, _new = Score.objects.get_or_create(
                    evaluation=evaluation,
                    criterion=criteria[criterion_pk],
                    defaults={"score": value},
                )
                score.score, score.comment = value, note
                score.full_clean()
                score.save()
            if completed and len(scores or {}) < len(criteria):
                raise ValidationError(_("Notez chaque critère avant de terminer l'évaluation."))
        evaluation.weighted_score = (
            weighted_mean(evaluation.scores.values_list("score", "criterion__weight"))
            if evaluation.completed
            else None
        )
        evaluation.save(update_fields=["weighted_score"])
        _consolidate(dossier)
    dataset_changed(DOSSIERS)
    return evaluation


def _consolidate(dossier):
    """Keep the dossier's consolidated score: the mean of its completed, conflict-free
    evaluations' weighted scores (None until one is completed)."""
    score = dossier.evaluations.filter(
        completed=True, conflict_of_interest=False, weighted_score__isnull=False
    ).aggregate(mean=Avg("weighted_score"))["mean"]
    score = None if score is None else Decimal(score).quantize(Decimal("0.001"))
    if dossier.consolidated_score != score:
        dossier.consolidated_score = score
        dossier.save(update_fields=["consolidated_score"])


def weighted_mean(scores):
    """The weighted mean of ``(score, weight)`` pairs, out of 5, or None without any weight.

    >>> weighted_mean([(4, 2), (1, 1)])
    Decimal('3.000')
    """
    pairs = list(scores)
    weights = sum(weight for _score, weight in pairs)
    if not weights:
        return None
    return (Decimal(sum(score * weight for score, weight in pairs)) / weights).quantize(
        Decimal("0.001")
    )
