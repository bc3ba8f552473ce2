"""Benchmark of the action plan's pages and API at a realistic volume and at ten times it.

Run it on a throwaway PostgreSQL database (``make bench`` does): it adds
synthetic approved measurements, which are marked as demo data.
"""

import random
import statistics
import time
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplan.models import Indicator, Measurement, MeasurementStatus
from actionplan.services import indicators_refresh_all
from partners.models import Role, User

DEPARTEMENTS = ["Aisne", "Nord", "Oise", "Pas-de-Calais", "Somme"]
YEARS = 10


class Command(BaseCommand):
    help = "Fill the database with ten years of monthly measurements and time the plan's pages (p50/p95, SQL queries)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--requests", type=int, default=30, help="Requests per page and volume."
        )
        parser.add_argument(
            "--yes", action="store_true", help="Confirm that this database may be filled."
        )

    def handle(self, *args, requests, yes, **options):
        if not yes:
            raise CommandError(
                "This command adds many rows: run it on a throwaway database with --yes."
            )
        if not Indicator.objects.exists():
            raise CommandError("Load the reference data first (manage.py load_reference_data).")
        officer = self._officer()
        client = Client()
        client.force_login(officer)
        territories_per_volume = {
            "base": DEPARTEMENTS,
            "x10": [f"{d} {n}" for d in DEPARTEMENTS for n in range(10)],
        }
        results = {}
        for volume, territories in territories_per_volume.items():
            Measurement._base_manager.filter(is_demo=True, source="bench").delete()
            rows = self._fill(officer, territories)
            indicators_refresh_all()
            results[volume] = (rows, self._measure(client, requests))
        self._report(results)

    def _officer(self):
        user, _created = User.objects.get_or_create(
            email="bench@example.invalid", defaults={"full_name": "Benchmark", "role": Role.OFFICER}
        )
        return user

    def _fill(self, officer, territories):
        """Synthetic approved values. Written in bulk through the base manager: these rows are
        benchmark fixtures, not user data, so they deliberately skip the audit trail."""
        random.seed(42)
        start = date.today().replace(day=1) - relativedelta(years=YEARS)
        indicators = Indicator.objects.exclude(
            target_kind__in=["tbd", "qualitative", "milestone"]
        ).filter(computed_by="")
        batch, total = [], 0
        for indicator in indicators:
            for month in range(YEARS * 12):
                day = start + relativedelta(months=month)
                for territory in territories:
                    batch.append(
                        Measurement(
                            indicator=indicator,
                            date=day,
                            value=Decimal(random.randint(1, 1000)),
                            count=random.randint(0, 3)
                            if indicator.target_kind == "money_count"
                            else None,
                            territory=territory,
                            source="bench",
                            status=MeasurementStatus.APPROVED,
                            entered_by=officer,
                            reviewed_by=officer,
                            is_demo=True,
                        )
                    )
                if len(batch) >= 5000:
                    Measurement._base_manager.bulk_create(batch)
                    total += len(batch)
                    batch = []
        Measurement._base_manager.bulk_create(batch)
        return total + len(batch)

    def _measure(self, client, requests):
        targets = {
            "dashboard": reverse("actionplan:dashboard"),
            "indicator page": reverse("actionplan:indicator_detail", args=["1.2-1"]),
            "indicator API list": "/api/indicators/",
        }
        figures = {}
        for name, url in targets.items():
            client.get(url)  # warm-up
            timings, queries = [], 0
            for _ in range(requests):
                with CaptureQueriesContext(connection) as captured:
                    began = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - began) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"{url} answered {response.status_code}")
                queries = len(captured)
            timings.sort()
            p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
            figures[name] = (statistics.median(timings), p95, queries)
        return figures

    def _report(self, results):
        (base_rows, base), (x10_rows, x10) = results["base"], results["x10"]
        self.stdout.write(
            f"Measurements: base volume {base_rows:,}, ten times {x10_rows:,} ({connection.vendor})"
        )
        self.stdout.write(
            f"{'page':<20}{'p50 base':>10}{'p95 base':>10}{'p50 x10':>10}{'p95 x10':>10}"
            f"{'SQL base':>10}{'SQL x10':>9}  verdict"
        )
        failures = 0
        for name in base:
            b50, b95, bq = base[name]
            x50, x95, xq = x10[name]
            ok = bq == xq and x95 <= 1.5 * b95 and x95 < 200
            failures += not ok
            self.stdout.write(
                f"{name:<20}{b50:>9.1f}ms{b95:>8.1f}ms{x50:>8.1f}ms{x95:>8.1f}ms{bq:>10}{xq:>9}  "
                + ("ok" if ok else "OVER BUDGET")
            )
        self.stdout.write(
            "Budget: same query count at both volumes, p95 x10 <= 1.5 x p95 base, p95 < 200 ms."
        )
        if failures:
            raise CommandError(f"{failures} page(s) over budget")
