from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from core.models import WorkerHeartbeat
from core.security import log_refused
from partners.selectors import organisations_of


@login_required
def home(request):
    return render(request, "core/home.html", {"organisations": organisations_of(request.user)})


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
