"""Table exports for spreadsheet users: CSV as French spreadsheet software reads it, and XLSX;
and the open-data CSV machines read (``write_open_csv``).

One way to answer an export request, ``export_respond``: up to ``EXPORT_INLINE_MAX_ROWS``
rows the file is streamed in the response (CSV row by row; XLSX written row by row by
XlsxWriter into a spooled temporary file), so neither time nor memory grows with the
table; beyond, a worker writes it into a stored file and the user is told when it is ready
(the way pretix runs its exports), so no request ever comes near the worker timeout.
"""

import csv
import io
import tempfile
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from core.registry import export_sources

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": XLSX_TYPE}

# A cell starting with one of these is read as a formula by spreadsheet software
# (OWASP "CSV injection"): text typed by a user must never run as one.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """Text as spreadsheet software will show it, never run it: a leading apostrophe before
    anything that would start a formula. Numbers and dates pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _csv_cell(cell):
    """Semicolon-separated CSV: decimal comma, dates as dd/mm/yyyy, blanks for missing values."""
    if cell is None:
        return ""
    if isinstance(cell, float | Decimal):
        return f"{cell:.2f}".replace(".", ",")
    if isinstance(cell, datetime):
        moment = timezone.localtime(cell) if timezone.is_aware(cell) else cell
        return moment.strftime("%d/%m/%Y %H:%M:%S")
    if isinstance(cell, date):
        return cell.strftime("%d/%m/%Y")
    return inert(str(cell))


class _Echo:
    """A file-like object whose ``write`` hands the line back, for streaming csv.writer."""

    def write(self, value):
        return value


def csv_lines(header, rows):
    """The CSV file line by line: UTF-8 with a byte-order mark so that spreadsheet software
    opens it as such, semicolons as French settings expect."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow([str(title) for title in header])
    for row in rows:
        yield writer.writerow([_csv_cell(cell) for cell in row])


def write_csv(header, rows, target):
    """Write the CSV into a binary file; returns the number of data rows."""
    lines = 0
    for line in csv_lines(header, rows):
        target.write(line.encode("utf-8"))
        lines += 1
    return lines - 1  # the header is not a row


def _open_cell(cell):
    """Open-data CSV (schema.data.gouv.fr conventions): ISO dates, a decimal point, « true » and
    « false », blanks for missing values; text as it is, since machines read it."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell)


def write_open_csv(header, rows, target):
    """Write an open-data CSV (UTF-8 without a byte-order mark, commas) into a binary file;
    returns the number of data rows."""
    text = io.TextIOWrapper(target, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow([str(title) for title in header])
    count = 0
    for row in rows:
        writer.writerow([_open_cell(cell) for cell in row])
        count += 1
    text.detach()
    return count


def write_xlsx(header, rows, target, *, sheet_title):
    """Write a one-sheet workbook into a binary file; returns the number of data rows."""
    return write_workbook([(sheet_title, header, rows)], target)[0]


_SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))


class Column(str):
    """A header whose numbers are shown in a format of their own (money, a percentage).

    >>> Column("Engagé (€)", MONEY).num_format
    '# ##0 "€"'
    """

    num_format: str | None

    def __new__(cls, name, num_format=None):
        column = super().__new__(cls, str(name))
        column.num_format = num_format
        return column


MONEY = '# ##0 "€"'
PERCENT = '0.0 "%"'


def write_workbook(sheets, target):
    """Write ``sheets`` (title, header, rows) into a binary file; returns the number of data
    rows of each sheet.

    XlsxWriter in constant-memory mode: each row goes to a temporary file as it is written,
    so memory does not grow with the table. Every cell is written with its type (a text is
    never taken for a formula or a link): text made inert, numbers as numbers, dates shown
    dd/mm/yyyy and times of day in Paris time."""
    import xlsxwriter  # loaded when a file is written, not with the URLs

    book = xlsxwriter.Workbook(target, {"constant_memory": True})
    formats = {
        date: book.add_format({"num_format": "dd/mm/yyyy"}),
        datetime: book.add_format({"num_format": "dd/mm/yyyy hh:mm"}),
    }
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    number_formats = {}
    counts = []
    for title, header, rows in sheets:
        sheet = book.add_worksheet(str(title).translate(_SHEET_NAME_FORBIDDEN)[:31])
        columns = {}
        for column, name in enumerate(header):
            num_format = getattr(name, "num_format", None)
            if num_format and num_format not in number_formats:
                number_formats[num_format] = book.add_format({"num_format": num_format})
            columns[column] = number_formats.get(num_format)
            # Wide enough to read the header on two lines (set before any row: constant memory).
            sheet.set_column(column, column, min(max(12, len(str(name)) // 2 + 4), 60))
            sheet.write_string(0, column, str(name), bold)
        # Ready for analysis: the header stays in view and every column can be filtered.
        sheet.freeze_panes(1, 0)
        count = 0
        for count, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                _write_cell(sheet, count, column, value, formats, columns.get(column))
        if header:
            sheet.autofilter(0, 0, count, len(header) - 1)
        counts.append(count)
    book.close()
    return counts


def _write_cell(sheet, row, column, value, formats, number_format=None):
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    elif isinstance(value, (int, float, Decimal)):
        sheet.write_number(row, column, float(value), number_format)
    elif isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value)
        sheet.write_datetime(row, column, value, formats[datetime])
    elif isinstance(value, date):
        sheet.write_datetime(row, column, value, formats[date])
    else:
        sheet.write_string(row, column, inert(str(value)))


def csv_response(header, rows, filename):
    response = StreamingHttpResponse(csv_lines(header, rows), content_type=CONTENT_TYPES["csv"])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(header, rows, filename, *, sheet_title):
    # Spooled: a small workbook stays in memory, a larger one goes to a temporary file.
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 -- FileResponse closes it
    write_xlsx(header, rows, spool, sheet_title=sheet_title)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


def export_filename(source, file_format, day):
    return f"{source.filename}-{day.isoformat()}.{file_format}"


def export_respond(request, source_key, params, file_format):
    """Answer an export request: the file itself when it is small, otherwise a stored export
    prepared by a worker (the user is sent to their exports page and told by e-mail)."""
    from core.services import export_request  # services build files with the writers above

    source = export_sources.get(source_key)
    if file_format not in CONTENT_TYPES or source is None:
        raise ValueError(f"unknown export {source_key}.{file_format}")
    if source.count(request.user, params) > settings.EXPORT_INLINE_MAX_ROWS:
        export_request(
            owner=request.user, source=source_key, params=params, file_format=file_format
        )
        messages.success(
            request,
            _(
                "L'export est volumineux : il est en préparation. Il apparaîtra ci-dessous et "
                "vous recevrez un courriel dès qu'il sera prêt."
            ),
        )
        return redirect("export_list")
    filename = export_filename(source, file_format, timezone.localdate())
    rows = source.rows(request.user, params)
    if file_format == "csv":
        return csv_response(source.header(), rows, filename)
    return xlsx_response(source.header(), rows, filename, sheet_title=source.sheet_title)
