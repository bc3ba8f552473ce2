from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmiConfig(AppConfig):
    name = "ami"
    verbose_name = _("Appels à manifestation d'intérêt")

    def ready(self):
        from accounts.permissions import is_holder
        from ami import exports, permissions, report, selectors, services, sources
        from core.registry import (
            FlagSettler,
            HomePanel,
            NavEntry,
            PersonalData,
            ReportSection,
            RetentionRule,
            computed_sources,
            date_settler_field,
            export_sources,
            flag_settlers,
            home_panels,
            navigation,
            personal_data,
            public_panels,
            report_sections,
            retention_rules,
        )

        navigation.add(
            "ami_calls",
            NavEntry(_("Appels (AMI)"), "ami:call_list", lambda u: True, 10),
        )
        public_panels.add(
            "calls", HomePanel("ami/public_panel.html", selectors.calls_public_panel, 20)
        )
        navigation.add("ami_mine", NavEntry(_("Mes dossiers"), "ami:my_dossiers", is_holder, 20))
        navigation.add(
            "ami_dossiers",
            NavEntry(_("Dossiers AMI"), "ami:dossier_list", permissions.can_list_dossiers, 30),
        )
        # Points à confirmer about a call's dates settle them when confirmed with the date.
        flag_settlers.add(
            "enforceable-date-missing",
            FlagSettler(
                field=date_settler_field(
                    _("Date à laquelle la délibération est devenue exécutoire")
                ),
                apply=lambda *, actor, subject, value: services.call_set_enforceable_date(
                    actor=actor, call=subject, enforceable_on=value
                ),
            ),
        )
        flag_settlers.add(
            "impossible-date",
            FlagSettler(
                field=date_settler_field(
                    _("Date limite confirmée (réponses attendues avant ce jour)")
                ),
                apply=lambda *, actor, subject, value: services.phase_set_dates(
                    actor=actor, phase=subject, closes_on=value
                ),
            ),
        )
        flag_settlers.add(
            "opening-missing",
            FlagSettler(
                field=date_settler_field(_("Date d'ouverture confirmée")),
                apply=lambda *, actor, subject, value: services.phase_set_dates(
                    actor=actor, phase=subject, opens_on=value
                ),
            ),
        )
        home_panels.add(
            "ami_holder", HomePanel("ami/home_holder.html", selectors.holder_home_panel, 20)
        )
        home_panels.add(
            "ami_expert", HomePanel("ami/home_expert.html", selectors.expert_home_panel, 20)
        )
        home_panels.add(
            "ami_officer", HomePanel("ami/home_officer.html", selectors.officer_home_panel, 25)
        )
        report_sections.add(
            "ami",
            ReportSection(
                title=report.TITLE,
                build=report.build_section,
                template="ami/report_section.html",
                sheet=report.sheet,
                order=20,
            ),
        )
        export_sources.add("ami.dossiers", exports.DOSSIERS)
        for key, source in sources.computed_sources().items():
            computed_sources.add(key, source)
        personal_data.add(
            "ami",
            PersonalData(
                _("Dossiers et messages des appels"),
                selectors.personal_data_export,
                keeps_account=selectors.keeps_account,
                order=10,
            ),
        )
        retention_rules.add(
            "ami.drafts",
            RetentionRule(
                _("brouillon jamais déposé"),
                "RETENTION_DRAFT_DAYS",
                expired=selectors.expired_drafts,
                recipients=selectors.draft_recipients,
                describe=selectors.describe_draft,
                purge=lambda dossier: services.dossier_draft_delete(actor=None, dossier=dossier),
                order=10,
            ),
        )
