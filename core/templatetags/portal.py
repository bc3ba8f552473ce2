"""Number, money and percentage formats for pages and reports (French by default)."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


def format_number(value, decimals=None):
    if value is None or value == "":
        return "—"
    value = Decimal(value)
    if decimals is None:
        decimals = 0 if value == value.to_integral_value() else 2
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def format_money(value):
    if value is None:
        return "—"
    value = Decimal(value)
    if abs(value) >= 1_000_000:
        return _("%(amount)s M€") % {
            "amount": format_number(value / 1_000_000, 1 if value % 1_000_000 else 0)
        }
    return _("%(amount)s €") % {"amount": format_number(value, 0)}


def format_percent(ratio):
    if ratio is None:
        return "—"
    return _("%(value)s %%") % {"value": format_number(Decimal(ratio) * 100, 0)}


@register.filter
def number(value, decimals=None):
    return format_number(value, decimals)


@register.filter
def money(value):
    return format_money(value)


@register.filter
def percent(ratio):
    return format_percent(ratio)


@register.filter
def quantity(value, unit):
    """A value with its unit: money as money, the rest as « 27 500 emplois »."""
    if unit == "€":
        return format_money(value)
    if unit == "%":
        return _("%(value)s %%") % {"value": format_number(value)}
    if not unit:
        return format_number(value)
    return f"{format_number(value)} {unit}"


@register.filter
def short_date(value):
    """A date, or an ISO date string from a stored snapshot, in the active language's short format."""
    from datetime import date as date_type

    from django.utils.formats import date_format

    if not value:
        return "—"
    if isinstance(value, str):
        value = date_type.fromisoformat(value[:10])
    return date_format(value, "SHORT_DATE_FORMAT")


@register.filter
def status_label(value):
    from actionplan.models import Status

    return Status(value).label


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.simple_tag
def pdf_static(path):
    """A static file for the PDF renderer, which reads it from the static files themselves
    (see core.pdf), so it needs no hashed name from the manifest."""
    from django.conf import settings

    return f"{settings.STATIC_URL}{path}"
