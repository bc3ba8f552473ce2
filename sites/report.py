"""The sites section of the steering report: the head of the ranking and the period's campaigns."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exports import MONEY, Column
from sites import selectors
from sites.models import Site

TITLE = gettext_lazy("Sites post-métallurgiques")
TOP = 10


def build_section(period_start, period_end):
    sites = selectors.ranked(Site.objects.all(), {"value": 1}).values(
        "name", "commune", "is_demo", "estimate__net", "estimate__valued_at"
    )
    ranking = [
        {
            "name": row["name"],
            "commune": row["commune"],
            "net": round(row["estimate__net"], 2) if row["estimate__valued_at"] else None,
            "is_demo": row["is_demo"],
        }
        for row in sites
    ]
    if not ranking:
        return None
    campaigns = [
        {"date": c.started_on.isoformat(), "site": c.site.name, "kind": str(c.get_kind_display())}
        for c in selectors.campaigns_between(period_start, period_end)
    ]
    return {
        "site_count": len(ranking),
        "top": ranking[:TOP],
        "ranking": ranking,
        "campaigns": campaigns,
    }


def sheet(data):
    header = [
        _("Rang"),
        _("Site"),
        _("Commune"),
        Column(_("Valeur nette (€)"), MONEY),
        _("Donnée de démonstration"),
    ]
    rows = [
        # The demo mark in a column of its own: a demo site's name may say so already.
        [rank, row["name"], row["commune"], row["net"], bool(row.get("is_demo"))]
        for rank, row in enumerate(data.get("ranking", []), start=1)
    ]
    return _("Sites — classement"), header, rows
