"""Public pages of the calls, and the officers' pages on phases."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accounts.permissions import is_holder
from ami import selectors, services
from ami.forms import (
    EnforceableDateForm,
    PhaseForm,
    QuestionForm,
)
from ami.models import Phase
from ami.permissions import (
    can_manage_calls,
)
from core.forms import add_service_errors
from core.security import require


@require_safe
def call_list(request):
    calls = list(selectors.call_list_public())
    now = timezone.now()
    return render(request, "ami/call_list.html", {"calls": calls, "now": now})


def call_detail(request, code):
    call = selectors.call_get(code)
    question_form = None
    if can_manage_calls(request.user):
        question_form = QuestionForm(request.POST or None)
        if request.method == "POST" and question_form.is_valid():
            services.question_publish(actor=request.user, call=call, **question_form.cleaned_data)
            messages.success(request, _("Question et réponse publiées."))
            return redirect("ami:call_detail", code=call.code)
    elif request.method == "POST":
        raise PermissionDenied
    phases = list(call.phases.all())
    counts = selectors.phase_counts_public()
    for phase in phases:
        phase.public_counts = counts.get(phase.pk, {"submitted": 0, "retained": 0})
    return render(
        request,
        "ami/call_detail.html",
        {
            "call": call,
            "phases": phases,
            "now": timezone.now(),
            "can_apply": request.user.is_authenticated and is_holder(request.user),
            "can_manage": can_manage_calls(request.user),
            "question_form": question_form,
        },
    )


@login_required
def phase_edit(request, phase_pk):
    require(can_manage_calls(request.user))
    phase = get_object_or_404(Phase.objects.select_related("call"), pk=phase_pk)
    form = PhaseForm(request.POST or None, instance=phase)
    date_form = (
        EnforceableDateForm(request.POST or None, prefix="call")
        if phase.call.duration_years
        else None
    )
    if request.method == "POST":
        if "call-enforceable_on" in request.POST and date_form is not None:
            if date_form.is_valid():
                services.call_set_enforceable_date(
                    actor=request.user, call=phase.call, **date_form.cleaned_data
                )
                messages.success(
                    request, _("Date enregistrée : ouverture et clôture en découlent.")
                )
                return redirect("ami:call_detail", code=phase.call.code)
        elif form.is_valid():
            try:
                services.phase_update(
                    actor=request.user,
                    phase=phase,
                    opens_at=form.cleaned_data["opens_at"],
                    closes_at=form.cleaned_data["closes_at"],
                    eligible_kinds=form.cleaned_data["eligible_kinds"],
                    rolling_review=form.cleaned_data["rolling_review"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Phase enregistrée."))
                return redirect("ami:call_detail", code=phase.call.code)
    return render(
        request, "ami/phase_edit.html", {"phase": phase, "form": form, "date_form": date_form}
    )
