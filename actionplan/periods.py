"""Reporting periods: calendar quarters and their French names."""

from datetime import date, timedelta

from django.utils.translation import gettext as _


def quarter_bounds(day):
    """The calendar quarter containing ``day``."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    end = date(day.year + (first_month == 10), (first_month + 3) % 12 or 12, 1) - timedelta(days=1)
    return start, end


def previous_quarter(day):
    start, _end = quarter_bounds(day)
    return quarter_bounds(start - timedelta(days=1))


def period_label(start, end):
    quarter_start, quarter_end = quarter_bounds(start)
    if (start, end) == (quarter_start, quarter_end):
        names = [
            _("1er trimestre %(year)s"),
            _("2e trimestre %(year)s"),
            _("3e trimestre %(year)s"),
            _("4e trimestre %(year)s"),
        ]
        return names[(start.month - 1) // 3] % {"year": start.year}
    return _("du %(start)s au %(end)s") % {
        "start": start.strftime("%d/%m/%Y"),
        "end": end.strftime("%d/%m/%Y"),
    }
