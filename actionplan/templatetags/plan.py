from django import template

from actionplan.models import Status

register = template.Library()


@register.filter
def status_label(value):
    """The French label of an indicator status stored as its value (in a report's snapshot)."""
    return Status(value).label
