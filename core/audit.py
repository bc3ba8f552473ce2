"""The audit trail: who changed what, when, with before/after values.

Saves and deletes of audited models are recorded automatically by
django-auditlog (actor taken from the request, or from ``acting_as`` in tasks
and commands). Events that are not a plain field change (a workflow transition
with its reason, a file download) are recorded with ``audit_event``.

auditlog listens to model signals, which ``QuerySet.update()`` and the bulk
methods bypass; audited models therefore use ``AuditedManager``, whose
querysets refuse those methods instead of silently skipping the trail.
"""

from contextlib import contextmanager

from auditlog.context import auditlog_value, set_extra_data
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import models


class UnauditedWriteError(RuntimeError):
    pass


class AuditedQuerySet(models.QuerySet):
    def _refuse(self, method):
        raise UnauditedWriteError(
            f"{self.model.__name__}.{method}() would bypass the audit trail; "
            "save each object through its service instead."
        )

    def update(self, **kwargs):
        self._refuse("update")

    def bulk_create(self, *args, **kwargs):
        self._refuse("bulk_create")

    def bulk_update(self, *args, **kwargs):
        self._refuse("bulk_update")


AuditedManager = models.Manager.from_queryset(AuditedQuerySet)


def audited(*, exclude=()):
    """Class decorator registering a model in the audit trail."""

    def register(model):
        if not isinstance(model._default_manager.get_queryset(), AuditedQuerySet):
            raise ImproperlyConfigured(f"{model.__name__} must use an AuditedManager.")
        auditlog.register(model, exclude_fields=list(exclude))
        return model

    return register


@contextmanager
def acting_as(user):
    """Attribute the audited changes made inside the block to ``user``.

    auditlog's context does not nest (the inner block leaves its own value
    behind), so the outer context, if any, is put back on exit.
    """
    outer = auditlog_value.get(None)
    context = {key: value for key, value in (outer or {}).items() if key != "signal_duid"}
    context["actor"] = user
    try:
        with set_extra_data(context):
            yield
    finally:
        if outer is not None:
            auditlog_value.set(outer)


def save_with_reason(obj, *, actor, event, reason):
    """Save ``obj`` (an ``AuditContextMixin`` model) with its audit entry naming the event and
    the reason, by ``actor``."""
    obj._audit_context = {"event": event, "reason": reason}
    try:
        with acting_as(actor):
            obj.save()
    finally:
        obj._audit_context = None


def audit_event(*, actor, obj, event, changes=None, reason="", access=False):
    """Record one event on ``obj``; ``changes`` maps a field to [before, after]."""
    return LogEntry.objects.log_create(
        obj,
        force_log=True,
        action=LogEntry.Action.ACCESS if access else LogEntry.Action.UPDATE,
        changes={
            field: [str(before), str(after)] for field, (before, after) in (changes or {}).items()
        },
        actor=actor,
        actor_email=getattr(actor, "email", None),
        additional_data={"event": event, "reason": reason},
    )


def access_key(*, actor, obj, event):
    return f"audit-access:{actor.pk}:{obj._meta.label_lower}:{obj.pk}:{event}"


def audit_access(*, actor, obj, event, reason=""):
    """Record that ``actor`` opened ``obj``, once per ``AUDIT_ACCESS_WINDOW_SECONDS`` (an hour)
    for each person and object: reading the page again within the hour costs a cache lookup,
    not a write, and the trail still says who opened what and when they first did in each hour."""
    window = settings.AUDIT_ACCESS_WINDOW_SECONDS
    if window and not cache.add(access_key(actor=actor, obj=obj, event=event), 1, window):
        return None
    return audit_event(actor=actor, obj=obj, event=event, access=True, reason=reason)


def audit_trail_for(obj):
    return LogEntry.objects.get_for_object(obj).select_related("actor")


class AuditContextMixin:
    """Lets a workflow attach its event name and reason to the automatic audit entry."""

    _audit_context = None

    def get_additional_data(self):
        return self._audit_context
