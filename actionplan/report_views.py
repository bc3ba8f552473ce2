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

from actionplan import reports, services
from actionplan.models import Report, ReportStatus
from actionplan.permissions import can_request_report, can_view_reports
from core.audit import audit_event
from core.security import refuse_as_not_found


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


def report_get_for_user(user, pk):
    report = Report.objects.filter(pk=pk).first()
    if report is None or not can_view_reports(user):
        refuse_as_not_found(user, "report", pk)
    return report


@login_required
def report_list(request):
    if not can_view_reports(request.user):
        raise PermissionDenied
    reports_shown = Report.objects.select_related("requested_by").order_by(
        "-period_end", "-version"
    )
    if not can_request_report(request.user):
        reports_shown = reports_shown.filter(status=ReportStatus.READY)
    last_start, last_end = reports.previous_quarter(timezone.localdate())
    form = ReportRequestForm(initial={"period_start": last_start, "period_end": last_end})
    rows = [
        (report, reports.period_label(report.period_start, report.period_end))
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


@login_required
def report_detail(request, pk):
    report = report_get_for_user(request.user, pk)
    if report.status != ReportStatus.READY and not can_request_report(request.user):
        raise Http404
    return render(
        request,
        "actionplan/report_detail.html",
        {
            "report": report,
            "label": reports.period_label(report.period_start, report.period_end),
            "can_request": can_request_report(request.user),
        },
    )


@login_required
def report_status(request, pk):
    report = report_get_for_user(request.user, pk)
    return JsonResponse(
        {
            "status": report.status,
            "status_label": str(report.get_status_display()),
            "progress": report.progress,
            "step": report.progress_step,
        }
    )


@login_required
def report_download(request, pk, file_format):
    report = report_get_for_user(request.user, pk)
    stored = report.pdf if file_format == "pdf" else report.xlsx
    if report.status != ReportStatus.READY or not stored:
        raise Http404
    audit_event(actor=request.user, obj=report, event=f"downloaded_{file_format}", access=True)
    filename = f"rapport-pilotage-{report.period_start:%Y-%m-%d}-{report.period_end:%Y-%m-%d}-v{report.version}.{file_format}"
    return FileResponse(stored.open("rb"), as_attachment=True, filename=filename)
