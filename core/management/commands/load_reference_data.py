from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils.module_loading import autodiscover_modules

from core.audit import acting_as
from core.outbox import outbox_drain
from core.reference import LoadReport, citation, facts_per_document, loaders

_SILENT_EMAIL = "django.core.mail.backends.locmem.EmailBackend"


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
        # The demo's e-mails (receipts, notices) go nowhere: they would bury the accounts list.
        # The override wraps the transaction so that the e-mails sent after commit are silenced too.
        with override_settings(EMAIL_BACKEND=_SILENT_EMAIL):
            with transaction.atomic(), acting_as(None):
                for loader in loaders("reference"):
                    loader(report)
                if demo:
                    autodiscover_modules("demo_data")
                    for loader in loaders("demo"):
                        loader(report)
            if demo:
                # The demo's follow-ups (receipts, statuses, letters) run now, silently, so
                # that a newcomer finds a finished state rather than a queue.
                outbox_drain()
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(
                f"Reference data loaded: {report.changed()} rows created or updated."
            )
        )
        for note in report.notes:
            self.stdout.write(note)
        for document, count in facts_per_document().items():
            cited = citation(document)
            self.stdout.write(f"{count} faits tirés de : {cited or document}")
