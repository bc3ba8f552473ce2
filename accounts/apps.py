from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Comptes et organisations")

    def ready(self):
        from accounts import permissions, selectors
        from core.registry import HomePanel, NavEntry, home_panels, navigation

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
