"""The instruction clock: how long a dossier has been with the Region, net of the time it spent
with its holder for a complement. Pure rules; the workflow's traits say when the clock starts,
pauses, resumes and stops (``ami.workflows``), the services store what ``clock_changes`` says.

Worked example: submitted on 1 March at 09:00, returned for complement on 11 March at 09:00,
completed on 21 March at 09:00, looked at on 31 March at 09:00 → 30 days since submission,
10 of them with the holder: **20 days of instruction**.

>>> from datetime import datetime, timedelta, timezone as tz
>>> day = lambda d: datetime(2026, 3, d, 9, tzinfo=tz.utc)
>>> paused = clock_changes({"pauses_clock": True}, started_at=day(1), paused_since=None,
...                        paused_total=timedelta(0), now=day(11))
>>> resumed = clock_changes({"resumes_clock": True}, started_at=day(1), paused_since=day(11),
...                         paused_total=timedelta(0), now=day(21))
>>> resumed
{'clock_paused_since': None, 'clock_paused_total': datetime.timedelta(days=10)}
>>> instruction_days(started_at=day(1), stopped_at=None, paused_since=None,
...                  paused_total=resumed["clock_paused_total"], now=day(31))
20

While the dossier is with its holder, the clock shows the days up to the return:

>>> instruction_days(started_at=day(1), stopped_at=None, paused_since=day(11),
...                  paused_total=timedelta(0), now=day(31))
10
"""

from datetime import datetime, timedelta


def clock_changes(
    traits: dict,
    *,
    started_at: datetime | None,
    paused_since: datetime | None,
    paused_total: timedelta,
    now: datetime,
) -> dict:
    """The clock fields a transition with these traits sets on the dossier."""
    changes: dict = {}
    if traits.get("starts_clock") and started_at is None:
        changes["clock_started_at"] = now
    if traits.get("pauses_clock") and paused_since is None:
        changes["clock_paused_since"] = now
    if traits.get("resumes_clock") and paused_since is not None:
        changes["clock_paused_since"] = None
        changes["clock_paused_total"] = paused_total + max(now - paused_since, timedelta(0))
    if traits.get("stops_clock"):
        if paused_since is not None:  # withdrawn while with the holder: that time is not ours
            changes["clock_paused_since"] = None
            changes["clock_paused_total"] = paused_total + max(now - paused_since, timedelta(0))
            changes["clock_stopped_at"] = paused_since
        else:
            changes["clock_stopped_at"] = now
    return changes


def instruction_days(
    *,
    started_at: datetime | None,
    stopped_at: datetime | None,
    paused_since: datetime | None,
    paused_total: timedelta,
    now: datetime,
) -> int | None:
    """Whole days the dossier has been with the Region (None before its first submission)."""
    if started_at is None:
        return None
    end = stopped_at or paused_since or now
    return max((end - started_at - paused_total).days, 0)
