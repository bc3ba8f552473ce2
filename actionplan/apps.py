from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionplanConfig(AppConfig):
    name = "actionplan"
    verbose_name = _("Plan d'actions")

    def ready(self):

        from accounts.permissions import is_officer
        from actionplan import permissions, publications, selectors, services
        from core.registry import (
            FlagSettler,
            HomePanel,
            NavEntry,
            OpenDataset,
            date_settler_field,
            flag_settlers,
            home_panels,
            navigation,
            open_datasets,
            public_panels,
        )

        def everyone(user):
            return True

        def without_the_plan(user):
            # Whoever reads the dashboard has the live figures one entry
            # away; the busiest roles' bar must hold on one line.
            return not permissions.can_view_plan(user)

        for key, entry in {
            "progress": NavEntry(_("Avancement du plan"), "public:progress", without_the_plan, 5),
            "progress_footer": NavEntry(
                _("Avancement du plan"), "public:progress", everyone, 5, place="footer"
            ),
            "opendata": NavEntry(
                _("Données ouvertes"), "public:opendata", everyone, 10, place="footer"
            ),
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
        public_panels.add(
            "progress",
            HomePanel("actionplan/public/panel.html", publications.progress_panel, 10),
        )
        open_datasets.add(
            "actionplan.indicators",
            OpenDataset(
                dcat=publications.indicators_dcat,
                links=(
                    (
                        _("Les indicateurs du dernier bilan publié (CSV)"),
                        "public:opendata_csv",
                        "/donnees/indicateurs.csv",
                    ),
                    (_("Les mêmes en JSON"), "public:opendata_json", "/donnees/indicateurs.json"),
                    (
                        _("Leur schéma (Table Schema)"),
                        "public:opendata_schema",
                        "/donnees/schema.json",
                    ),
                    (
                        _("Le flux Atom des publications"),
                        "public:publication_feed",
                        "/avancement/publications.atom",
                    ),
                ),
            ),
        )
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
