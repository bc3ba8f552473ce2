"""The shell: each app's pages under its prefix, the API, the admin site."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts.urls import sign_in_urlpatterns
from core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("langue/<str:code>/", core_views.language_choose, name="language"),
    path("donnees-personnelles/", core_views.personal_data, name="personal_data"),
    path("mentions-legales/", core_views.legal_notice, name="legal_notice"),
    path("accessibilite/", core_views.accessibility_statement, name="accessibility"),
    path("plan-du-site/", core_views.site_map, name="site_map"),
    path("developpeurs/", core_views.developers, name="developers"),
    path("catalog.jsonld", core_views.catalog, name="catalog"),
    path("", include("actionplan.public_urls")),
    path("points-a-confirmer/", core_views.data_flag_index, name="data_flags"),
    path("exports/", core_views.export_list, name="export_list"),
    path("exports/<int:pk>/telecharger/", core_views.export_download, name="export_download"),
    path(
        "points-a-confirmer/<int:pk>/", core_views.data_flag_resolve_view, name="data_flag_resolve"
    ),
    path("comptes/", include(sign_in_urlpatterns)),
    path("comptes/", include("accounts.urls")),
    path("partenaires/", include("partners.urls")),
    path("plan/", include("actionplan.urls")),
    path("sites/", include("sites.urls")),
    path("ami/", include("ami.urls")),
    path("api/", include("config.api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error
