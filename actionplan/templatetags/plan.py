from datetime import date

from django import template
from django.utils.translation import gettext as _

from actionplan.models import Status
from core.templatetags.portal import format_percent

register = template.Library()


@register.filter
def status_label(value):
    """The French label of an indicator status stored as its value (in a report's snapshot)."""
    return Status(value).label


@register.filter
def chance(probability):
    """A forecast's probability as a committee reads it: never « 0 % » or « 100 % », which a
    trend cannot promise.

    >>> str(chance(0.004)), str(chance(0.72)), str(chance(0.999))
    ('moins de 1 %', '72 %', 'plus de 99 %')
    """
    if probability is None:
        return "—"
    if probability < 0.01:
        return _("moins de 1 %")
    if probability > 0.99:
        return _("plus de 99 %")
    return format_percent(probability)


@register.filter
def on_day(iso_date):
    """A date stored as ISO text in a forecast or a snapshot, as a date for ``|date``."""
    return date.fromisoformat(iso_date) if iso_date else None
