"""A dossier's page and its documents, for its holders and the officers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import prefetch_related_objects
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accounts.permissions import is_expert, is_officer
from ami import selectors, services
from ami.documents import decision_letter_pdf, receipt_pdf, version_archive
from ami.forms import (
    AssignForm,
    ExpertOpinionForm,
    ExpertRequestForm,
    MessageForm,
    NoteForm,
    TransitionForm,
)
from ami.models import SECTIONS
from ami.permissions import (
    can_ask_expert,
    can_delete_draft,
    can_edit_dossier,
    can_evaluate_dossier,
    can_instruct_dossier,
    can_read_messages,
    can_read_notes,
    can_withdraw_dossier,
    can_write_message,
    can_write_note,
    expert_request_open,
)
from core.audit import audit_access, audit_event
from core.forms import add_service_errors
from core.security import refuse_as_not_found


@login_required
def dossier_detail(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    officer = is_officer(request.user)
    if officer or is_expert(request.user):
        # Who opened a confidential dossier is kept, an outside expert's opening included.
        audit_access(actor=request.user, obj=dossier, event="dossier_opened")
    if officer:
        services.dossier_mark_seen(actor=request.user, dossier=dossier)
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
                add_service_errors(message_form, error)
            else:
                messages.success(request, _("Message envoyé."))
                return redirect(f"{request.path}#messages")
    prefetch_related_objects([dossier], "financing_lines")
    context = {
        "dossier": dossier,
        "sections": [(label, getattr(dossier, name)) for name, label in SECTIONS],
        "partners": dossier.partners.all(),
        "lines": dossier.financing_lines.all(),
        "totals": dossier.totals(),
        "attachments": dossier.attachments.current(),
        "versions": dossier.versions.defer("content"),
        "dossier_messages": dossier.messages.select_related("author").prefetch_related(
            "attachments"
        )
        if can_read_messages(request.user, dossier)
        else None,
        "expert_request": expert_request_open(request.user, dossier)
        if is_expert(request.user)
        else None,
        "opinion_form": ExpertOpinionForm() if is_expert(request.user) else None,
        "message_form": message_form,
        "can_edit": can_edit_dossier(request.user, dossier),
        "can_withdraw": can_withdraw_dossier(request.user, dossier),
        "can_delete": can_delete_draft(request.user, dossier),
        "can_message": can_write_message(request.user, dossier),
        "officer": officer,
    }
    if officer and can_instruct_dossier(request.user, dossier):
        context.update(
            {
                "instruction_days": dossier.instruction_days(),
                "notes": dossier.notes.select_related("author")
                if can_read_notes(request.user, dossier)
                else [],
                "note_form": NoteForm() if can_write_note(request.user, dossier) else None,
                "expert_requests": dossier.expert_requests.select_related("expert", "requested_by"),
                "expert_form": ExpertRequestForm(prefix="expert")
                if can_ask_expert(request.user, dossier)
                else None,
                "transition_form": TransitionForm(dossier=dossier, user=request.user),
                "assign_form": AssignForm(initial={"instructor": dossier.instructor_id}),
                "can_evaluate": can_evaluate_dossier(request.user, dossier),
                "score": dossier.consolidated_score,
            }
        )
    return render(request, "ami/dossier_detail.html", context)


@login_required
@require_safe
def dossier_receipt(request, pk, number):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    version = get_object_or_404(dossier.versions, number=number)
    content = receipt_pdf(version)
    audit_event(
        actor=request.user, obj=dossier, event="receipt_opened", access=True, reason=str(number)
    )
    return HttpResponse(
        content,
        content_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="accuse-{dossier.reference}-v{number}.pdf"'
        },
    )


@login_required
@require_safe
def dossier_letter(request, pk):
    dossier = selectors.dossier_get_for_user(request.user, pk)
    try:
        content = decision_letter_pdf(dossier)
    except ValueError as error:
        raise Http404 from error
    audit_event(actor=request.user, obj=dossier, event="letter_opened", access=True)
    return HttpResponse(
        content,
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="decision-{dossier.reference}.pdf"'},
    )


@login_required
@require_safe
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
@require_safe
def version_zip(request, pk, number=None):
    """Exactly what a version froze, for its holders and the officers who may see it."""
    dossier = selectors.dossier_get_for_user(request.user, pk)
    versions = dossier.versions.order_by("-number")
    version = versions.first() if number is None else versions.filter(number=number).first()
    if version is None:
        raise Http404
    content = version_archive(version)
    audit_event(
        actor=request.user,
        obj=dossier,
        event="version_exported",
        access=True,
        reason=str(version.number),
    )
    return HttpResponse(
        content,
        content_type="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="{dossier.reference}-v{version.number}.zip"'
        },
    )
