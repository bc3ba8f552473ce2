"""Pages of the steering reports: list, request, follow-up, downloads."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from actionplan import periods, selectors, services
from actionplan.models import ReportKind, ReportStatus
from actionplan.permissions import can_publish_report, can_request_report, can_view_reports
from core.audit import audit_event
from core.forms import add_service_errors


class ReportRequestForm(forms.Form):
    period_start = forms.DateField(
        label=gettext_lazy("Début de la période"), widget=forms.DateInput(attrs={"type": "date"})
    )
    period_end = forms.DateField(
        label=gettext_lazy("Fin de la période"), widget=forms.DateInput(attrs={"type": "date"})
    )
    new_version = forms.BooleanField(
        label=gettext_lazy(
            "Produire une nouvelle version si un rapport existe déjà pour cette période"
        ),
        required=False,
    )


class ReportPublishForm(forms.Form):
    committee_seen_on = forms.DateField(
        label=gettext_lazy("Date à laquelle le comité de pilotage l'a examiné"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    correction_note = forms.CharField(
        label=gettext_lazy("Ce que cette version corrige"),
        help_text=gettext_lazy(
            "Obligatoire si une version précédente de ce trimestre est déjà publiée ; "
            "le texte est publié avec elle."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


def _publishable(report, user):
    return (
        can_publish_report(user)
        and report.status == ReportStatus.READY
        and report.kind == ReportKind.QUARTERLY
        and report.published_at is None
    )


@login_required
@require_safe
def report_list(request):
    if not can_view_reports(request.user):
        raise PermissionDenied
    reports_shown = selectors.report_list_for_user(request.user)
    last_start, last_end = periods.previous_quarter(timezone.localdate())
    form = ReportRequestForm(initial={"period_start": last_start, "period_end": last_end})
    rows = [
        (report, periods.period_label(report.period_start, report.period_end))
        for report in reports_shown[:100]
    ]
    return render(
        request,
        "actionplan/report_list.html",
        {"rows": rows, "form": form, "can_request": can_request_report(request.user)},
    )


@login_required
def report_create(request):
    if not can_request_report(request.user):
        raise PermissionDenied
    form = ReportRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_request(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Rapport demandé : il est produit en arrière-plan."))
            return redirect("actionplan:report_detail", pk=report.pk)
    return render(request, "actionplan/report_request.html", {"form": form})


def _detail(request, report, publish_form=None, status=200):
    if publish_form is None and _publishable(report, request.user):
        publish_form = ReportPublishForm(initial={"committee_seen_on": timezone.localdate()})
    return render(
        request,
        "actionplan/report_detail.html",
        {
            "report": report,
            "label": periods.period_label(report.period_start, report.period_end),
            "can_request": can_request_report(request.user),
            "publish_form": publish_form,
        },
        status=status,
    )


@login_required
@require_safe
def report_detail(request, pk):
    return _detail(request, selectors.report_get_for_user(request.user, pk))


@login_required
@require_POST
def report_publish(request, pk):
    """Publish the report once the steering committee has seen it (its figures then go public)."""
    report = selectors.report_get_for_user(request.user, pk)
    if not can_publish_report(request.user):
        raise PermissionDenied
    form = ReportPublishForm(request.POST)
    if form.is_valid():
        try:
            services.report_publish(actor=request.user, report_pk=report.pk, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Bilan publié : les pages publiques et les données ouvertes le montrent."),
            )
            return redirect("actionplan:report_detail", pk=report.pk)
    return _detail(request, report, publish_form=form, status=400)


@login_required
@require_safe
def report_status(request, pk):
    report = selectors.report_get_for_user(request.user, pk)
    return JsonResponse(
        {
            "status": report.status,
            "status_label": str(report.get_status_display()),
            "progress": report.progress,
            "step": report.progress_step,
        }
    )


@login_required
@require_safe
def report_download(request, pk, file_format):
    report = selectors.report_get_for_user(request.user, pk)
    stored = report.pdf if file_format == "pdf" else report.xlsx
    if report.status != ReportStatus.READY or not stored:
        raise Http404
    audit_event(actor=request.user, obj=report, event=f"downloaded_{file_format}", access=True)
    filename = f"rapport-pilotage-{report.period_start:%Y-%m-%d}-{report.period_end:%Y-%m-%d}-v{report.version}.{file_format}"
    return FileResponse(stored.open("rb"), as_attachment=True, filename=filename)
