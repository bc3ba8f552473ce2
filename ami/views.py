import io
import zipfile

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ami import selectors, services
from ami.documents import decision_letter_pdf, receipt_pdf
from ami.forms import (
    AssignForm,
    AttachmentForm,
    DossierCreateForm,
    DossierFilterForm,
    DossierForm,
    EnforceableDateForm,
    EvaluationForm,
    ExtensionForm,
    FinancingLineForm,
    InviteForm,
    MessageForm,
    PartnerForm,
    PhaseForm,
    QuestionForm,
    SignUpForm,
    TransitionForm,
)
from ami.models import SECTIONS, Call, DossierStatus, Evaluation, Phase
from ami.permissions import (
    can_create_dossier,
    can_edit_dossier,
    can_evaluate_dossier,
    can_instruct_dossier,
    can_invite_colleague,
    can_list_dossiers,
    can_manage_calls,
    can_submit_dossier,
    can_write_message,
)
from core.audit import audit_event
from core.exports import csv_response, xlsx_response
from core.pdf import render_pdf
from core.security import refuse_as_not_found, require
from partners.models import Organisation
from partners.permissions import is_holder, is_officer


def _errors_to_form(form, error):
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error)


# --- public -------------------------------------------------------------------------------


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


def sign_up(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.holder_sign_up(
                email=data["email"],
                full_name=data["full_name"],
                password=data["password"],
                organisation_name=data["organisation_name"],
                organisation_kind=data["organisation_kind"],
                identifier=data["identifier"],
                legal_form=data["legal_form"],
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Votre compte et celui de votre organisation sont créés."))
            return redirect("ami:my_dossiers")
    return render(request, "ami/sign_up.html", {"form": form})


# --- holders ------------------------------------------------------------------------------


@login_required
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
def invite(request, organisation_pk):
    organisation = Organisation.objects.filter(pk=organisation_pk).first()
    if organisation is None or not can_invite_colleague(request.user, organisation):
        refuse_as_not_found(request.user, "organisation", organisation_pk)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.colleague_invite(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("Invitation envoyée."))
            return redirect("ami:my_dossiers")
    return render(request, "ami/invite.html", {"form": form, "organisation": organisation})


@login_required
def dossier_create(request, phase_pk):
    phase = get_object_or_404(Phase.objects.select_related("call"), pk=phase_pk)
    if not can_create_dossier(request.user, phase):
        raise PermissionDenied
    form = DossierCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            dossier = services.dossier_create(actor=request.user, phase=phase, **form.cleaned_data)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            return redirect("ami:dossier_edit", pk=dossier.pk)
    return render(request, "ami/dossier_create.html", {"form": form, "phase": phase})


@login_required
def dossier_edit(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    if not can_edit_dossier(request.user, dossier):
        return redirect("ami:dossier_detail", pk=dossier.pk)
    form = DossierForm(request.POST or None, instance=dossier)
    if request.method == "POST" and form.is_valid():
        try:
            services.dossier_save(actor=request.user, dossier=dossier, **form.cleaned_data)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("Brouillon enregistré. Il n'est pas encore déposé."))
            return redirect("ami:dossier_edit", pk=dossier.pk)
    return render(request, "ami/dossier_edit.html", _edit_context(request, dossier, form))


def _edit_context(request, dossier, form, **extra):
    return {
        "dossier": dossier,
        "form": form,
        "partner_form": extra.get("partner_form") or PartnerForm(),
        "line_form": extra.get("line_form") or FinancingLineForm(),
        "attachment_form": extra.get("attachment_form") or AttachmentForm(),
        "partners": dossier.partners.all(),
        "lines": dossier.financing_lines.all(),
        "totals": dossier.totals(),
        "attachments": dossier.attachments.filter(message__isnull=True),
        "missing": services.missing_for_submission(dossier),
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
    form = DossierForm(request.POST, instance=dossier)
    if not form.is_valid():
        return JsonResponse({"saved": False, "errors": form.errors}, status=400)
    services.dossier_save(actor=request.user, dossier=dossier, **form.cleaned_data)
    return JsonResponse(
        {"saved": True, "saved_at": timezone.localtime(dossier.last_saved_at).strftime("%H:%M:%S")}
    )


def _add_to_draft(request, pk, form, add, anchor, form_name):
    """Add a partner, a financing line or a file to a draft; on bad input, the edit page with the error."""
    dossier = selectors.dossier_get_for_user(request.user, pk)
    if form.is_valid():
        try:
            add(dossier, form.cleaned_data)
            return redirect(f"{_edit_url(dossier)}#{anchor}")
        except ValidationError as error:
            _errors_to_form(form, error)
    context = _edit_context(request, dossier, DossierForm(instance=dossier), **{form_name: form})
    return render(request, "ami/dossier_edit.html", context, status=400)


@login_required
@require_POST
def dossier_partner_add(request, pk):
    def add(dossier, data):
        services.partner_add(actor=request.user, dossier=dossier, **data)

    return _add_to_draft(request, pk, PartnerForm(request.POST), add, "partenaires", "partner_form")


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
    return redirect(_edit_url(dossier))


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


def _edit_url(dossier):
    from django.urls import reverse

    return reverse("ami:dossier_edit", kwargs={"pk": dossier.pk})


@login_required
@require_POST
def dossier_submit(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    try:
        version = services.dossier_submit(actor=request.user, dossier_pk=dossier.pk)
    except ValidationError as error:
        problems = error.messages
        messages.error(
            request,
            _("Le dossier n'a pas été déposé : %(problems)s") % {"problems": " ".join(problems)},
        )
        return redirect(
            _edit_url(dossier) if can_edit_dossier(request.user, dossier) else "ami:my_dossiers"
        )
    messages.success(
        request,
        _(
            "Dossier déposé le %(when)s. Votre accusé de réception est disponible ci-dessous et vous est envoyé par e-mail."
        )
        % {"when": timezone.localtime(version.submitted_at).strftime("%d/%m/%Y à %H:%M:%S")},
    )
    return redirect("ami:dossier_detail", pk=dossier.pk)


@login_required
def dossier_receipt(request, pk, number):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    version = get_object_or_404(dossier.versions, number=number)
    content = receipt_pdf(version)
    return HttpResponse(
        content,
        content_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="accuse-{dossier.reference}-v{number}.pdf"'
        },
    )


@login_required
def dossier_letter(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    try:
        content = decision_letter_pdf(dossier)
    except ValueError as error:
        raise Http404 from error
    return HttpResponse(
        content,
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="decision-{dossier.reference}.pdf"'},
    )


@login_required
def attachment_download(request, pk, attachment_pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    attachment = dossier.attachments.filter(pk=attachment_pk).first()
    if attachment is None:
        refuse_as_not_found(request.user, "attachment", attachment_pk)
    if not attachment.downloadable:
        messages.error(
            request,
            _("Ce fichier ne peut pas être téléchargé : %(state)s.")
            % {"state": attachment.get_scan_status_display()},
        )
        return redirect("ami:dossier_detail", pk=dossier.pk)
    if is_officer(request.user):
        audit_event(
            actor=request.user,
            obj=dossier,
            event="attachment_opened",
            access=True,
            reason=attachment.original_name,
        )
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name
    )


@login_required
def dossier_detail(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    officer = is_officer(request.user)
    if officer:
        audit_event(actor=request.user, obj=dossier, event="dossier_opened", access=True)
    message_form = MessageForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not can_write_message(request.user, dossier):
            raise PermissionDenied
        if message_form.is_valid():
            uploads = (
                [message_form.cleaned_data["file"]] if message_form.cleaned_data.get("file") else []
            )
            try:
                services.message_post(
                    actor=request.user,
                    dossier=dossier,
                    body=message_form.cleaned_data["body"],
                    uploads=uploads,
                )
            except ValidationError as error:
                _errors_to_form(message_form, error)
            else:
                messages.success(request, _("Message envoyé."))
                return redirect(f"{request.path}#messages")
    context = {
        "dossier": dossier,
        "sections": [(label, getattr(dossier, name)) for name, label in SECTIONS],
        "partners": dossier.partners.all(),
        "lines": dossier.financing_lines.all(),
        "totals": dossier.totals(),
        "attachments": dossier.attachments.filter(message__isnull=True),
        "versions": dossier.versions.all(),
        "dossier_messages": dossier.messages.select_related("author").prefetch_related(
            "attachments"
        ),
        "message_form": message_form,
        "can_edit": can_edit_dossier(request.user, dossier),
        "can_message": can_write_message(request.user, dossier),
        "officer": officer,
    }
    if officer and can_instruct_dossier(request.user, dossier):
        context.update(
            {
                "transition_form": TransitionForm(),
                "assign_form": AssignForm(initial={"instructor": dossier.instructor_id}),
                "extension_form": ExtensionForm(),
                "can_evaluate": can_evaluate_dossier(request.user, dossier),
                "score": services.consolidated_score(dossier),
                "evaluations": dossier.evaluations.select_related("reviewer").exclude(
                    conflict_of_interest=True
                ),
            }
        )
    return render(request, "ami/dossier_detail.html", context)


# --- officers -------------------------------------------------------------------------------


@login_required
def dossier_list(request):
    require(can_list_dossiers(request.user))
    calls = list(Call.objects.prefetch_related("phases").order_by("position"))
    form = DossierFilterForm(request.GET or None, calls=calls)
    filters = {k: v for k, v in (form.cleaned_data if form.is_valid() else {}).items() if v}
    dossiers = selectors.dossier_filter(
        selectors.dossier_list_for_user(request.user), **filters
    ).exclude(status=DossierStatus.DRAFT)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        return _export(dossiers, export)
    return render(
        request,
        "ami/dossier_list.html",
        {
            "form": form,
            "dossiers": dossiers.order_by("-submitted_at")[:500],
            "phases": selectors.dossier_counts_by_phase(),
            "querystring": request.GET.urlencode(),
        },
    )


EXPORT_HEADER = [
    gettext_lazy("Référence"),
    gettext_lazy("Appel"),
    gettext_lazy("Phase"),
    gettext_lazy("Organisation"),
    gettext_lazy("Type de structure"),
    gettext_lazy("SIRET, SIREN ou RNA"),
    gettext_lazy("Titre"),
    gettext_lazy("Département"),
    gettext_lazy("Statut"),
    gettext_lazy("Déposé le"),
    gettext_lazy("Agent instructeur"),
]


def _export_rows(dossiers):
    for d in dossiers.select_related("phase__call", "organisation", "instructor"):
        yield [
            d.reference,
            d.phase.call.short_title,
            d.phase.title,
            d.organisation.name,
            d.organisation.get_kind_display(),
            d.organisation.identifier,
            d.title,
            d.get_territory_display(),
            d.get_status_display(),
            timezone.localtime(d.submitted_at).strftime("%d/%m/%Y %H:%M:%S")
            if d.submitted_at
            else "",
            d.instructor.full_name if d.instructor else "",
        ]


def _export(dossiers, file_format):
    filename = f"dossiers-ami-{timezone.localdate().isoformat()}.{file_format}"
    if file_format == "csv":
        return csv_response(EXPORT_HEADER, _export_rows(dossiers), filename)
    return xlsx_response(EXPORT_HEADER, _export_rows(dossiers), filename, sheet_title=_("Dossiers"))


@login_required
def dossier_zip(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    require(can_instruct_dossier(request.user, dossier))
    answers = render_pdf(
        "ami/pdf/dossier.html",
        {
            "dossier": dossier,
            "sections": [(label, getattr(dossier, name)) for name, label in SECTIONS],
            "partners": dossier.partners.all(),
            "lines": dossier.financing_lines.all(),
            "totals": dossier.totals(),
        },
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{dossier.reference}.pdf", answers)
        for attachment in dossier.attachments.all():
            if attachment.downloadable:
                with attachment.file.open("rb") as handle:
                    archive.writestr(
                        f"pieces/{attachment.pk}-{attachment.original_name}", handle.read()
                    )
    audit_event(actor=request.user, obj=dossier, event="dossier_exported", access=True)
    return HttpResponse(
        buffer.getvalue(),
        content_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{dossier.reference}.zip"'},
    )


@login_required
@require_POST
def dossier_transition(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    require(can_instruct_dossier(request.user, dossier))
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            services.dossier_transition(actor=request.user, dossier=dossier, **form.cleaned_data)
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
@require_POST
def dossier_extend(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    form = ExtensionForm(request.POST)
    if form.is_valid():
        try:
            services.dossier_extend_deadline(
                actor=request.user, dossier=dossier, **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Délai individuel accordé."))
    else:
        messages.error(request, _("Indiquez un nouveau délai et son motif."))
    return redirect("ami:dossier_detail", pk=dossier.pk)


@login_required
def dossier_evaluate(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    require(can_evaluate_dossier(request.user, dossier))
    criteria = list(dossier.phase.call.criteria.all())
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
            _errors_to_form(form, error)
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
def phase_ranking(request, phase_pk):
    require(can_list_dossiers(request.user))
    phase = get_object_or_404(Phase.objects.select_related("call"), pk=phase_pk)
    ranking = selectors.phase_ranking(phase, hide_conflicts_of=request.user)
    return render(request, "ami/phase_ranking.html", {"phase": phase, "ranking": ranking})


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
                _errors_to_form(form, error)
            else:
                messages.success(request, _("Phase enregistrée."))
                return redirect("ami:call_detail", code=phase.call.code)
    return render(
        request, "ami/phase_edit.html", {"phase": phase, "form": form, "date_form": date_form}
    )
