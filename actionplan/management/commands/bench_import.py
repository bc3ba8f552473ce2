"""Benchmark of a large import: a 200 000-row CSV of measurements uploaded by an officer.
The request must answer within a second (the file is only stored and queued); a worker then
parses it in the background. Prints both times, the process's peak memory, and a verdict."""

import io
import time

import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from accounts.models import Role, User
from actionplan.models import ImportBatch
from actionplan.services import import_batch_parse


def _peak_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


HEADER = ["indicateur", "date", "valeur", "nombre", "territoire", "source", "nature", "commentaire"]


def _row(index):
    return ["1.2-1", "30/09/2026", str(index % 97), "", "Nord", "Banc d'essai", "mesurée", ""]


def _csv(rows):
    buffer = io.StringIO()
    buffer.write(";".join(HEADER) + "\n")
    for index in range(rows):
        buffer.write(";".join(_row(index)) + "\n")
    return buffer.getvalue().encode()


def _xlsx(rows):
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True, "in_memory": True})
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, HEADER)
    for index in range(rows):
        sheet.write_row(index + 1, 0, _row(index))
    workbook.close()
    return buffer.getvalue()


class Command(BaseCommand):
    help = (
        "Upload a 200 000-row file of measurements: the request answers at once, a worker parses."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=200_000)
        parser.add_argument("--yes", action="store_true")

    def handle(self, *args, rows, yes, **options):
        if not yes:
            raise CommandError(
                "This command adds an account and an import: use a throwaway database."
            )
        officer = User.objects.filter(role=Role.OFFICER, email__startswith="bench-import").first()
        if officer is None:
            officer = User.objects.create_user(
                email=f"bench-import-{int(time.time())}@example.invalid",
                password=None,
                full_name="Agent du banc d'essai",
                role=Role.OFFICER,
            )
        for name, content in (("mesures.csv", _csv(rows)), ("mesures.xlsx", _xlsx(rows))):
            self._one(officer, name, content, rows)

    def _one(self, officer, name, content, rows):
        client = Client()
        client.force_login(officer)
        with override_settings(ALLOWED_HOSTS=["testserver"], IMPORT_MAX_BYTES=50_000_000):
            began = time.perf_counter()
            response = client.post(
                reverse("actionplan:import_upload"),
                {"file": SimpleUploadedFile(name, content)},
            )
            answered = time.perf_counter() - began
        if response.status_code != 302:
            raise CommandError(f"the upload answered {response.status_code}")
        batch = ImportBatch.objects.filter(uploaded_by=officer).latest("uploaded_at")
        queued = batch.get_state_display()
        began = time.perf_counter()
        import_batch_parse(batch_pk=batch.pk)  # what the worker's task does
        parsed = time.perf_counter() - began
        batch.refresh_from_db()
        verdict = "ok" if answered < 1 and batch.state == "preview" else "OVER"
        self.stdout.write(
            f"{name.rsplit('.', 1)[1].upper()} {rows} rows ({len(content) / 1e6:.1f} MB): request answered in {answered * 1000:.0f} ms "
            f"(then « {queued} »), parsed in the background in "
            f"{parsed:.1f} s → {batch.get_state_display()}, {len(batch.rows)} rows to confirm, "
            f"{len(batch.errors)} errors; peak memory {_peak_mb():.0f} MB — {verdict} "
            "(budget: the request within 1 s, whatever the file)"
        )
