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
