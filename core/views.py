import sys

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.accessibility import AXE_RULES, CHECKED_PUBLIC_PAGES
from core.audit import audit_event
from core.database import database_unavailable
from core.forms import DataFlagResolutionForm, add_service_errors
from core.mail import absolute_url
from core.models import DataFlag, ExportStatus, WorkerHeartbeat
from core.navigation import entries_for
from core.permissions import can_resolve_data_flag, can_view_data_flags
from core.registry import home_panels, open_datasets, public_panels
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


@require_safe
def home(request):
    """The home page: for a visitor, what the portal is and the public panels; signed in, the
    panels the apps registered, each shown to whoever it concerns."""
    if not request.user.is_authenticated:
        return render(
            request, "core/public_home.html", {"panels": _panels(public_panels, request.user)}
        )
    return render(request, "core/home.html", {"panels": _panels(home_panels, request.user)})


def _panels(registry, user):
    panels = []
    for panel in registry.values():
        context = panel.context(user)
        if context is not None:
            panels.append({"template": panel.template, "context": context})
    return panels


@never_cache
@require_safe
def language_choose(request, code):
    """The language switch: a link, not a form, so that a public page holds no CSRF token and
    the front proxy may serve the same copy to every visitor of that language. Only a
    preference cookie is set; ``suivant`` must be a page of this site."""
    if code not in {language for language, _name in settings.LANGUAGES}:
        raise Http404
    following = request.GET.get("suivant", "/")
    if not url_has_allowed_host_and_scheme(
        following, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        following = "/"
    response = redirect(following)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


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


@require_safe
def legal_notice(request):
    return render(
        request,
        "core/legal_notice.html",
        {
            "publisher": settings.PUBLISHER_NAME,
            "address": settings.PUBLISHER_ADDRESS,
            "director": settings.PUBLICATION_DIRECTOR,
            "host": settings.HOSTING_PROVIDER,
            "contact": settings.CONTACT_EMAIL,
        },
    )


@require_safe
def accessibility_statement(request):
    return render(
        request,
        "core/accessibility.html",
        {
            "publisher": settings.PUBLISHER_NAME,
            "audit_date": settings.ACCESSIBILITY_AUDIT_DATE,
            "pages": CHECKED_PUBLIC_PAGES,
            "rules": AXE_RULES,
            "contact": settings.CONTACT_EMAIL,
        },
    )


@require_safe
def site_map(request):
    return render(
        request,
        "core/site_map.html",
        {
            "main": entries_for(request.user, request.path),
            "footer": entries_for(request.user, request.path, "footer"),
        },
    )


@require_safe
def developers(request):
    links = [
        {"label": label, "url": reverse(url_name), "path": path}
        for dataset in open_datasets.values()
        for label, url_name, path in dataset.links
    ]
    return render(request, "core/developers.html", {"links": links})


@require_safe
def catalog(request):
    """The open-data catalogue in DCAT-AP (JSON-LD), for data.gouv.fr to harvest: it reads the
    portal's public files, so the portal keeps no credential of the platform."""
    datasets = [d for d in (entry.dcat() for entry in open_datasets.values()) if d is not None]
    document = {
        "@context": DCAT_CONTEXT,
        "@id": absolute_url("catalog"),
        "@type": "dcat:Catalog",
        "dct:title": {
            "@value": "Industrie circulaire Hauts-de-France — données ouvertes",
            "@language": "fr",
        },
        "dct:description": {
            "@value": (
                "Les données ouvertes du plan d'actions de la Région Hauts-de-France pour "
                "l'industrie circulaire."
            ),
            "@language": "fr",
        },
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": settings.PUBLISHER_NAME},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/FRA"},
        "foaf:homepage": {"@id": settings.SITE_URL.rstrip("/") + "/"},
        "dcat:dataset": datasets,
    }
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    response["Access-Control-Allow-Origin"] = "*"
    return response


# Prefixes only (no remote context): a harvester reads the document without fetching anything.
DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "adms": "http://www.w3.org/ns/adms#",
}
