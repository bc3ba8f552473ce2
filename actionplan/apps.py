from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionplanConfig(AppConfig):
    name = "actionplan"
    verbose_name = _("Plan d'actions")

    def ready(self):

        from accounts.permissions import is_officer
        from actionplan import permissions, selectors, services
        from core.registry import (
            FlagSettler,
            HomePanel,
            NavEntry,
            date_settler_field,
            flag_settlers,
            home_panels,
            navigation,
        )

        for key, entry in {
            "plan": NavEntry(
                _("Plan d'actions"), "actionplan:dashboard", permissions.can_view_plan, 40
            ),
            "review": NavEntry(_("Mesures à approuver"), "actionplan:review_queue", is_officer, 45),
            "funding": NavEntry(
                _("Financements"), "actionplan:funding", permissions.can_view_funding, 50
            ),
            "reports": NavEntry(
                _("Rapports"), "actionplan:report_list", permissions.can_view_reports, 55
            ),
        }.items():
            navigation.add(key, entry)
        home_panels.add(
            "plan", HomePanel("actionplan/home_plan.html", selectors.plan_home_panel, 10)
        )
        home_panels.add(
            "reports", HomePanel("actionplan/home_reports.html", selectors.reports_home_panel, 30)
        )
        flag_settlers.add(
            "plan-start-missing",
            FlagSettler(
                field=date_settler_field(_("Date de début du plan confirmée")),
                apply=lambda *, actor, subject, value: services.plan_start_set(
                    actor=actor, start_date=value
                ),
            ),
        )
