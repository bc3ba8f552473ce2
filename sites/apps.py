from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "sites"
    label = "brownfields"  # "sites" is django.contrib.sites' label
    verbose_name = _("Sites post-métallurgiques")

    def ready(self):
        from core.registry import (
            ComputedSource,
            HomePanel,
            NavEntry,
            ReportSection,
            computed_sources,
            home_panels,
            navigation,
            report_sections,
        )
        from sites import permissions, report, selectors

        navigation.add(
            "sites", NavEntry(_("Sites"), "sites:ranking", permissions.can_view_sites, 60)
        )
        home_panels.add("sites", HomePanel("sites/home_panel.html", selectors.sites_home_panel, 50))
        report_sections.add(
            "sites",
            ReportSection(
                title=report.TITLE,
                build=report.build_section,
                template="sites/report_section.html",
                sheet=report.sheet,
                order=30,
            ),
        )
        computed_sources.add(
            "sites.tonnes_recovered",
            ComputedSource(
                label=_("tonnes de métaux récupérées sur les sites post-métallurgiques"),
                series=lambda: selectors.outcome_series("tonnes_recovered"),
            ),
        )
        computed_sources.add(
            "sites.hectares_returned",
            ComputedSource(
                label=_("hectares de friches rendus à un usage"),
                series=lambda: selectors.outcome_series("hectares_returned"),
            ),
        )
