"""The plan's public pages and open data (no account needed), at the site's root."""

from django.urls import path

from actionplan import public_views

app_name = "public"

urlpatterns = [
    path("avancement/", public_views.progress_home, name="progress"),
    path("avancement/axes/<str:code>/", public_views.axis_detail, name="axis_detail"),
    path("avancement/actions/<str:code>/", public_views.action_detail, name="action_detail"),
    path(
        "avancement/indicateurs/<str:code>/",
        public_views.indicator_detail,
        name="indicator_detail",
    ),
    path(
        "avancement/indicateurs/<str:code>/integrer/",
        public_views.indicator_embed,
        name="indicator_embed",
    ),
    path("avancement/publications/", public_views.publication_list, name="publication_list"),
    path(
        "avancement/publications/<int:pk>/",
        public_views.publication_detail,
        name="publication_detail",
    ),
    path("avancement/publications.atom", public_views.PublicationFeed(), name="publication_feed"),
    path("donnees/", public_views.opendata_page, name="opendata"),
    path("donnees/schema.json", public_views.opendata_schema, name="opendata_schema"),
    path(
        "donnees/indicateurs.csv",
        public_views.opendata_file,
        {"file_format": "csv"},
        name="opendata_csv",
    ),
    path(
        "donnees/indicateurs.json",
        public_views.opendata_file,
        {"file_format": "json"},
        name="opendata_json",
    ),
    path(
        "donnees/publications/<int:pk>/indicateurs.csv",
        public_views.opendata_file,
        {"file_format": "csv"},
        name="opendata_publication_csv",
    ),
    path(
        "donnees/publications/<int:pk>/indicateurs.json",
        public_views.opendata_file,
        {"file_format": "json"},
        name="opendata_publication_json",
    ),
]
