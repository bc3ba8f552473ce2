"""Workflows as data: a table of allowed transitions, applied by one helper.

A transition is keyed by its event name ("approve", "return"…) and says its
label, the statuses it may start from, the status it leads to, who may take it
(a predicate ``(user, obj) -> bool``) and whether a reason is required. Forms,
API choices and follow-up handlers read the same table. ``Workflow.apply``
refuses anything the table does not allow, validates, saves and leaves exactly
one audit entry holding the before/after values, the event and the reason.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from core.audit import save_with_reason


@dataclass(frozen=True)
class Transition:
    event: str
    label: Promise | str
    sources: tuple
    target: str
    allowed: Callable
    needs_reason: bool = False
    # Free-form facts the follow-ups read (e.g. {"decision": True} sends a decision letter).
    traits: dict = field(default_factory=dict)

    def __hash__(self):
        return hash(self.event)


class Workflow:
    """The transitions of one kind of object, keyed by event."""

    def __init__(self, transitions, *, field_name="status"):
        self.transitions = {t.event: t for t in transitions}
        if len(self.transitions) != len(transitions):
            raise ValueError("two transitions share an event name")
        self.field_name = field_name

    def __getitem__(self, event):
        return self.transitions[event]

    def __iter__(self):
        return iter(self.transitions.values())

    def events(self, **traits):
        """Event names whose traits match, e.g. ``events(actor="officer")``."""
        return [t.event for t in self if all(t.traits.get(k) == v for k, v in traits.items())]

    def choices(self, **traits):
        return [
            (t.event, t.label) for t in self if all(t.traits.get(k) == v for k, v in traits.items())
        ]

    def available(self, obj, user):
        current = getattr(obj, self.field_name)
        return [t for t in self if current in t.sources and t.allowed(user, obj)]

    def apply(self, obj, *, actor, event, reason="", changes=None):
        """Take ``event`` on ``obj`` if the table allows it for ``actor``; ``changes`` sets
        other fields in the same save (and the same audit entry)."""
        transition = self.transitions.get(event)
        if transition is None:
            raise TransitionNotAllowed(_("Étape inconnue : %(event)s.") % {"event": event})
        current = getattr(obj, self.field_name)
        if current not in transition.sources:
            raise TransitionNotAllowed(
                _("« %(label)s » n'est pas possible depuis le statut actuel.")
                % {"label": transition.label}
            )
        if not transition.allowed(actor, obj):
            raise PermissionDenied(_("Vous ne pouvez pas effectuer cette opération."))
        if transition.needs_reason and not reason.strip():
            raise ValidationError({"reason": _("Indiquez un motif.")})
        setattr(obj, self.field_name, transition.target)
        for name, value in (changes or {}).items():
            setattr(obj, name, value)
        obj.full_clean()
        save_with_reason(obj, actor=actor, event=transition.event, reason=reason.strip())
        return transition


class TransitionNotAllowed(ValidationError):
    pass
