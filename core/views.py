from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.forms import DataFlagResolutionForm
from core.models import DataFlag, WorkerHeartbeat
from core.permissions import can_resolve_data_flag, can_view_data_flags
from core.security import log_refused
from core.selectors import data_flag_get_for_user, data_flag_list
from core.services import data_flag_resolve
from partners.selectors import organisations_of


@login_required
def home(request):
    from actionplan.models import Measurement, MeasurementStatus, Report, ReportStatus
    from actionplan.permissions import can_view_reports
    from actionplan.reports import period_label
    from partners.permissions import is_officer

    context = {"organisations": organisations_of(request.user), "reports": None}
    if can_view_reports(request.user):
        ready = Report.objects.filter(status=ReportStatus.READY).order_by(
            "-period_end", "-version"
        )[:4]
        context["reports"] = [
            (report, period_label(report.period_start, report.period_end)) for report in ready
        ]
    if is_officer(request.user):
        context["pending_count"] = (
            Measurement.objects.filter(status=MeasurementStatus.PENDING)
            .exclude(entered_by=request.user)
            .count()
        )
        context["open_flags"] = DataFlag.objects.filter(status=DataFlag.Status.OPEN).count()
    return render(request, "core/home.html", context)


@never_cache
def healthz(request):
    """Liveness for the load balancer and docker-compose: database up, worker recently seen."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    beat = WorkerHeartbeat.objects.filter(name="worker").first()
    worker_age = None
    if beat and beat.answered_at:
        worker_age = int((timezone.now() - beat.answered_at).total_seconds())
    return JsonResponse({"database": "ok", "worker_last_seen_seconds_ago": worker_age})


def permission_denied(request, exception=None):
    log_refused(request, "permission denied")
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


@login_required
def data_flag_index(request):
    if not can_view_data_flags(request.user):
        raise PermissionDenied
    status = request.GET.get("statut") or DataFlag.Status.OPEN
    flags = list(data_flag_list(status=status if status in DataFlag.Status.values else None))
    return render(
        request,
        "core/data_flags.html",
        {
            "flags": flags,
            "status": status,
            "statuses": DataFlag.Status.choices,
            "form": DataFlagResolutionForm(),
        },
    )


@login_required
def data_flag_resolve_view(request, pk):
    data_flag = data_flag_get_for_user(request.user, pk)
    if not can_resolve_data_flag(request.user, data_flag):
        raise PermissionDenied
    form = DataFlagResolutionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            data_flag_resolve(actor=request.user, data_flag=data_flag, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Décision enregistrée."))
            return redirect("data_flags")
    return render(request, "core/data_flag_resolve.html", {"flag": data_flag, "form": form})
