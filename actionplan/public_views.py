"""The plan in public: its published progress and its open data, for anyone without an account.

Every page here reads a published snapshot (``actionplan.publications``), never a live or
unapproved value; none needs JavaScript. The open-data files are the ones written with the
snapshot, served at a stable address per publication and at one for the latest.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import FileResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from actionplan import opendata
from actionplan.models import Status
from actionplan.periods import period_label
from actionplan.publications import (
    dataset_file,
    publication_get,
    publication_latest,
    publication_page,
    publication_recent,
    published_action,
    published_axis,
    published_chart,
    published_indicator,
)
from actionplan.publications import (
    status_counts as _status_counts,
)
from core.mail import absolute_url


def _number(value):
    return None if value is None else Decimal(value)


def indicator_view(entry):
    """A snapshot's indicator entry with typed values, as the public templates show it."""
    value_date = date.fromisoformat(entry["value_date"]) if entry["value_date"] else None
    estimated = set(entry.get("estimated_dates", ()))
    demo = set(entry.get("demo_dates", ()))
    return {
        **entry,
        "value": _number(entry["value"]),
        "value_date": value_date,
        "progress": _number(entry["progress"]),
        "status_label": Status(entry["status"]).label,
        "is_estimated": entry["value_date"] in estimated,
        "rows": [
            {
                "date": date.fromisoformat(day),
                "value": Decimal(value),
                "count": count,
                "estimated": day in estimated,
                "demo": day in demo,
            }
            for day, value, count in entry["series"]
        ],
    }


def _axes_overview(publication):
    return [
        {
            **axis,
            "counts": _status_counts(
                [i for action in axis["actions"] for i in action["indicators"]]
            ),
            "actions": [
                {
                    **action,
                    "indicators": [indicator_view(i) for i in action["indicators"]],
                }
                for action in axis["actions"]
            ],
        }
        for axis in publication.snapshot["axes"]
    ]


def _nothing_published(request):
    return render(request, "actionplan/public/nothing_published.html", status=200)


@require_safe
def progress_home(request):
    publication = publication_latest()
    if publication is None:
        return _nothing_published(request)
    return render(
        request,
        "actionplan/public/progress.html",
        {
            "publication": publication,
            "axes": _axes_overview(publication),
            "counts": _status_counts(publication.indicators()),
        },
    )


@require_safe
def axis_detail(request, code):
    publication = publication_latest()
    if publication is None:
        return _nothing_published(request)
    published_axis(publication, code)  # 404 for an axis the publication does not have
    axis = next(a for a in _axes_overview(publication) if a["code"] == code)
    return render(
        request, "actionplan/public/axis.html", {"publication": publication, "axis": axis}
    )


@require_safe
def action_detail(request, code):
    publication = publication_latest()
    if publication is None:
        return _nothing_published(request)
    found = published_action(publication, code)
    return render(
        request,
        "actionplan/public/action.html",
        {
            "publication": publication,
            "axis": found["axis"],
            "action": found["action"],
            "indicators": [indicator_view(i) for i in found["action"]["indicators"]],
        },
    )


def _indicator_context(publication, code):
    found = published_indicator(publication, code)
    return {
        "publication": publication,
        "axis": found["axis"],
        "action": found["action"],
        "indicator": indicator_view(found["indicator"]),
        "chart": published_chart(publication, found["indicator"]),
    }


@require_safe
def indicator_detail(request, code):
    publication = publication_latest()
    if publication is None:
        return _nothing_published(request)
    context = _indicator_context(publication, code)
    context["embed_url"] = absolute_url("public:indicator_embed", code=code)
    return render(request, "actionplan/public/indicator.html", context)


@xframe_options_exempt
@require_safe
def indicator_embed(request, code):
    """The indicator's chart alone, for an <iframe> on another site (its frame-ancestors a
    setting)."""
    publication = publication_latest()
    if publication is None:
        return _nothing_published(request)
    response = render(
        request, "actionplan/public/embed.html", _indicator_context(publication, code)
    )
    response._csp_replace = {"frame-ancestors": settings.PUBLIC_EMBED_FRAME_ANCESTORS}
    return response


@require_safe
def publication_list(request):
    page = publication_page(request.GET.get("page"))
    for report in page.object_list:
        report.label = period_label(report.period_start, report.period_end)
    return render(request, "actionplan/public/publication_list.html", {"page": page})


@require_safe
def publication_detail(request, pk):
    publication = publication_get(pk)
    latest = publication_latest()
    ami = publication.snapshot.get("sections", {}).get("ami") or {}
    return render(
        request,
        "actionplan/public/publication_detail.html",
        {
            "publication": publication,
            "is_latest": latest is not None and latest.pk == publication.pk,
            "counts": _status_counts(publication.indicators()),
            "axes": _axes_overview(publication),
            # Counts per phase only, never the section's list of retained dossiers: the calls
            # promise the confidentiality of everything submitted.
            "ami_rows": [
                {
                    "call": row["call"],
                    "phase": row["phase"],
                    "submitted_total": row["submitted_total"],
                    "in_instruction": row["in_instruction"],
                    "decided": row["decided"],
                }
                for row in ami.get("phases", [])
            ],
        },
    )


@require_safe
def opendata_page(request):
    return render(
        request,
        "actionplan/public/opendata.html",
        {"publication": publication_latest(), "licence": opendata.LICENCE},
    )


@require_safe
def opendata_schema(request):
    schema = opendata.table_schema(
        homepage=absolute_url("public:opendata"), path=absolute_url("public:opendata_schema")
    )
    return JsonResponse(schema, json_dumps_params={"ensure_ascii": False, "indent": 2})


@require_safe
def opendata_file(request, file_format, pk=None):
    report, stored = dataset_file(pk, file_format)
    suffix = f"{report.pk}" if pk is not None else "dernier"
    response = FileResponse(
        stored.open("rb"),
        filename=f"indicateurs-industrie-circulaire-{suffix}.{file_format}",
        content_type="text/csv; charset=utf-8"
        if file_format == "csv"
        else "application/json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


class PublicationFeed(Feed):
    """An Atom feed of the publications: a new quarter, or a correction of one."""

    feed_type = Atom1Feed
    title = gettext_lazy("Plan d'actions pour l'industrie circulaire — publications")
    subtitle = gettext_lazy(
        "Les bilans trimestriels publiés par la Région Hauts-de-France et leurs données ouvertes."
    )

    def link(self):
        return reverse("public:publication_list")

    def items(self):
        return publication_recent()

    def item_title(self, item):
        label = period_label(item.period_start, item.period_end)
        if item.corrects_id:
            return _("%(label)s — version %(version)s (correction)") % {
                "label": label,
                "version": item.version,
            }
        return _("%(label)s — version %(version)s") % {"label": label, "version": item.version}

    def item_description(self, item):
        if item.correction_note:
            return _("Corrige la version %(version)s : %(note)s") % {
                "version": item.corrects.version,
                "note": item.correction_note,
            }
        return _("Bilan publié après son examen par le comité de pilotage.")

    def item_link(self, item):
        return reverse("public:publication_detail", args=[item.pk])

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at
