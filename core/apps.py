from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Socle du portail")

    def ready(self):
        from core import checks, permissions, security, selectors  # noqa: F401  (log, checks)
        from core.registry import (
            HomePanel,
            NavEntry,
            RetentionRule,
            home_panels,
            navigation,
            retention_rules,
        )
        from core.retention import access_logs_purge_before

        def everyone(user):
            return True

        for order, (key, label, url_name) in enumerate(
            [
                ("legal_notice", _("Mentions légales"), "legal_notice"),
                ("accessibility", _("Accessibilité : non conforme"), "accessibility"),
                ("personal_data", _("Données personnelles"), "personal_data"),
                ("site_map", _("Plan du site"), "site_map"),
                ("developers", _("Développeurs"), "developers"),
            ],
            start=20,
        ):
            navigation.add(key, NavEntry(label, url_name, everyone, order, place="footer"))
        navigation.add(
            "data_flags",
            NavEntry(_("Points à confirmer"), "data_flags", permissions.can_view_data_flags, 80),
        )
        home_panels.add(
            "data_flags",
            HomePanel("core/home_data_flags.html", selectors.data_flags_home_panel, order=15),
        )
        retention_rules.add(
            "core.access_logs",
            RetentionRule(
                _("journaux d'accès et de sécurité"),
                "RETENTION_SECURITY_LOG_DAYS",
                purge_before=access_logs_purge_before,
                order=90,
            ),
        )
