import time

from django.core.management.base import BaseCommand

from core.outbox import outbox_drain


class Command(BaseCommand):
    help = (
        "Drain the outbox in a loop: the background worker of the embedded default "
        "(production runs Celery beat and a worker instead)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between drains.")
        parser.add_argument("--once", action="store_true", help="Drain once and stop.")

    def handle(self, *args, interval, once, **options):
        while True:
            handled = outbox_drain()
            if handled:
                self.stdout.write(f"outbox: {handled} message(s) handled")
            if once:
                return
            time.sleep(interval)
