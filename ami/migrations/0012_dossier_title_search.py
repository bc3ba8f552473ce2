"""A French full-text index on the dossiers' titles, on PostgreSQL only (SQLite searches
plainly): the officers' search (``ami.selectors.dossier_search``) reads it."""

from django.db import migrations

INDEX_NAME = "dossier_title_search"


def _index():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    # The very expression the search annotates, so that the planner uses the index.
    return GinIndex(SearchVector("title", config="french"), name=INDEX_NAME)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("ami", "Dossier"), _index())


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("ami", "Dossier"), _index())


class Migration(migrations.Migration):
    dependencies = [("ami", "0011_expertrequest")]

    operations = [migrations.RunPython(create, drop)]
