"""Backup and restore of everything the portal keeps: the database and the uploaded files.

A backup is a folder: ``database.dump`` (pg_dump's custom format) or ``database.sqlite3``,
``media.tar.gz`` (the private files: attachments, receipts, letters, reports), and
``manifest.json`` with the SHA-256 of both archives and of every file inside the media
archive. A restore checks the archives against the manifest before touching anything, then
replaces the database and the files, then checks every restored file's hash.
"""

import hashlib
import json
import os
import shutil
import sqlite3

# Reviewed for bandit: pg_dump and pg_restore.
import subprocess  # nosec B404
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"


class BackupError(RuntimeError):
    pass


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _media_root():
    return Path(default_storage.location)


def _postgres(command, *arguments):
    db = connection.settings_dict
    environment = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    target = [
        "--host",
        db["HOST"] or "127.0.0.1",
        "--port",
        str(db["PORT"] or 5432),
        "--username",
        db["USER"],
    ]
    # Reviewed for bandit: fixed program, arguments from settings.
    result = subprocess.run(  # nosec B603
        [command, *target, *arguments], env=environment, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(f"{command} failed: {result.stderr.strip()[:2000]}")


def _database_file():
    return "database.dump" if connection.vendor == "postgresql" else "database.sqlite3"


def backup(folder):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=False)
    database = folder / _database_file()
    if connection.vendor == "postgresql":
        _postgres(
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--file",
            str(database),
            connection.settings_dict["NAME"],
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(database) as copy:
            connection.connection.backup(copy)
    media_root = _media_root()
    files = {}
    with tarfile.open(folder / MEDIA_ARCHIVE, "w:gz") as archive:
        if media_root.exists():
            for path in sorted(p for p in media_root.rglob("*") if p.is_file()):
                relative = path.relative_to(media_root).as_posix()
                files[relative] = _sha256(path)
                archive.add(path, arcname=relative)
    manifest = {
        "created_at": timezone.now().isoformat(),
        "database_engine": connection.vendor,
        "archives": {
            database.name: _sha256(database),
            MEDIA_ARCHIVE: _sha256(folder / MEDIA_ARCHIVE),
        },
        "media_files": files,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def _verified_manifest(folder):
    manifest = json.loads((folder / MANIFEST).read_text())
    if manifest["database_engine"] != connection.vendor:
        raise BackupError(
            f"this backup is of a {manifest['database_engine']} database, "
            f"the portal runs on {connection.vendor}"
        )
    for name, expected in manifest["archives"].items():
        if _sha256(folder / name) != expected:
            raise BackupError(f"{name} does not match its hash in the manifest: nothing restored")
    return manifest


def restore(folder):
    folder = Path(folder)
    manifest = _verified_manifest(folder)
    database = folder / _database_file()
    if connection.vendor == "postgresql":
        connection.close()
        _postgres(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--dbname",
            connection.settings_dict["NAME"],
            str(database),
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(database) as copy:
            copy.backup(connection.connection)
    media_root = _media_root()
    if media_root.exists():
        shutil.rmtree(media_root)
    media_root.mkdir(parents=True)
    with tarfile.open(folder / MEDIA_ARCHIVE, "r:gz") as archive:
        archive.extractall(media_root, filter="data")
    for relative, expected in manifest["media_files"].items():
        if _sha256(media_root / relative) != expected:
            raise BackupError(f"restored file {relative} does not match the manifest")
    return manifest


def default_folder():
    return Path(settings.BASE_DIR) / "var" / "backups" / timezone.now().strftime("%Y%m%d-%H%M%S")
