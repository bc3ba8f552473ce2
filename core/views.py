import sys

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.http import FileResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.audit import audit_event
from core.database import database_unavailable
from core.forms import DataFlagResolutionForm, add_service_errors
from core.models import DataFlag, ExportStatus, WorkerHeartbeat
from core.permissions import can_resolve_data_flag, can_view_data_flags
from core.registry import home_panels
from core.security import log_refused
from core.selectors import (
    data_flag_get_for_user,
    data_flag_list,
    export_get_for_user,
    export_list_for_user,
)
from core.services import data_flag_resolve

DATA_FLAGS_PAGE_SIZE = 25
EXPORTS_PAGE_SIZE = 20


@login_required
@require_safe
def home(request):
    """The home page: the panels the apps registered, each shown to whoever it concerns."""
    panels = []
    for panel in home_panels.values():
        context = panel.context(request.user)
        if context is not None:
            panels.append({"template": panel.template, "context": context})
    return render(request, "core/home.html", {"panels": panels})


@never_cache
@require_safe
def healthz(request):
    """Liveness for the load balancer and docker-compose: database up, worker recently seen."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    beat = WorkerHeartbeat.objects.filter(name="worker").first()
    worker_age = None
    if beat and beat.answered_at:
        worker_age = int((timezone.now() - beat.answered_at).total_seconds())
    return JsonResponse({"database": "ok", "worker_last_seen_seconds_ago": worker_age})


def _error(request, status, detail):
    """Pages get the portal's own error page; the API answers in JSON, like DRF does."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(detail)}, status=status)
    return render(request, f"{status}.html", status=status)


def permission_denied(request, exception=None):
    log_refused(request, "permission denied")
    return _error(request, 403, _("Vous n'avez pas la permission d'effectuer cette action."))


def page_not_found(request, exception=None):
    return _error(request, 404, _("Introuvable."))


def server_error(request):
    # Django calls this handler while it handles the exception: a broken database connection
    # (PostgreSQL restarting) is a retryable 503, not a 500.
    if database_unavailable(sys.exc_info()[1]):
        response = _error(
            request,
            503,
            _("La base de données redémarre : réessayez dans quelques secondes."),
        )
        response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER_SECONDS)
        return response
    return _error(request, 500, _("Erreur du serveur."))


def bad_request(request, exception=None):
    return _error(request, 400, _("Requête incorrecte."))


@login_required
@require_safe
def data_flag_index(request):
    if not can_view_data_flags(request.user):
        raise PermissionDenied
    status = request.GET.get("statut") or DataFlag.Status.OPEN
    flags = data_flag_list(status=status if status in DataFlag.Status.values else None)
    page = Paginator(flags, DATA_FLAGS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/data_flags.html",
        {
            "flags": page,
            "page": page,
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
    form = DataFlagResolutionForm(request.POST or None, data_flag=data_flag)
    if request.method == "POST" and form.is_valid():
        try:
            data_flag_resolve(actor=request.user, data_flag=data_flag, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Décision enregistrée."))
            return redirect("data_flags")
    return render(request, "core/data_flag_resolve.html", {"flag": data_flag, "form": form})


@login_required
@require_safe
def export_list(request):
    """The exports a worker prepared for the user, newest first."""
    page = Paginator(export_list_for_user(request.user), EXPORTS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    pending = any(e.status in (ExportStatus.QUEUED, ExportStatus.RUNNING) for e in page)
    return render(
        request,
        "core/export_list.html",
        {"page": page, "pending": pending, "retention_days": settings.EXPORT_RETENTION_DAYS},
    )


@login_required
@require_safe
def export_download(request, pk):
    export = export_get_for_user(request.user, pk)
    audit_event(actor=request.user, obj=export, event="downloaded", access=True)
    return FileResponse(export.file.open("rb"), as_attachment=True, filename=export.filename)


@require_safe
def personal_data(request):
    """The personal-data page of the public site: who is responsible, what is kept for how
    long (the retention settings themselves), the rights and how to use them."""
    return render(
        request,
        "core/personal_data.html",
        {
            "draft_days": settings.RETENTION_DRAFT_DAYS,
            "account_days": settings.RETENTION_INACTIVE_ACCOUNT_DAYS,
            "log_days": settings.RETENTION_SECURITY_LOG_DAYS,
            "warning_days": settings.RETENTION_WARNING_DAYS,
            "contact": settings.PRIVACY_CONTACT_EMAIL,
        },
    )
