"""A dossier returned for complement shows the holder what is asked, on every page of it."""

from django.urls import reverse

from ami.models import DossierMessage
from ami.services import dossier_submit, dossier_transition

REQUEST = "Joignez le budget détaillé par année et la lettre d'engagement du bailleur."


def _returned(draft, holder, officer):
    dossier_submit(actor=holder, dossier_pk=draft.pk)
    draft.refresh_from_db()
    dossier_transition(actor=officer, dossier=draft, event="start_review")
    dossier_transition(actor=officer, dossier=draft, event="return", reason=REQUEST)
    draft.refresh_from_db()
    return draft


def test_the_holder_reads_the_officers_request_on_every_page_of_the_dossier(
    client_for, holder_a, officer, draft_a
):
    dossier = _returned(draft_a, holder_a, officer)
    client = client_for(holder_a)
    pages = [
        reverse("ami:dossier_detail", args=[dossier.pk]),
        reverse("ami:dossier_edit", args=[dossier.pk]),
        reverse("ami:dossier_edit", args=[dossier.pk]) + "?etape=recapitulatif",
        reverse("ami:my_dossiers"),
    ]
    for url in pages:
        content = client.get(url).content.decode()
        assert "Joignez le budget détaillé" in content, url
    detail = client.get(pages[0]).content.decode()
    assert "Complément demandé par la Région le" in detail
    message = DossierMessage.objects.get(dossier=dossier)
    assert message.author == officer and REQUEST in message.body


def test_the_request_is_no_longer_shown_once_the_dossier_is_resubmitted(
    client_for, holder_a, officer, draft_a
):
    dossier = _returned(draft_a, holder_a, officer)
    dossier_submit(actor=holder_a, dossier_pk=dossier.pk)
    content = client_for(holder_a).get(reverse("ami:dossier_detail", args=[dossier.pk]))
    assert "Complément demandé par la Région" not in content.content.decode()


def test_another_holder_never_sees_the_request(client_for, holder_a, holder_b, officer, draft_a):
    dossier = _returned(draft_a, holder_a, officer)
    response = client_for(holder_b).get(reverse("ami:dossier_detail", args=[dossier.pk]))
    assert response.status_code == 404
