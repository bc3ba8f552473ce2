"""The officers' instruction: the list, exports, decisions, assignment, extensions."""

from copy import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ami import exports, selectors, services
from ami.documents import decision_letter_context
from ami.forms import (
    AssignForm,
    DossierFilterForm,
    ExpertOpinionForm,
    ExpertRequestForm,
    ExtensionForm,
    NoteForm,
    TransitionForm,
)
from ami.models import Call, Phase
from ami.permissions import (
    can_ask_expert,
    can_instruct_dossier,
    can_list_dossiers,
    can_manage_calls,
    can_write_note,
    expert_request_open,
)
from ami.workflows import DOSSIER_WORKFLOW
from core.exports import export_respond
from core.forms import add_service_errors
from core.security import require
from core.versioned_cache import paginator_remembering_count

DOSSIER_PAGE_SIZE = 50


@login_required
@require_safe
def dossier_list(request):
    require(can_list_dossiers(request.user))
    calls = list(Call.objects.prefetch_related("phases").order_by("position"))
    form = DossierFilterForm(request.GET or None, calls=calls)
    filters = {k: v for k, v in (form.cleaned_data if form.is_valid() else {}).items() if v}
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        return export_respond(request, "ami.dossiers", filters, export)
    dossiers = (
        exports.dossiers(request.user, filters)
        .select_related(None)
        .select_related("organisation", "instructor")
        .only(
            "pk",
            "reference",
            "title",
            "status",
            "submitted_at",
            "clock_started_at",
            "clock_paused_since",
            "clock_paused_total",
            "clock_stopped_at",
            "is_demo",
            "organisation__name",
            "instructor__full_name",
        )
        .order_by("-submitted_at", "-pk")
    )
    if filters.get("queue") or filters.get("search"):
        # A queue depends on the clock and on what the officer opened: counted each time.
        paginator = Paginator(dossiers, DOSSIER_PAGE_SIZE)
    else:
        paginator = paginator_remembering_count(
            dossiers,
            DOSSIER_PAGE_SIZE,
            dataset=selectors.DOSSIERS,
            key=f"officer-list:{request.user.pk}:{sorted(filters.items())}",
        )
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "ami/dossier_list.html",
        {
            "form": form,
            "page": page,
            "phases": selectors.dossier_counts_by_phase(),
            "work_queue": selectors.work_queue(request.user),
            "active_queue": filters.get("queue", ""),
            "querystring": request.GET.urlencode(),
        },
    )


@login_required
@require_POST
def dossier_transition(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    require(can_instruct_dossier(request.user, dossier))
    form = TransitionForm(request.POST, dossier=dossier, user=request.user)
    if form.is_valid():
        data = dict(form.cleaned_data)
        transition = DOSSIER_WORKFLOW.transitions[data["event"]]
        if transition.traits.get("decision") and not data.pop("confirmed"):
            return _decision_confirmation(request, dossier, form, transition)
        data.pop("confirmed", None)
        try:
            services.dossier_transition(actor=request.user, dossier=dossier, **data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Statut du dossier : %(status)s. Le porteur est prévenu.")
                % {"status": dossier.get_status_display()},
            )
    else:
        messages.error(request, _("Choisissez une décision."))
    return redirect("ami:dossier_detail", pk=dossier.pk)


def _decision_confirmation(request, dossier, form, transition):
    """The letter the holder will receive, drawn from what the officer typed, before anything
    is applied: the decision is taken only from this page."""
    if transition.needs_reason and not form.cleaned_data["reason"].strip():
        messages.error(request, _("Indiquez un motif : il figure dans la lettre au porteur."))
        return redirect("ami:dossier_detail", pk=dossier.pk)
    if transition.traits.get("needs_scheme") and not form.cleaned_data["redirected_to"]:
        messages.error(request, _("Choisissez le dispositif vers lequel orienter le dossier."))
        return redirect("ami:dossier_detail", pk=dossier.pk)
    preview = copy(dossier)
    preview.status = transition.target
    preview.decision_reason = form.cleaned_data["reason"].strip()
    preview.redirected_to = form.cleaned_data["redirected_to"]
    preview.decided_at, preview.decided_by = timezone.now(), request.user
    return render(
        request,
        "ami/dossier_decision_confirm.html",
        {
            **decision_letter_context(preview),
            "dossier": dossier,
            "preview": preview,
            "transition": transition,
            "form": form,
        },
    )


@login_required
@require_POST
def dossier_note(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    require(can_write_note(request.user, dossier))
    form = NoteForm(request.POST)
    if form.is_valid():
        services.dossier_note_add(actor=request.user, dossier=dossier, **form.cleaned_data)
        messages.success(request, _("Note interne enregistrée."))
    else:
        messages.error(request, _("La note est vide : rien n'a été enregistré."))
    return redirect(f"{reverse('ami:dossier_detail', args=[dossier.pk])}#notes")


@login_required
@require_POST
def expert_request(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    require(can_ask_expert(request.user, dossier))
    form = ExpertRequestForm(request.POST, prefix="expert")
    if form.is_valid():
        try:
            services.expert_request_create(actor=request.user, dossier=dossier, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Avis demandé à %(name)s ; l'expert est prévenu par e-mail.")
                % {"name": form.cleaned_data["full_name"]},
            )
    else:
        messages.error(
            request,
            _("Demande d'avis non envoyée : %(errors)s")
            % {"errors": " ".join(m for errors in form.errors.values() for m in errors)},
        )
    return redirect(f"{reverse('ami:dossier_detail', args=[dossier.pk])}#avis")


@login_required
@require_POST
def expert_opinion(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    asked = expert_request_open(request.user, dossier)
    require(asked is not None)
    form = ExpertOpinionForm(request.POST)
    if form.is_valid():
        services.expert_opinion_submit(
            actor=request.user, expert_request=asked, answer=form.cleaned_data["answer"]
        )
        messages.success(request, _("Votre avis est transmis à la Région. Merci."))
        return redirect("home")
    messages.error(request, _("Écrivez votre avis : rien n'a été transmis."))
    return redirect("ami:dossier_detail", pk=dossier.pk)


@login_required
@require_POST
def dossier_assign(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        services.dossier_assign(
            actor=request.user, dossier=dossier, instructor=form.cleaned_data["instructor"]
        )
        messages.success(request, _("Instruction attribuée."))
    return redirect("ami:dossier_detail", pk=dossier.pk)


@login_required
def phase_extension(request, phase_pk):
    """Grant a draft more time, by the reference its holder gave: the draft itself stays
    unseen (it belongs to its organisation until it is submitted)."""
    require(can_manage_calls(request.user))
    phase = get_object_or_404(Phase.objects.select_related("call"), pk=phase_pk)
    form = ExtensionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        dossier = selectors.dossier_by_reference(phase, data["reference"])
        if dossier is None:
            form.add_error("reference", _("Aucun dossier de cette phase ne porte cette référence."))
        else:
            try:
                services.dossier_extend_deadline(
                    actor=request.user, dossier=dossier, until=data["until"], reason=data["reason"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Délai individuel accordé au dossier %(reference)s.")
                    % {"reference": dossier.reference},
                )
                return redirect("ami:phase_extension", phase_pk=phase.pk)
    return render(request, "ami/phase_extension.html", {"phase": phase, "form": form})
