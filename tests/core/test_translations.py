from pathlib import Path

import polib
from django.conf import settings


def test_the_english_catalogue_translates_every_french_string():
    catalogue = polib.pofile(str(Path(settings.BASE_DIR) / "locale/en/LC_MESSAGES/django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []


def test_the_compiled_english_catalogue_is_up_to_date():
    folder = Path(settings.BASE_DIR) / "locale/en/LC_MESSAGES"
    compiled = polib.mofile(str(folder / "django.mo"))
    source = polib.pofile(str(folder / "django.po"))
    singular = {e.msgid: e.msgstr for e in source.translated_entries() if not e.msgid_plural}
    assert {e.msgid: e.msgstr for e in compiled if not e.msgid_plural} == singular


def test_no_text_is_marked_for_translation_inside_an_f_string():
    """xgettext does not read inside f-strings: a ``_()`` there never reaches the catalogue
    and stays French on every English page (the charts' titles did)."""
    import ast

    gettext_names = {"_", "gettext", "gettext_lazy", "ngettext", "pgettext"}
    found = []
    for path in Path(settings.BASE_DIR).glob("*/**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if (
                        isinstance(inner, ast.Call)
                        and isinstance(inner.func, ast.Name)
                        and inner.func.id in gettext_names
                    ):
                        found.append(f"{path.relative_to(settings.BASE_DIR)}:{inner.lineno}")
    assert found == []
