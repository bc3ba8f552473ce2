"""The decision letter and the receipt read as official documents: sender, place and date in
full, reference, signatory, page footer; the receipt reproduces what was submitted, by whom."""

import hashlib
from datetime import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from ami.documents import decision_letter_pdf, receipt_pdf
from ami.models import Call
from ami.services import attachment_add, dossier_submit, dossier_transition, partner_add
from core.templatetags.portal import format_long_date
from tests.ami_fixtures import COMPLETE, PARIS
from tests.pdf import pdf_text


def _flat(text):
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


@pytest.fixture
def submitted(draft_a, holder_a):
    partner_add(actor=holder_a, dossier=draft_a, name="Bailleur du Pas-de-Calais", role="Site")
    attachment_add(
        actor=holder_a, dossier=draft_a, upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")
    )
    with time_machine.travel(datetime(2026, 12, 1, 10, 15, 42, tzinfo=PARIS), tick=False):
        dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    draft_a.refresh_from_db()
    return draft_a


def _retain(dossier, officer):
    dossier_transition(actor=officer, dossier=dossier, event="start_review")
    with time_machine.travel(datetime(2026, 12, 1, 16, 0, tzinfo=PARIS), tick=False):
        dossier_transition(actor=officer, dossier=dossier, event="retain", reason="Structurant")
    dossier.refresh_from_db()
    return dossier


def test_the_first_of_the_month_is_written_as_an_ordinal_in_french():
    from datetime import date

    from django.utils import translation

    with translation.override("fr"):
        assert format_long_date(date(2026, 12, 1)) == "1er décembre 2026"
        assert format_long_date(date(2027, 3, 2)) == "2 mars 2027"


def test_the_letter_is_dated_from_lille_in_full_and_signed_by_the_officer_who_decided(
    submitted, officer, holder_a
):
    officer.job_title = "Chargé de mission économie circulaire"
    officer.save()
    text = _flat(pdf_text(decision_letter_pdf(_retain(submitted, officer))))
    assert "Lille, le 1er décembre 2026" in text
    assert f"Réf. : DEC-{submitted.reference}" in text
    assert "Olivier Agent Chargé de mission économie circulaire" in text
    assert f"À l'attention de {holder_a.full_name}" in text
    assert submitted.organisation.name in text
    assert "Page 1 sur 1" in text  # the page footer


def test_the_calls_signatory_signs_its_letters_when_one_is_set(submitted, officer):
    call = Call.objects.get(pk=submitted.phase.call_id)
    call.signatory_name = "Claire Signataire"
    call.signatory_title = "Directrice Hauts-de-France Entreprises"
    call.save()  # as the Django admin does
    submitted.refresh_from_db()
    text = _flat(pdf_text(decision_letter_pdf(_retain(submitted, officer))))
    assert "Claire Signataire Directrice Hauts-de-France Entreprises" in text
    assert "Olivier Agent" not in text


def test_the_receipt_reproduces_what_was_submitted_and_who_submitted_it_to_the_second(
    submitted, holder_a
):
    version = submitted.versions.get()
    text = _flat(pdf_text(receipt_pdf(version)))
    assert f"Déposé par {holder_a.full_name} ({holder_a.email})" in text
    assert "01/12/2026 à 10:15:42 (heure de Paris)" in text
    assert "Lille, le 1er décembre 2026" in text
    for answer in COMPLETE.values():
        if answer != COMPLETE["territory"]:
            assert _flat(answer) in text, answer
    assert "caractères" not in text
    assert "Bailleur du Pas-de-Calais" in text
    assert "Fonds propres" in text and "Site" in text
    assert hashlib.sha256(b"%PDF-1.4 plan").hexdigest() in text.replace(" ", "")
    assert f"AR-{submitted.reference}-v1" in text


def test_the_logo_set_by_the_installation_is_drawn_from_its_file_and_nothing_else(
    submitted, officer, settings, tmp_path
):
    import subprocess

    from PIL import Image

    from core.pdf import LOGO_URL, static_only_fetch

    logo = tmp_path / "region.png"
    Image.new("RGB", (40, 20), "navy").save(logo)
    settings.PDF_LOGO_PATH = str(logo)
    path = tmp_path / "letter.pdf"
    path.write_bytes(decision_letter_pdf(_retain(submitted, officer)))
    images = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, check=True
    ).stdout.decode()
    assert "   40    20 " in images  # the logo, at its own size
    settings.PDF_LOGO_PATH = ""
    with pytest.raises(ValueError):
        static_only_fetch(LOGO_URL)
