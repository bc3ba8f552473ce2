"""The main navigation: each entry shows only to users its predicate admits."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from actionplan import permissions as plan_permissions
from ami import permissions as ami_permissions
from partners import permissions as partner_permissions


@dataclass(frozen=True)
class NavEntry:
    label: Promise
    url_name: str
    visible_to: Callable


ENTRIES = [
    NavEntry(_("Accueil"), "home", lambda user: user.is_authenticated),
    NavEntry(_("Appels à projets"), "ami:call_list", lambda user: True),
    NavEntry(_("Mes dossiers"), "ami:my_dossiers", partner_permissions.is_holder),
    NavEntry(_("Dossiers AMI"), "ami:dossier_list", ami_permissions.can_list_dossiers),
    NavEntry(_("Plan d'actions"), "actionplan:dashboard", plan_permissions.can_view_plan),
    NavEntry(_("Mesures à approuver"), "actionplan:review_queue", partner_permissions.is_officer),
    NavEntry(_("Financements"), "actionplan:funding", plan_permissions.can_view_funding),
    NavEntry(_("Rapports"), "actionplan:report_list", plan_permissions.can_view_reports),
    NavEntry(_("Points à confirmer"), "data_flags", partner_permissions.is_officer),
    NavEntry(
        _("Organisations"), "partners:organisation_list", partner_permissions.can_view_organisations
    ),
    NavEntry(_("Administration"), "admin:index", partner_permissions.can_use_admin_site),
]


def entries_for(user, current_path):
    visible = [
        {"label": entry.label, "url": reverse(entry.url_name), "current": False}
        for entry in ENTRIES
        if entry.visible_to(user)
    ]
    # The entry whose address is the longest prefix of the page's is the current one
    # (/ami/dossiers/ belongs to "Dossiers AMI", not to the calls at /ami/).
    matches = [
        e
        for e in visible
        if current_path == e["url"] or (e["url"] != "/" and current_path.startswith(e["url"]))
    ]
    if matches:
        max(matches, key=lambda e: len(e["url"]))["current"] = True
    return visible
