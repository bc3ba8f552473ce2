"""Workflows as data: a table of allowed transitions, applied by one helper.

Each transition says from which status to which, its name, who may take it
(a predicate ``(user, obj) -> bool``) and whether a reason is required. The
helper refuses anything not in the table, validates, saves and leaves exactly
one audit entry holding the before/after values, the event and the reason.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from core.audit import acting_as


@dataclass(frozen=True)
class Transition:
    name: str
    source: str
    target: str
    allowed: Callable
    needs_reason: bool = False


class TransitionNotAllowed(ValidationError):
    pass


def available_transitions(table, obj, user, field="status"):
    current = getattr(obj, field)
    return [t for t in table if t.source == current and t.allowed(user, obj)]


def apply_transition(table, obj, *, actor, target, reason="", field="status", changes=None):
    """Move ``obj`` to ``target`` if the table allows it for ``actor``; ``changes`` sets other fields too."""
    current = getattr(obj, field)
    candidates = [t for t in table if t.source == current and t.target == target]
    if not candidates:
        raise TransitionNotAllowed(
            _("Passage de « %(source)s » à « %(target)s » non prévu.")
            % {"source": current, "target": target}
        )
    transition = candidates[0]
    if not transition.allowed(actor, obj):
        raise PermissionDenied(_("Vous ne pouvez pas effectuer cette opération."))
    if transition.needs_reason and not reason.strip():
        raise ValidationError({"reason": _("Indiquez un motif.")})
    setattr(obj, field, target)
    for name, value in (changes or {}).items():
        setattr(obj, name, value)
    obj.full_clean()
    obj._audit_context = {"event": transition.name, "reason": reason.strip()}
    try:
        with acting_as(actor):
            obj.save()
    finally:
        obj._audit_context = None
    return transition
