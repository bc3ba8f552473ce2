"""The obligations calendar of a convention, computed from its notification date.

Pure rules, no database: ``obligations(...)`` takes the dates and returns each obligation
with its period, deadline and status. Periods are counted from the notification date:
semesters ``[N, N+6 months)``, quarters ``[N, N+3 months)``, years ``[N, N+12 months)``.

Worked example (notified 1 October 2024, today 15 April 2025, committees on 10 December
2024 and 20 March 2025, no club meeting):

- semester 1 (01/10/2024 – 31/03/2025): a committee was held → **met**;
- semester 2 (01/04/2025 – 30/09/2025): none yet, more than a month left → **upcoming**;
- year 1 (01/10/2024 – 30/09/2025): needs two committees, one per semester → in progress
  (had semester 1 passed without a committee, year 1 would already be **missed**);
- quarter 1 of the club (01/10/2024 – 31/12/2024): no club meeting → **missed**;
- the innovation hub: due 01/04/2026 → **upcoming**; the convention ends on 01/10/2027.

Without a notification date nothing is computed: every obligation says so.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext_lazy as _

DUE_SOON = timedelta(days=30)
HUB_MONTHS = 18


class State:
    MET = "met"
    DUE_SOON = "due_soon"
    MISSED = "missed"
    UPCOMING = "upcoming"
    IN_PROGRESS = "in_progress"
    ENDED = "ended"
    UNKNOWN = "unknown"  # the notification date is not entered

    LABELS = {
        MET: _("respectée"),
        DUE_SOON: _("échéance proche"),
        MISSED: _("manquée"),
        UPCOMING: _("à venir"),
        IN_PROGRESS: _("en cours"),
        ENDED: _("échue"),
        UNKNOWN: _("incalculable tant que la date de notification n'est pas saisie"),
    }


@dataclass(frozen=True)
class Obligation:
    key: str  # stable: "committee-semester-2", "club-quarter-5", "hub", "end"…
    label: str
    starts: date | None
    deadline: date | None  # the first day after the period
    state: str
    held: int = 0  # meetings counted in the period

    @property
    def state_label(self):
        return State.LABELS[self.state]

    @property
    def last_day(self):
        return self.deadline - timedelta(days=1) if self.deadline else None


def _periods(start, months, count):
    for index in range(count):
        yield (
            index + 1,
            start + relativedelta(months=months * index),
            start + relativedelta(months=months * (index + 1)),
        )


def _state(held_enough, starts, deadline, today):
    if held_enough:
        return State.MET
    if today >= deadline:
        return State.MISSED
    if today < starts:
        return State.UPCOMING
    if deadline - today <= DUE_SOON:
        return State.DUE_SOON
    return State.IN_PROGRESS


def _count(dates, starts, deadline):
    return sum(1 for day in dates if starts <= day < deadline)


def obligations(*, notification_date, duration_months, committees, clubs, hub_done_on=None, today):
    """Every obligation of the convention, in date order.

    ``committees`` and ``clubs`` are the dates of the follow-up committees and club meetings
    held; ``hub_done_on`` the day the innovation hub's deliverables were all delivered.
    """
    if notification_date is None:
        return [
            Obligation(key, str(label), None, None, State.UNKNOWN)
            for key, label in (
                ("committee", _("Comité de suivi : au moins une fois par semestre")),
                ("committee-year", _("Comité de suivi : au moins deux fois par an")),
                ("club", _("Club territorial : une réunion par trimestre")),
                ("hub", _("Pôle d'innovation mis en place dans les 18 mois")),
                ("end", _("Fin de la convention")),
            )
        ]
    start = notification_date
    end = start + relativedelta(months=duration_months)
    result = []
    for number, starts, deadline in _periods(start, 6, duration_months // 6):
        held = _count(committees, starts, deadline)
        result.append(
            Obligation(
                f"committee-semester-{number}",
                str(_("Comité de suivi du semestre %(n)s") % {"n": number}),
                starts,
                deadline,
                _state(held >= 1, starts, deadline, today),
                held,
            )
        )
    for number, starts, deadline in _periods(start, 12, duration_months // 12):
        halves = [
            (starts, starts + relativedelta(months=6)),
            (starts + relativedelta(months=6), deadline),
        ]
        per_half = [_count(committees, a, b) for a, b in halves]
        held = sum(per_half)
        # « au minimum 2 fois par an (au moins une fois par semestre) »: two in one semester
        # and none in the other do not comply, and the year is missed as soon as its first
        # semester ended without a committee (nothing held later can make up for it).
        first_missed = per_half[0] == 0 and today >= halves[0][1]
        state = (
            State.MISSED
            if first_missed
            else _state(all(n >= 1 for n in per_half), starts, deadline, today)
        )
        result.append(
            Obligation(
                f"committee-year-{number}",
                str(_("Deux comités de suivi dans l'année %(n)s, un par semestre") % {"n": number}),
                starts,
                deadline,
                state,
                held,
            )
        )
    for number, starts, deadline in _periods(start, 3, duration_months // 3):
        held = _count(clubs, starts, deadline)
        result.append(
            Obligation(
                f"club-quarter-{number}",
                str(_("Club territorial du trimestre %(n)s") % {"n": number}),
                starts,
                deadline,
                _state(held >= 1, starts, deadline, today),
                held,
            )
        )
    hub_deadline = start + relativedelta(months=HUB_MONTHS)
    result.append(
        Obligation(
            "hub",
            str(_("Pôle d'innovation mis en place (18 mois)")),
            start,
            hub_deadline,
            _state(
                hub_done_on is not None and hub_done_on < hub_deadline, start, hub_deadline, today
            ),
        )
    )
    if today >= end:
        end_state = State.ENDED
    elif end - today <= DUE_SOON * 3:  # three months to prepare what follows
        end_state = State.DUE_SOON
    else:
        end_state = State.UPCOMING
    result.append(Obligation("end", str(_("Fin de la convention")), start, end, end_state))
    return sorted(result, key=lambda o: (o.deadline, o.key))
