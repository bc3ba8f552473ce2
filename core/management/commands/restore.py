from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded files with a backup (checked against its "
        "manifest first). Stop the web and worker processes before."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument(
            "--yes", action="store_true", help="Confirm that current data will be replaced."
        )

    def handle(self, *args, folder, yes, **options):
        if not yes:
            raise CommandError("Restoring replaces all current data: add --yes to confirm.")
        try:
            manifest = restore(folder)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored from {folder} (taken {manifest['created_at']}): database and "
                f"{len(manifest['media_files'])} files, every hash checked."
            )
        )
