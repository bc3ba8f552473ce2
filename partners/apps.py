from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partenaires et conventions")

    def ready(self):

        from core.registry import (
            FlagSettler,
            HomePanel,
            NavEntry,
            ReportSection,
            date_settler_field,
            flag_settlers,
            home_panels,
            navigation,
            report_sections,
        )
        from partners import permissions, report, selectors, services

        navigation.add(
            "partners",
            NavEntry(
                _("Partenariats"),
                "partners:convention_list",
                permissions.can_view_partnerships,
                85,
            ),
        )
        home_panels.add(
            "partners",
            HomePanel("partners/home_panel.html", selectors.partnerships_home_panel, 60),
        )
        report_sections.add(
            "partners",
            ReportSection(
                title=report.TITLE,
                build=report.build_section,
                template="partners/report_section.html",
                sheet=report.sheet,
                order=40,
            ),
        )
        flag_settlers.add(
            "notification-date-missing",
            FlagSettler(
                field=date_settler_field(_("Date de notification confirmée")),
                apply=lambda *, actor, subject, value: services.convention_set_notification_date(
                    actor=actor, convention=subject, notification_date=value
                ),
            ),
        )
