"""Table exports for spreadsheet users: CSV as French spreadsheet software reads it, and XLSX."""

import csv
import io
from datetime import date, datetime

from django.http import HttpResponse
from openpyxl import Workbook

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _csv_cell(cell):
    """Semicolon-separated CSV: decimal comma, dates as dd/mm/yyyy, blanks for missing values."""
    if cell is None:
        return ""
    if isinstance(cell, float):
        return f"{cell:.2f}".replace(".", ",")
    if isinstance(cell, (date, datetime)):
        return cell.strftime("%d/%m/%Y")
    return str(cell)


def _attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(header, rows, filename):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so that spreadsheet software opens it as UTF-8
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([str(title) for title in header])
    for row in rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return _attachment(
        HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8"), filename
    )


def xlsx_response(header, rows, filename, *, sheet_title):
    book = Workbook()
    sheet = book.active
    sheet.title = str(sheet_title)
    sheet.append([str(title) for title in header])
    for row in rows:
        sheet.append(
            [
                cell if isinstance(cell, (int, float, date, type(None))) else str(cell)
                for cell in row
            ]
        )
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, (date, datetime)):
                cell.number_format = "DD/MM/YYYY"
    buffer = io.BytesIO()
    book.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE), filename)
