"""The sites section of the steering report: the head of the ranking and the period's campaigns."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sites import selectors
from sites.models import Site

TITLE = gettext_lazy("Sites post-métallurgiques")
TOP = 10


def build_section(period_start, period_end):
    sites = list(Site.objects.select_related("estimate"))
    if not sites:
        return None
    ranked = selectors.ranking(sites, {"value": 1}, selectors.evaluation_inputs())
    top = [
        {
            "name": row["site"].name,
            "commune": row["site"].commune,
            "net": round(row["best"].net, 2) if row["best"] else None,
            "is_demo": row["site"].is_demo,
        }
        for row in ranked
    ]
    campaigns = [
        {"date": c.started_on.isoformat(), "site": c.site.name, "kind": str(c.get_kind_display())}
        for c in selectors.campaigns_between(period_start, period_end)
    ]
    return {"site_count": len(sites), "top": top[:TOP], "ranking": top, "campaigns": campaigns}


def sheet(data):
    header = [_("Rang"), _("Site"), _("Commune"), _("Valeur nette (€)")]
    rows = [
        [rank, row["name"] + (" (démo)" if row.get("is_demo") else ""), row["commune"], row["net"]]
        for rank, row in enumerate(data.get("ranking", []), start=1)
    ]
    return _("Sites — classement"), header, rows
