"""``manage.py bench --yes``: every app's benchmark suite at 1× and 10× the Region's volume in one
run, then the quarterly report and the deadline peak, as one printed table (see core/bench.py).

Run it on a throwaway PostgreSQL database (``make bench`` creates one): it adds synthetic rows,
marked as demo data where the model has the flag.
"""

import gc
import os

# Reviewed for bandit: runs this project's own management commands.
import subprocess  # nosec B404
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.module_loading import autodiscover_modules

from core.bench import Page, measure, suites, verdict

SCALES = (1, 10)


class Command(BaseCommand):
    help = (
        "Benchmark the pages and API lists at 1× and 10× volume, the report and the deadline peak."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--requests", type=int, default=20, help="Requests per page and volume."
        )
        parser.add_argument(
            "--yes", action="store_true", help="Confirm this database may be filled."
        )
        parser.add_argument("--skip-peak", action="store_true", help="Leave out the deadline peak.")
        parser.add_argument(
            "--suite",
            action="append",
            help="Only these suites (ami, actionplan, sites, partners…); leaves out the report, "
            "the import and the peak.",
        )

    def handle(self, *args, requests, yes, skip_peak, suite, **options):
        if not yes:
            raise CommandError(
                "This command adds many rows: run it on a throwaway database with --yes."
            )
        if settings.DEBUG:
            raise CommandError("Run the benchmark with DEBUG=false, as in production.")
        autodiscover_modules("bench")
        chosen = {name: s for name, s in suites.items() if not suite or name in suite}
        if suite and not chosen:
            raise CommandError(f"No such suite: {', '.join(suite)} (known: {', '.join(suites)}).")
        figures, volumes, others, reports = {}, {}, [], {}
        floor = Page("bare view floor (/healthz)", "/healthz")
        for scale in SCALES:
            volumes[scale] = [each.fill(scale) for each in chosen.values()]
            self._settle()
            pages = [floor] + [page for each in chosen.values() for page in each.pages()]
            for page, measured in zip(pages, measure(pages, requests), strict=True):
                key = floor.label if page is floor else (page.label, page.note)
                figures.setdefault(key, {})[scale] = measured
            for each in chosen.values():
                others += [f"{scale}×  {line}" for line in each.other_figures(scale)]
            if not suite:
                reports[scale] = self._subcommand("bench_report", "--yes")
        self._table(figures, volumes, floor.label)
        for line in others:
            self.stdout.write(line)
        for scale, output in reports.items():
            self.stdout.write(f"\nQuarterly report at {scale}×:\n{output}")
        if suite:
            return
        self.stdout.write("\nLarge import (measurements):")
        self.stdout.write(self._subcommand("bench_import", "--yes"))
        if not skip_peak:
            self.stdout.write("\nClosing second (over HTTP, nginx → gunicorn):")
            self.stdout.write(self._subcommand("bench_submissions", "--yes"))
            self.stdout.write("\nPublic pages, 200 visitors at once (over HTTP):")
            self.stdout.write(self._subcommand("bench_public", "--yes"))

    def _table(self, figures, volumes, floor_label):
        self.stdout.write(f"Database: {connection.vendor}")
        for scale, lines in volumes.items():
            self.stdout.write(f"Volume {scale}×: " + "; ".join(lines))
        header = (
            f"{'page':<44}{'SQL 1×':>7}{'SQL 10×':>8}{'p50 1×':>9}{'p95 1×':>9}"
            f"{'p50 10×':>9}{'p95 10×':>9}{'ratio':>7}  verdict"
        )
        self.stdout.write("\n" + header + "\n" + "-" * len(header))
        for key, by_scale in figures.items():
            label, note = key if isinstance(key, tuple) else (key, "")
            base, tenfold = by_scale[1], by_scale[10]
            ratio = tenfold.p95 / base.p95 if base.p95 else float("inf")
            result = "floor" if key == floor_label else verdict(base, tenfold)
            self.stdout.write(
                f"{label[:43]:<44}{base.queries:>7}{tenfold.queries:>8}{base.p50:>8.1f}m{base.p95:>8.1f}m"
                f"{tenfold.p50:>8.1f}m{tenfold.p95:>8.1f}m{ratio:>6.2f}×  {result}"
                + (f" ({note})" if note else "")
            )
        self.stdout.write(
            "Budget: queries equal at both volumes and ≤ 12; p95 10× ≤ 1.5 × p95 1×; p95 10× < 200 ms."
        )

    @staticmethod
    def _settle():
        """What autovacuum does soon after a bulk load in production: fresh planner statistics
        and a visibility map, without which the first volume would be measured against the
        second's plans. Then a checkpoint, so that writing out the bulk load's pages does not
        stall the requests being timed."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
                cursor.execute("CHECKPOINT")
        # What the fill left in this process is no server's business: out of the collector's
        # sight, its full passes do not pause the requests being timed.
        gc.collect()
        gc.freeze()

    @staticmethod
    def _subcommand(*arguments):
        """A step measured in a process of its own, so that its peak memory is its own."""
        # Reviewed for bandit: fixed command line of this project's manage.py.
        result = subprocess.run(  # noqa: S603  # nosec B603
            [sys.executable, "manage.py", *arguments],
            capture_output=True,
            text=True,
            env=os.environ.copy(),
            check=False,
        )
        output = (result.stdout + result.stderr).strip()
        return output + ("" if result.returncode == 0 else "\n  → OVER BUDGET or failed")
