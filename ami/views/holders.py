"""What a holder does on a draft: create, edit, autosave, consortium, financing, attachments, submit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.models import Organisation
from accounts.permissions import can_invite_colleague, is_holder
from ami import selectors, services
from ami.forms import (
    AttachmentForm,
    DossierCreateForm,
    DossierForm,
    FinancingLineForm,
    PartnerForm,
    WithdrawForm,
)
from ami.models import SECTIONS, Phase
from ami.permissions import (
    can_create_dossier,
    can_delete_draft,
    can_edit_dossier,
    can_submit_dossier,
    can_withdraw_dossier,
)
from ami.services import EDITABLE_FIELDS as EDITABLE
from ami.steps import STEPS, neighbours, step_fixing, step_of
from core.arrival import arrived_at
from core.forms import add_service_errors
from core.http import redirect_after_post


@login_required
@require_safe
def my_dossiers(request):
    if not is_holder(request.user):
        raise PermissionDenied
    dossiers = selectors.dossier_list_for_user(request.user).order_by("-created_at")
    organisations = Organisation.objects.filter(memberships__user=request.user)
    open_phases = [phase for phase in Phase.objects.select_related("call") if phase.is_open()]
    return render(
        request,
        "ami/my_dossiers.html",
        {
            "dossiers": dossiers,
            "organisations": [(o, can_invite_colleague(request.user, o)) for o in organisations],
            "open_phases": open_phases,
        },
    )


@login_required
def dossier_create(request, phase_pk):
    phase = get_object_or_404(Phase.objects.select_related("call"), pk=phase_pk)
    if not can_create_dossier(request.user, phase):
        raise PermissionDenied
    if not phase.is_open():
        # A closed (or not yet open) phase offers no form: the page says so and when.
        return render(request, "ami/dossier_create.html", {"form": None, "phase": phase})
    form = DossierCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            dossier = services.dossier_create(actor=request.user, phase=phase, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("ami:dossier_edit", pk=dossier.pk)
    return render(request, "ami/dossier_create.html", {"form": form, "phase": phase})


@login_required
def dossier_edit(request, pk):
    """One step of the dossier: its answers (saved as the holder types), then on to the next."""
    dossier = selectors.dossier_get_for_user(request.user, pk)
    if not can_edit_dossier(request.user, dossier):
        return redirect("ami:dossier_detail", pk=dossier.pk)
    step = step_of(request.GET.get("etape"))
    form = DossierForm(request.POST or None, instance=dossier, only=step.fields)
    if request.method == "POST" and form.is_valid():
        try:
            services.dossier_save(actor=request.user, dossier=dossier, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Brouillon enregistré. Il n'est pas encore déposé."))
            _previous, following = neighbours(step)
            go_on = "continuer" in request.POST and following is not None
            # Back at the step's heading: the next Tab is its first field, not the menu's.
            return redirect(_edit_url(dossier, following if go_on else step, anchor="step-title"))
    return render(request, "ami/dossier_edit.html", _edit_context(request, dossier, form, step))


def _edit_context(request, dossier, form, step, **extra):
    previous, following = neighbours(step)
    missing = []
    for field, message in services.missing_for_submission(dossier):
        fixing = step_fixing(field)
        # The link lands on the field itself when the step has it, else on the step.
        anchor = f"id_{field}" if field in fixing.fields else ""
        missing.append({"message": message, "step": fixing, "anchor": anchor})
    incomplete = {item["step"].slug for item in missing}
    return {
        "dossier": dossier,
        "step": step,
        "steps": STEPS,
        "previous_step": previous,
        "next_step": following,
        "sections": [(label, getattr(dossier, name)) for name, label in SECTIONS],
        "form": form,
        "partner_form": extra.get("partner_form") or PartnerForm(),
        "line_form": extra.get("line_form") or FinancingLineForm(),
        "attachment_form": extra.get("attachment_form") or AttachmentForm(),
        "partners": dossier.partners.all(),
        "lines": dossier.financing_lines.all(),
        "totals": dossier.totals(),
        "attachments": dossier.attachments.current(),
        "missing": missing,
        "incomplete_steps": incomplete,
        "refused": request.GET.get("refus") == "1",
        "deadline": dossier.deadline(),
        "can_submit": can_submit_dossier(request.user, dossier),
    }


@login_required
@require_POST
def dossier_autosave(request, pk):
    """Called by the page every few seconds while the holder types; answers JSON."""
    dossier = selectors.dossier_get_for_user(request.user, pk)
    if not can_edit_dossier(request.user, dossier):
        return JsonResponse(
            {"saved": False, "error": _("Ce dossier n'est plus modifiable.")}, status=409
        )
    # Only the answers the page sent: a step never blanks another step's answers.
    form = DossierForm(
        request.POST, instance=dossier, only=[name for name in EDITABLE if name in request.POST]
    )
    if not form.is_valid():
        return JsonResponse({"saved": False, "errors": form.errors}, status=400)
    services.dossier_save(actor=request.user, dossier=dossier, **form.cleaned_data)
    return JsonResponse(
        {"saved": True, "saved_at": timezone.localtime(dossier.last_saved_at).strftime("%H:%M:%S")}
    )


def _add_to_draft(request, pk, form, add, step_slug, form_name):
    """Add a partner, a financing line or a file to a draft; on bad input, its step with the error."""
    dossier = selectors.dossier_get_for_user(request.user, pk)
    step = step_of(step_slug)
    if form.is_valid():
        try:
            add(dossier, form.cleaned_data)
            return redirect(_edit_url(dossier, step, anchor=SECTION_OF.get(step.slug)))
        except ValidationError as error:
            add_service_errors(form, error)
    context = _edit_context(
        request, dossier, DossierForm(instance=dossier, only=step.fields), step, **{form_name: form}
    )
    return render(request, "ami/dossier_edit.html", context, status=400)


@login_required
@require_POST
def dossier_partner_add(request, pk):
    def add(dossier, data):
        services.partner_add(actor=request.user, dossier=dossier, **data)

    return _add_to_draft(
        request, pk, PartnerForm(request.POST), add, "partenariats", "partner_form"
    )


@login_required
@require_POST
def dossier_line_add(request, pk):
    def add(dossier, data):
        services.financing_line_add(actor=request.user, dossier=dossier, **data)

    return _add_to_draft(
        request, pk, FinancingLineForm(request.POST), add, "financement", "line_form"
    )


@login_required
@require_POST
def dossier_item_remove(request, pk, item, item_pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    steps = {"partenaire": "partenariats", "ligne": "financement", "piece": "pieces"}
    if item == "partenaire":
        services.partner_remove(
            actor=request.user, partner=get_object_or_404(dossier.partners, pk=item_pk)
        )
    elif item == "ligne":
        services.financing_line_remove(
            actor=request.user, line=get_object_or_404(dossier.financing_lines, pk=item_pk)
        )
    elif item == "piece":
        services.attachment_remove(
            actor=request.user, attachment=get_object_or_404(dossier.attachments, pk=item_pk)
        )
    else:
        raise Http404
    step = step_of(steps[item])
    return redirect(_edit_url(dossier, step, anchor=SECTION_OF.get(step.slug)))


@login_required
@require_POST
def dossier_attachment_add(request, pk):
    def add(dossier, data):
        services.attachment_add(
            actor=request.user,
            dossier=dossier,
            upload=data["file"],
            description=data["description"],
        )

    form = AttachmentForm(request.POST, request.FILES)
    return _add_to_draft(request, pk, form, add, "pieces", "attachment_form")


# Where the holder was on the page (the list they added to), so that a reload lands there.
SECTION_OF = {"partenariats": "partenaires", "financement": "financement", "pieces": "pieces"}


def _edit_url(dossier, step=None, anchor=None):
    url = reverse("ami:dossier_edit", kwargs={"pk": dossier.pk})
    url = f"{url}?etape={step.slug}" if step is not None else url
    return f"{url}#{anchor}" if anchor else url


@login_required
@require_POST
def dossier_submit(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    try:
        version = services.dossier_submit(
            actor=request.user, dossier_pk=dossier.pk, arrived_at=arrived_at(request)
        )
    except ValidationError as error:
        if hasattr(error, "error_dict") and can_edit_dossier(request.user, dossier):
            # What is missing: listed on the summary, each a link to where it is fixed.
            return redirect_after_post(request, f"{_edit_url(dossier, STEPS[-1])}&refus=1")
        messages.error(
            request,
            _("Le dossier n'a pas été déposé : %(problems)s")
            % {"problems": " ".join(error.messages)},
        )
        return redirect_after_post(
            request,
            _edit_url(dossier, STEPS[-1])
            if can_edit_dossier(request.user, dossier)
            else "ami:my_dossiers",
        )
    messages.success(
        request,
        _(
            "Dossier déposé le %(when)s. Votre accusé de réception est disponible ci-dessous et vous est envoyé par e-mail."
        )
        % {"when": timezone.localtime(version.submitted_at).strftime("%d/%m/%Y à %H:%M:%S")},
    )
    return redirect_after_post(request, "ami:dossier_detail", pk=dossier.pk)


@login_required
def dossier_withdraw(request, pk):
    """Withdraw a submitted dossier: a page that says what it means, then the POST."""
    dossier = selectors.dossier_get_for_user(request.user, pk)
    if not can_withdraw_dossier(request.user, dossier):
        raise PermissionDenied
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.dossier_withdraw(
                actor=request.user, dossier=dossier, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Dossier %(reference)s retiré : la Région ne l'instruira pas.")
                % {"reference": dossier.reference},
            )
            return redirect("ami:my_dossiers")
    return render(
        request,
        "ami/dossier_confirm.html",
        {
            "dossier": dossier,
            "form": form,
            "title": _("Retirer le dossier"),
            "explanation": _(
                "Le dossier ne sera plus instruit. Il reste conservé, avec ses versions "
                "déposées et leurs accusés de réception, comme pièce de l'appel."
            ),
            "button": _("Retirer définitivement ce dossier"),
        },
    )


@login_required
def dossier_delete(request, pk):
    """Delete a draft never submitted: a page that says what it means, then the POST."""
    dossier = selectors.dossier_get_for_user(request.user, pk)
    if not can_delete_draft(request.user, dossier):
        raise PermissionDenied
    if request.method == "POST":
        services.dossier_draft_delete(actor=request.user, dossier=dossier)
        messages.success(
            request, _("Brouillon %(reference)s supprimé.") % {"reference": dossier.reference}
        )
        return redirect("ami:my_dossiers")
    return render(
        request,
        "ami/dossier_confirm.html",
        {
            "dossier": dossier,
            "form": None,
            "title": _("Supprimer le brouillon"),
            "explanation": _(
                "Le brouillon, ses partenaires, son plan de financement et ses pièces jointes "
                "seront supprimés pour toute votre organisation. Cette action est définitive."
            ),
            "button": _("Supprimer définitivement ce brouillon"),
        },
    )
