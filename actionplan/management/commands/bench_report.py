"""Benchmark of the quarterly report: time of each step, page count and peak memory, in one run."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actionplan.models import Measurement, Report
from actionplan.periods import previous_quarter
from actionplan.services import report_generate
from core.bench import peak_memory_mb

PORTAL_STEPS = ["snapshot", "charts", "html", "xlsx"]
WEASYPRINT_STEPS = ["layout", "write"]


class Command(BaseCommand):
    help = "Render the last quarter's report on the data in the database and print the time of each step."

    def add_arguments(self, parser):
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Confirm that a report may be added to this database.",
        )

    def handle(self, *args, yes, **options):
        if not yes:
            raise CommandError(
                "This command adds a report: run it on a throwaway database with --yes."
            )
        start, end = previous_quarter(timezone.localdate())
        # A worker renders many reports in one process: the first pays for loading WeasyPrint,
        # openpyxl, the templates and the catalogues, which the budget is not about. Both
        # runs are printed; the budget is checked on the second.
        cold_total, _cold, _cold_queries = self._generate(start, end)
        total, timings, queries = self._generate(start, end)
        peak_mb = peak_memory_mb()
        portal = sum(timings.get(step, 0) for step in PORTAL_STEPS)
        weasyprint = sum(timings.get(step, 0) for step in WEASYPRINT_STEPS)
        self.stdout.write(
            f"Report {start} – {end}: {timings['pages']} pages (budget ≤ 60), {queries} SQL "
            f"queries (budget ≤ 60), {Measurement.objects.count():,} measurements"
        )
        self.stdout.write(f"  first run in a fresh process: {cold_total * 1000:.0f} ms; then:")
        for step in PORTAL_STEPS[:3] + WEASYPRINT_STEPS + PORTAL_STEPS[3:]:
            self.stdout.write(f"  {step:<10}{timings.get(step, 0) * 1000:>9.0f} ms")
        self.stdout.write(f"  {'total':<10}{total * 1000:>9.0f} ms (bookkeeping included)")
        share = portal / (portal + weasyprint)
        self.stdout.write(f"Portal's own steps: {share:.0%} of rendering (budget ≤ 20 %)")
        self.stdout.write(f"Peak memory (max RSS): {peak_mb:.0f} MB (budget ≤ 400 MB)")
        if share > 0.2 or peak_mb > 400 or timings["pages"] > 60 or queries > 60:
            raise CommandError("report rendering over budget")

    @staticmethod
    def _generate(start, end):
        version = Report.objects.filter(period_start=start, period_end=end).count() + 1
        report = Report.objects.create(period_start=start, period_end=end, version=version)
        timings = {}
        began = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            report_generate(report_pk=report.pk, timings=timings)
        return time.perf_counter() - began, timings, len(queries)
