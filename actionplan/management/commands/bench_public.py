"""Load test of the public pages: 200 anonymous visitors at once, over HTTP, through nginx (the
front proxy of docker-compose.yml, with its own configuration) in front of gunicorn's sync
workers, then the same crowd straight on gunicorn, so that the figure says what the proxy's
copies of the public pages do and what Django alone does.

Each round starts every visitor on the same instant (a barrier), each on one of the public
pages in turn; the first round fills the proxy's copies and is not counted. Budget: p95 under
100 ms through the proxy.
"""

import statistics
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from accounts.models import Role, User
from actionplan.bench import public_pages, publish_last_quarter
from actionplan.models import Indicator, Report
from core.bench import serve_behind_nginx

BUDGET_P95_MS = 100


class Command(BaseCommand):
    help = "200 anonymous visitors at once on the public pages, through nginx and on gunicorn."

    def add_arguments(self, parser):
        parser.add_argument("--visitors", type=int, default=200)
        parser.add_argument("--rounds", type=int, default=5)
        parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
        parser.add_argument("--yes", action="store_true")

    def handle(self, *args, visitors, rounds, workers, yes, **options):
        if not yes:
            raise CommandError(
                "This command may publish a snapshot: run it on a throwaway database with --yes."
            )
        if not Report.objects.filter(published_at__isnull=False).exists():
            officer = User.objects.filter(role=Role.OFFICER, is_active=True).first()
            if officer is None:
                raise CommandError("No officer to publish a snapshot with: run `bench` first.")
            publish_last_quarter(officer, note="")
        indicator = (
            Indicator.objects.exclude(target_kind__in=["tbd", "qualitative", "milestone"])
            .order_by("code")
            .first()
        )
        paths = [page.url for page in public_pages(indicator)]
        paths.append(reverse("public:opendata"))
        with tempfile.TemporaryDirectory() as scratch:
            try:
                web, proxy, base, direct = serve_behind_nginx(
                    Path(scratch), workers=workers, env={"REDIS_URL": settings.REDIS_URL or ""}
                )
            except RuntimeError as error:
                raise CommandError(str(error)) from error
            try:
                for label, root in (("through nginx", base), ("gunicorn alone", direct)):
                    self._report(label, visitors, *self._crowd(root, paths, visitors, rounds))
            finally:
                for process in (proxy, web):
                    process.terminate()
                    process.wait(timeout=30)

    @staticmethod
    def _crowd(root, paths, visitors, rounds):
        """Latencies (ms) and statuses of ``visitors`` simultaneous requests, ``rounds`` times
        after a first round that warms the copies."""
        timings, statuses = [], []
        lock = threading.Lock()

        def visit(index, barrier, counted):
            url = root + paths[index % len(paths)]
            barrier.wait()
            began = time.perf_counter()
            try:
                # Reviewed for bandit: local.
                with urllib.request.urlopen(url, timeout=30) as response:  # nosec B310
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError:
                status = 0
            elapsed = (time.perf_counter() - began) * 1000
            if counted:
                with lock:
                    timings.append(elapsed)
                    statuses.append(status)

        with ThreadPoolExecutor(max_workers=visitors) as pool:
            for round_number in range(rounds + 1):
                barrier = threading.Barrier(visitors)
                list(
                    pool.map(
                        lambda index, b=barrier, c=round_number > 0: visit(index, b, c),
                        range(visitors),
                    )
                )
        return timings, statuses

    def _report(self, label, visitors, timings, statuses):
        timings.sort()
        p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
        failed = sum(1 for status in statuses if status != 200)
        verdict = "ok" if p95 < BUDGET_P95_MS and not failed else "OVER"
        self.stdout.write(
            f"Public pages, {len(timings)} anonymous requests in crowds of {visitors}, "
            f"{label}: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
            f"max {timings[-1]:.1f} ms, {failed} not 200 — {verdict} (budget p95 < "
            f"{BUDGET_P95_MS} ms)"
        )
