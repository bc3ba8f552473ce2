from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from core.audit import acting_as
from core.reference import LoadReport, loaders


class Command(BaseCommand):
    help = "Load (or bring up to date) the reference data taken from the source documents."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Also load demo accounts and data (embedded default only).",
        )

    def handle(self, *args, demo=False, **options):
        if demo and not settings.EMBEDDED:
            raise CommandError(
                "Demo data is only loaded on the embedded default (no DATABASE_URL)."
            )
        autodiscover_modules("reference_data")
        report = LoadReport()
        with transaction.atomic(), acting_as(None):
            for loader in loaders("reference"):
                loader(report)
            if demo:
                autodiscover_modules("demo_data")
                for loader in loaders("demo"):
                    loader(report, self.stdout)
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(
                f"Reference data loaded: {report.changed()} rows created or updated."
            )
        )
