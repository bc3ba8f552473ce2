from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Comptes et organisations")

    def ready(self):
        from accounts import permissions, selectors, services
        from core.registry import (
            HomePanel,
            NavEntry,
            PersonalData,
            RetentionRule,
            home_panels,
            navigation,
            personal_data,
            retention_rules,
        )

        navigation.add("home", NavEntry(_("Accueil"), "home", permissions.is_signed_in, order=0))
        navigation.add(
            "organisations",
            NavEntry(
                _("Organisations"),
                "accounts:organisation_list",
                permissions.can_view_organisations,
                90,
                "tools",
            ),
        )
        navigation.add(
            "admin",
            NavEntry(
                _("Administration"), "admin:index", permissions.can_use_admin_site, 99, "tools"
            ),
        )
        navigation.add(
            "api_token",
            NavEntry(_("Jeton d'API"), "accounts:api_token", permissions.is_signed_in, 98, "tools"),
        )
        home_panels.add(
            "organisations",
            HomePanel("accounts/home_panel.html", selectors.home_panel_context, order=90),
        )
        home_panels.add(
            "admin",
            HomePanel("accounts/home_admin.html", selectors.admin_panel_context, order=95),
        )
        personal_data.add(
            "accounts",
            PersonalData(_("Compte et organisations"), services.account_personal_data, order=0),
        )
        retention_rules.add(
            "accounts.inactive",
            RetentionRule(
                _("compte sans connexion"),
                "RETENTION_INACTIVE_ACCOUNT_DAYS",
                expired=services.inactive_accounts,
                recipients=lambda user: [user.email],
                describe=lambda user: str(_("votre compte %(email)s") % {"email": user.email}),
                purge=lambda user: services.account_close(actor=None, user=user),
                order=20,
            ),
        )
