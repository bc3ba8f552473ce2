"""The officers' export of the dossiers, registered with ``core.registry.export_sources``:
the rows an officer may read, with the list's filters, read in chunks of the columns shown."""

from django.db.models import Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ami import selectors
from ami.models import DossierStatus
from ami.permissions import can_list_dossiers
from core.exports import MONEY, Column
from core.registry import ExportSource


def header():
    return [
        _("Référence"),
        _("Appel"),
        _("Phase"),
        _("Organisation"),
        _("Type de structure"),
        _("SIRET, SIREN ou RNA"),
        _("Titre"),
        _("Département"),
        _("Statut"),
        _("Déposé le"),
        _("Agent instructeur"),
        _("Note consolidée (sur 5)"),
        Column(_("Dépenses (€)"), MONEY),
        Column(_("Ressources (€)"), MONEY),
        _("Décidé le"),
        _("Motif de la décision"),
    ]


def dossiers(user, filters):
    """The submitted dossiers the user may read, filtered as on the list."""
    return selectors.dossier_filter(
        selectors.dossier_list_for_user(user), user=user, **filters
    ).exclude(status=DossierStatus.DRAFT)


def rows(user, filters):
    queryset = (
        dossiers(user, filters)
        .select_related("phase__call", "organisation", "instructor")
        .only(
            "reference",
            "title",
            "territory",
            "status",
            "submitted_at",
            "phase__title",
            "phase__call__short_title",
            "organisation__name",
            "organisation__kind",
            "organisation__identifier",
            "instructor__full_name",
            "consolidated_score",
            "decided_at",
            "decision_reason",
        )
        .annotate(
            expenses=Sum("financing_lines__amount", filter=Q(financing_lines__kind="expense")),
            resources=Sum("financing_lines__amount", filter=Q(financing_lines__kind="resource")),
        )
        .order_by("-submitted_at", "pk")
    )
    for d in queryset.iterator(chunk_size=2000):
        yield [
            d.reference,
            d.phase.call.short_title,
            d.phase.title,
            d.organisation.name,
            d.organisation.get_kind_display(),
            d.organisation.identifier,
            d.title,
            d.get_territory_display(),
            d.get_status_display(),
            d.submitted_at,  # a date-time cell in the workbook, Paris time in the CSV
            d.instructor.full_name if d.instructor else "",
            d.consolidated_score,
            d.expenses,
            d.resources,
            d.decided_at,
            d.decision_reason,
        ]


def count(user, filters):
    return dossiers(user, filters).count()


DOSSIERS = ExportSource(
    label=gettext_lazy("Dossiers AMI"),
    header=header,
    rows=rows,
    count=count,
    allowed=can_list_dossiers,
    filename="dossiers-ami",
    sheet_title=gettext_lazy("Dossiers"),
)
