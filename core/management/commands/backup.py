from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup, default_folder


class Command(BaseCommand):
    help = "Back up the database and the uploaded files together, with a manifest of hashes."

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", help="A new folder (default: var/backups/<now>).")

    def handle(self, *args, folder=None, **options):
        folder = folder or default_folder()
        try:
            manifest = backup(folder)
        except (BackupError, FileExistsError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {folder}: database and {len(manifest['media_files'])} files."
            )
        )
