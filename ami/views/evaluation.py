"""Reviewers' evaluation grids and the ranking of a phase."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ami import selectors, services
from ami.forms import (
    EvaluationForm,
)
from ami.models import Evaluation, Phase
from ami.permissions import (
    can_evaluate_dossier,
    can_list_dossiers,
)
from core.forms import add_service_errors
from core.security import require
from core.versioned_cache import paginator_remembering_count


@login_required
def dossier_evaluate(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    require(can_evaluate_dossier(request.user, dossier))
    criteria = list(selectors.criteria_for(dossier.phase))
    evaluation = (
        Evaluation.objects.filter(dossier=dossier, reviewer=request.user)
        .prefetch_related("scores")
        .first()
    )
    initial = {}
    if evaluation:
        initial = {"comment": evaluation.comment, "completed": evaluation.completed}
        for score in evaluation.scores.all():
            initial[f"score_{score.criterion_id}"] = score.score
            initial[f"comment_{score.criterion_id}"] = score.comment
    form = EvaluationForm(request.POST or None, criteria=criteria, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_save(
                actor=request.user,
                dossier=dossier,
                conflict_of_interest=form.cleaned_data["conflict_of_interest"],
                conflict_details=form.cleaned_data["conflict_details"],
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
                completed=form.cleaned_data["completed"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if form.cleaned_data["conflict_of_interest"]:
                messages.success(
                    request,
                    _("Conflit d'intérêts enregistré : ce dossier ne vous est plus accessible."),
                )
                return redirect("ami:dossier_list")
            messages.success(request, _("Évaluation enregistrée."))
            return redirect("ami:dossier_detail", pk=dossier.pk)
    return render(request, "ami/dossier_evaluate.html", {"dossier": dossier, "form": form})


@login_required
@require_safe
def phase_ranking(request, phase_pk):
    require(can_list_dossiers(request.user))
    phase = get_object_or_404(Phase.objects.select_related("call"), pk=phase_pk)
    ranked, unevaluated = selectors.phase_ranking(phase, hide_conflicts_of=request.user)
    # Conflicts of interest make the lists differ from one officer to another.
    key = f"ranking:{phase.pk}:{request.user.pk}"
    page = paginator_remembering_count(
        ranked, RANKING_PAGE_SIZE, dataset=selectors.DOSSIERS, key=f"{key}:ranked"
    ).get_page(request.GET.get("page"))
    waiting = paginator_remembering_count(
        unevaluated, RANKING_PAGE_SIZE, dataset=selectors.DOSSIERS, key=f"{key}:waiting"
    ).get_page(request.GET.get("attente"))
    return render(
        request, "ami/phase_ranking.html", {"phase": phase, "page": page, "waiting": waiting}
    )


RANKING_PAGE_SIZE = 50
