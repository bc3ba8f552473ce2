"""The partnerships section of the steering report: obligations met or missed in the
quarter, meetings held, followed projects that moved."""

from datetime import timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partners.models import Convention, Meeting, ProjectUpdate
from partners.obligations import State
from partners.selectors import conventions_obligations

TITLE = gettext_lazy("Partenariats")


def build_section(period_start, period_end):
    conventions = list(Convention.objects.order_by("pk"))
    if not conventions:
        return None
    end = period_end + timedelta(days=1)
    rows = []
    obligations = conventions_obligations(conventions, today=end)
    for convention in conventions:
        due = [
            o
            for o in obligations[convention.pk]
            if o.deadline and period_start < o.deadline <= end and o.key != "end"
        ]
        rows.append(
            {
                "convention": convention.title,
                "notified": convention.notification_date is not None,
                "met": [o.label for o in due if o.state == State.MET],
                "missed": [o.label for o in due if o.state == State.MISSED],
            }
        )
    meetings = [
        {"date": m.date.isoformat(), "kind": str(m.get_kind_display()), "place": m.place}
        for m in Meeting.objects.filter(date__range=(period_start, period_end)).order_by("date")
    ]
    moves = [
        {
            "date": u.date.isoformat(),
            "project": u.project.name,
            "status": str(u.get_status_display()),
            "note": u.note,
        }
        for u in ProjectUpdate.objects.filter(date__range=(period_start, period_end))
        .select_related("project")
        .order_by("date")
    ]
    return {"conventions": rows, "meetings": meetings, "moves": moves}


def sheet(data):
    header = [_("Date"), _("Projet"), _("Statut"), _("Avancement")]
    rows = [[m["date"], m["project"], m["status"], m["note"]] for m in data.get("moves", [])]
    return _("Partenariats — projets"), header, rows
