"""Tabular imports (CSV or XLSX): one way to receive a file, whichever app reads it.

An app keeps its own batch model (what a row means is its business) with the fields every
import has — ``file``, ``original_name``, ``uploaded_by``, ``state``, ``rows``, ``errors`` — and
its own parser, ``parse(upload) -> ParseResult``. This module does the rest the same way for
all of them:

- the upload is checked **before it is read**: its size (``IMPORT_MAX_BYTES``) and its kind;
- a small file is parsed in the request and previewed at once; past
  ``IMPORT_INLINE_MAX_ROWS`` rows (counted without parsing) the batch is stored « en attente »
  and a worker parses it through the outbox (``import_parse_stored``), so that no request
  comes near gunicorn's 30-second timeout whatever the file; the page follows its state;
- a rejected file is not kept: only its errors are (line, column, message);
- nothing is saved from a file before its preview is confirmed; a large confirmed file is
  written by a worker too (« Import en cours »), all its rows or none.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models, transaction
from django.http import JsonResponse
from django.utils.translation import gettext as _

from core.models import ImportState
from core.outbox import outbox_enqueue

KINDS = (".csv", ".xlsx")
# A worker has the file: the page follows it.
WAITING = (ImportState.QUEUED, ImportState.PARSING, ImportState.IMPORTING)


@dataclass
class ParseResult:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def line_error(line: int | None, column: str | None, message: Any) -> dict:
    """One error, as every import reports it: the file's line (1 is the header), the column."""
    return {"line": line, "column": column, "message": str(message)}


def decimal_from_text(raw: str) -> Decimal | None:
    """A number as people type it: decimal comma, spaces as thousands separators.

    >>> decimal_from_text("1 234,5")
    Decimal('1234.5')
    >>> decimal_from_text("beaucoup") is None, decimal_from_text("NaN") is None
    (True, True)
    """
    cleaned = raw.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _decoded(content: bytes) -> str:
    """The text of a CSV file, or a ValueError saying it is not one (a binary file renamed)."""
    not_text = ValueError(
        _(
            "Ce fichier n'est pas un texte CSV (son contenu est binaire) : enregistrez-le au "
            "format CSV (séparateur point-virgule) ou XLSX depuis votre tableur."
        )
    )
    if b"\x00" in content[:65536]:
        raise not_text
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Control characters other than tabs and line ends do not occur in a table.
        if any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text[:65536]):
            raise not_text
        return text
    raise not_text


def read_table(upload: Any) -> Any:
    """The file as a DataFrame of strings (header lower-cased), or a ValueError with a message
    a person can act on. CSV: UTF-8 or Windows-1252, separator ``;``, ``,`` or tab."""
    import pandas as pd  # heavy: loaded when a file comes in

    name = upload.name.lower()
    upload.seek(0)
    content = upload.read()
    if name.endswith(".xlsx"):
        try:
            frame = pd.read_excel(
                io.BytesIO(content), dtype=str, keep_default_na=False, engine="openpyxl"
            )
        except Exception as error:  # openpyxl raises many types for a broken file
            raise ValueError(
                _("Le fichier XLSX ne peut pas être lu : %(error)s") % {"error": error}
            ) from error
    elif name.endswith(".csv"):
        text = _decoded(content)
        try:
            dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else "", delimiters=";,\t")
            separator = dialect.delimiter
        except csv.Error:
            separator = ";"
        try:
            frame = pd.read_csv(io.StringIO(text), sep=separator, dtype=str, keep_default_na=False)
        except pd.errors.ParserError as error:
            match = re.search(r"line (\d+)", str(error))
            raise ValueError(
                _("Ligne %(line)s : le nombre de colonnes ne correspond pas à l'en-tête.")
                % {"line": match.group(1) if match else "?"}
            ) from error
        except pd.errors.EmptyDataError as error:
            raise ValueError(_("Le fichier est vide.")) from error
    else:
        raise ValueError(_("Le fichier doit être au format CSV ou XLSX."))
    frame.columns = [str(column).strip().lower() for column in frame.columns]
    return frame


def missing_columns(frame: Any, required: list[str]) -> list[dict]:
    """An error on the header for each required column it lacks."""
    return [
        line_error(1, column, _("Colonne obligatoire absente de l'en-tête."))
        for column in required
        if column not in frame.columns
    ]


class Batch(Protocol):
    pk: Any
    file: Any
    original_name: str
    state: str
    rows: list
    errors: list

    def save(self, *args: Any, **kwargs: Any) -> None: ...


def upload_check(upload: Any) -> None:
    """Refuse, before reading a byte, a file too large or of another kind (ValidationError on
    the ``file`` field)."""
    name = (upload.name or "").lower()
    if not name.endswith(KINDS):
        raise ValidationError({"file": _("Le fichier doit être au format CSV ou XLSX.")})
    limit = settings.IMPORT_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            {
                "file": _(
                    "Ce fichier pèse %(size)s Mo : au plus %(limit)s Mo par import. "
                    "Découpez-le en plusieurs fichiers."
                )
                % {"size": round(upload.size / 1_000_000, 1), "limit": limit // 1_000_000}
            }
        )


def estimated_rows(upload: Any) -> int:
    """How many data rows the file holds, without parsing it: its lines for a CSV, the
    sheet's declared dimension for an XLSX (read from the archive, not the cells)."""
    upload.seek(0)
    try:
        if upload.name.lower().endswith(".csv"):
            lines = 0
            for chunk in iter(lambda: upload.read(1 << 20), b""):
                lines += chunk.count(b"\n")
            return max(lines - 1, 0)
        from openpyxl import load_workbook  # heavy: loaded when a file comes in

        try:
            workbook = load_workbook(io.BytesIO(upload.read()), read_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError):
            return 0  # unreadable: the parser says why, at once
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        rows = (sheet.max_row or 0) if sheet is not None else 0
        workbook.close()
        return max(rows - 1, 0)
    finally:
        upload.seek(0)


@transaction.atomic
def import_receive(
    *, batch: Batch, upload: Any, parse: Callable[[Any], ParseResult], parse_kind: str
) -> Batch:
    """Receive ``upload`` into the unsaved ``batch``: parsed now when small, else stored for a
    worker (the outbox message ``parse_kind`` with ``batch_pk``)."""
    upload_check(upload)
    batch.original_name = upload.name[:255]
    if estimated_rows(upload) > settings.IMPORT_INLINE_MAX_ROWS:
        batch.file = upload
        batch.state = ImportState.QUEUED
        batch.save()
        outbox_enqueue(parse_kind, batch_pk=batch.pk)
        return batch
    _store_result(batch, parse(upload), upload=upload)
    return batch


def _store_result(batch: Batch, result: ParseResult, *, upload: Any = None) -> None:
    batch.rows, batch.errors = result.rows, result.errors
    if result.ok:
        batch.state = ImportState.PREVIEW
        if upload is not None:
            upload.seek(0)
            batch.file = upload
    else:
        batch.state = ImportState.REJECTED
        if batch.file:
            batch.file.delete(save=False)  # a rejected file is not kept, only its errors
        batch.file = ""
    batch.save()


def named_file(file: Any, name: str) -> Any:
    """A stored file read under the name it was uploaded with (its kind is in the name); the
    stored file's own name is left as it is (it says where the file lies)."""
    return File(file, name=name)


def import_parse_stored(
    *, model: type[models.Model], batch_pk: Any, parse: Callable[[Any, Any], ParseResult]
) -> bool:
    """A worker's part: take the waiting batch, parse its stored file, keep the preview or the
    errors. ``parse(batch, file)``. Idempotent: a batch already parsed is left alone; one
    still « en cours » is taken again (its worker may have died: delivery is at least once,
    and two parses of one file give the same result). Returns whether this call parsed it."""
    claimed = model.objects.filter(
        pk=batch_pk, state__in=[ImportState.QUEUED, ImportState.PARSING]
    ).update(state=ImportState.PARSING)
    if not claimed:
        return False
    batch = model.objects.get(pk=batch_pk)
    try:
        with batch.file.open("rb") as stored:
            result = parse(batch, stored)
    except Exception:
        # Retried by the task; a parse that finished meanwhile keeps its result.
        model.objects.filter(pk=batch_pk, state=ImportState.PARSING).update(
            state=ImportState.QUEUED
        )
        raise
    _store_result(batch, result)
    return True


@transaction.atomic
def import_confirm(
    *, batch: Batch, actor: Any, write: Callable[[Any], int], confirm_kind: str
) -> Batch:
    """Confirm a previewed batch for its uploader: ``write(batch)`` saves its rows (all or
    none) and returns how many; past ``IMPORT_INLINE_MAX_ROWS`` rows a worker does it (the
    outbox message ``confirm_kind``) and the batch says « Import en cours » meanwhile."""
    if batch.uploaded_by_id != actor.pk or batch.state != ImportState.PREVIEW:
        raise ValidationError(_("Ce fichier n'est plus importable : déposez-le à nouveau."))
    if len(batch.rows) > settings.IMPORT_INLINE_MAX_ROWS:
        batch.state = ImportState.IMPORTING
        batch.save()
        outbox_enqueue(confirm_kind, batch_pk=batch.pk)
        return batch
    _write_rows(batch, write)
    return batch


def import_confirm_stored(
    *, model: type[models.Model], batch_pk: Any, write: Callable[[Any], int]
) -> bool:
    """A worker's part of a large confirmation; idempotent (a batch already imported is left
    alone). Returns whether this call wrote the rows."""
    with transaction.atomic():
        batch = (
            model.objects.select_for_update()
            .filter(pk=batch_pk, state=ImportState.IMPORTING)
            .first()
        )
        if batch is None:
            return False
        _write_rows(batch, write)
    return True


def _write_rows(batch: Any, write: Callable[[Any], int]) -> None:
    batch.imported_count = write(batch)
    batch.state = ImportState.IMPORTED
    batch.save()


def import_state_json(batch: Batch) -> JsonResponse:
    """What the preview page polls while a worker parses the file (static/js/import-progress.js)."""
    return JsonResponse(
        {
            "state": batch.state,
            "state_label": str(ImportState(batch.state).label),
            "waiting": batch.state in WAITING,
        }
    )
