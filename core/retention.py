"""Personal data kept no longer than needed: the periods are settings, the rules come from
the apps (``core.registry.retention_rules``), this service applies them every night.

For each rule with objects, an object whose period ends within ``RETENTION_WARNING_DAYS`` is
announced once to the people it concerns (an e-mail through the outbox); once its period is
over *and* the notice is at least that old, it is deleted or anonymised by the rule. An object
that became active again (a draft saved, an account signed in) leaves the rule and its notice
is dropped. Bulk rules (logs) are purged without notice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from auditlog.models import LogEntry
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.models import RetentionNotice
from core.outbox import outbox_enqueue
from core.registry import retention_rules


def retention_period_days(rule) -> int:
    return getattr(settings, rule.days_setting)


def retention_apply(*, now: datetime | None = None) -> dict[str, dict[str, int]]:
    """Warn, then purge, for every rule; returns what was done per rule."""
    now = now or timezone.now()
    warning = timedelta(days=settings.RETENTION_WARNING_DAYS)
    done = {}
    for name, rule in retention_rules.items():
        cutoff = now - timedelta(days=retention_period_days(rule))
        if rule.purge_before is not None:
            done[name] = {"purged": rule.purge_before(cutoff)}
            continue
        done[name] = _apply_rule(name, rule, now=now, cutoff=cutoff, warning=warning)
    return done


def _apply_rule(name, rule, *, now, cutoff, warning):
    soon = list(rule.expired(cutoff + warning))
    keys = {str(obj.pk) for obj in soon}
    over = {str(obj.pk) for obj in rule.expired(cutoff)}
    # Back in use since it was announced: nothing will be deleted, the notice goes.
    RetentionNotice.objects.filter(rule=name).exclude(object_id__in=keys).delete()
    notices = {
        notice.object_id: notice
        for notice in RetentionNotice.objects.filter(rule=name, object_id__in=keys)
    }
    warned = purged = 0
    for obj in soon:
        key = str(obj.pk)
        notice = notices.get(key)
        if notice is None:
            _warn(name, rule, obj, now=now, deleted_on=now + warning)
            warned += 1
        elif key in over and notice.warned_at <= now - warning:
            with transaction.atomic():
                rule.purge(obj)
                notice.delete()
            purged += 1
    return {"warned": warned, "purged": purged}


@transaction.atomic
def _warn(name, rule, obj, *, now, deleted_on):
    RetentionNotice.objects.create(rule=name, object_id=str(obj.pk), warned_at=now)
    recipients = rule.recipients(obj)
    if recipients:
        outbox_enqueue(
            "core.retention_warning",
            to=recipients,
            rule=name,
            what=rule.describe(obj),
            deleted_on=timezone.localdate(deleted_on).isoformat(),
        )


def access_logs_purge_before(cutoff: datetime) -> int:
    """Who opened what, and the sign-in attempts: kept ``RETENTION_SECURITY_LOG_DAYS``. The
    trail of changes is not a log of this kind: it is the evidence of each record, kept with it."""
    deleted = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, timestamp__lt=cutoff).delete()[
        0
    ]
    deleted += AccessLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    deleted += AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    deleted += AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()[0]
    return deleted
