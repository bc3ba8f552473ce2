import os
import re
from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.core.management import call_command

from core.models import DataFlag, SourcedModel
from core.reference import SEEDS_DIR, LoadReport, flag
from core.services import data_flag_resolve


def _snapshot():
    rows = {}
    for model in apps.get_models():
        if issubclass(model, SourcedModel) or model is DataFlag:
            rows[model._meta.label] = sorted(map(str, model.objects.values_list()))
    return rows


@pytest.mark.django_db
def test_loading_the_reference_data_twice_gives_the_same_result_and_changes_nothing():
    call_command("load_reference_data", stdout=StringIO())
    first = _snapshot()
    trail = LogEntry.objects.count()
    output = StringIO()
    call_command("load_reference_data", stdout=output)
    assert _snapshot() == first
    assert LogEntry.objects.count() == trail
    assert "0 rows created or updated" in output.getvalue()


@pytest.mark.django_db
def test_demo_data_is_refused_outside_the_embedded_default(settings):
    settings.EMBEDDED = False
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="embedded default"):
        call_command("load_reference_data", "--demo", stdout=StringIO())


def _words(text):
    """The words of a text, without its markup: HTML tags and Markdown emphasis are how the
    documents were extracted, list bullets how they were laid out; neither is wording."""
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(?m)^\s*(?:[-*•o]\s+)+", "", text)
    text = text.replace("’", "'")
    return " ".join(re.findall(r"[\w'€%+/]+", text))


def _quoted_in(wording, document):
    """Whether the wording stands in the document word for word; « … » marks an elision,
    the parts on either side standing in that order."""
    position = 0
    for part in wording.split("…"):
        found = document.find(_words(part), position)
        if found < 0:
            return False
        position = found + len(_words(part))
    return True


@pytest.mark.django_db
def test_every_source_wording_stands_word_for_word_in_its_source_document():
    if not any(SEEDS_DIR.glob("*.txt")):
        message = (
            f"the source documents are not in {SEEDS_DIR}: put the four .txt files there, "
            "or name their folder with SOURCE_DOCUMENTS_DIR"
        )
        if os.environ.get("REQUIRE_SOURCE_DOCUMENTS"):
            pytest.fail(message)  # CI has them: the check must run there
        pytest.skip(message)
    call_command("load_reference_data", stdout=StringIO())
    documents = {path.name: _words(path.read_text()) for path in SEEDS_DIR.glob("*.txt")}
    checked = 0
    for model in apps.get_models():
        if not issubclass(model, SourcedModel):
            continue
        for document, wording in model.objects.exclude(source_document="").values_list(
            "source_document", "source_wording"
        ):
            assert _quoted_in(wording, documents[document]), (model.__name__, wording)
            checked += 1
    # The evidence of every point to confirm is quoted too: a flag cannot rest on a misquote.
    for code, evidence in DataFlag.objects.values_list("code", "evidence"):
        for item in evidence:
            assert _quoted_in(item["wording"], documents[item["document"]]), (code, item["wording"])
            checked += 1
    assert checked > 400


def test_an_officer_decision_on_a_flag_survives_a_reload(organisation_a, officer):
    report = LoadReport()
    item = flag(
        report, organisation_a, code="missing-id", message="Identifiant absent", evidence=[]
    )
    data_flag_resolve(
        actor=officer,
        data_flag=item,
        status=DataFlag.Status.CONFIRMED,
        resolution="Vérifié au répertoire SIRENE",
    )
    flag(
        report,
        organisation_a,
        code="missing-id",
        message="Identifiant absent (nouveau texte)",
        evidence=[],
    )
    item.refresh_from_db()
    assert item.status == DataFlag.Status.CONFIRMED
    assert item.message == "Identifiant absent"
