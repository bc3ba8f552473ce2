"""Outside experts: asked by an officer, they read exactly the dossiers they were asked about,
read-only, until they answer — by page, API and file URL."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ami.models import ExpertRequest
from ami.services import attachment_add, dossier_submit, expert_request_create, message_post
from core.outbox import outbox_drain
from tests.ami_fixtures import make_dossier


@pytest.fixture
def two_dossiers(draft_a, holder_a, holder_b, pmcb_phase):
    other = make_dossier(holder_b, pmcb_phase, title="Plateforme du Hainaut")
    for dossier, holder in ((draft_a, holder_a), (other, holder_b)):
        attachment_add(
            actor=holder, dossier=dossier, upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")
        )
        dossier_submit(actor=holder, dossier_pk=dossier.pk)
        dossier.refresh_from_db()
    message_post(actor=holder_a, dossier=draft_a, body="Question confidentielle du porteur.")
    return draft_a, other


@pytest.fixture
def asked(two_dossiers, officer):
    request = expert_request_create(
        actor=officer,
        dossier=two_dossiers[0],
        email="Expert.Beton@Labo.fr",
        full_name="Élise Experte",
        question="Le gisement de béton annoncé est-il crédible ?",
        due_on=timezone.localdate() + timedelta(days=15),
    )
    return request


def _urls(dossier):
    attachment = dossier.attachments.get()
    return [
        reverse("ami:attachment_download", args=[dossier.pk, attachment.pk]),
        reverse("ami:dossier_detail", args=[dossier.pk]),
        reverse("ami:dossier_receipt", args=[dossier.pk, 1]),
        reverse("ami:version_zip", args=[dossier.pk, 1]),
        f"/api/dossiers/{dossier.pk}/",
        f"/api/dossiers/{dossier.pk}/attachments/",
    ]


def test_an_expert_sees_exactly_the_dossier_they_were_asked_about(client_for, two_dossiers, asked):
    mine, other = two_dossiers
    client = client_for(asked.expert)
    for url in _urls(mine):
        # 200, or 302 back to the dossier while the file waits for its antivirus scan.
        assert client.get(url).status_code in (200, 302), url
    for url in _urls(other):
        assert client.get(url).status_code == 404, url
    listed = client.get("/api/dossiers/").json()
    assert [d["reference"] for d in listed["results"]] == [mine.reference]
    assert client.get(reverse("ami:dossier_list")).status_code == 403
    page = client.get(reverse("ami:dossier_detail", args=[mine.pk])).content.decode()
    assert "Le gisement de béton annoncé est-il crédible ?" in page
    assert "Question confidentielle du porteur." not in page  # the thread is not theirs
    assert client.get(f"/api/dossiers/{mine.pk}/messages/").status_code == 403
    assert "Avis demandés par la Région" in client.get(reverse("home")).content.decode()


def test_an_expert_may_not_write_evaluate_or_decide(client_for, two_dossiers, asked):
    mine, _other = two_dossiers
    client = client_for(asked.expert)
    assert (
        client.post(reverse("ami:dossier_detail", args=[mine.pk]), {"body": "x"}).status_code == 403
    )
    assert client.post(
        reverse("ami:dossier_transition", args=[mine.pk]), {"event": "start_review"}
    ).status_code in (403, 404)
    assert client.get(reverse("ami:dossier_evaluate", args=[mine.pk])).status_code in (403, 404)
    assert client.post(f"/api/dossiers/{mine.pk}/messages/", {"body": "x"}).status_code == 403
    assert mine.messages.count() == 1


def test_once_the_expert_answers_the_dossier_closes_to_them_and_the_officer_reads_it(
    client_for, two_dossiers, asked, officer
):
    mine, _other = two_dossiers
    outbox_drain()
    assert any("Avis demandé" in m.subject and "expert.beton@labo.fr" in m.to for m in mail.outbox)
    client = client_for(asked.expert)
    response = client.post(
        reverse("ami:expert_opinion", args=[mine.pk]), {"answer": "Crédible, à vérifier."}
    )
    assert response.status_code == 302
    for url in _urls(mine):
        assert client.get(url).status_code == 404, url
    officer_page = client_for(officer).get(reverse("ami:dossier_detail", args=[mine.pk]))
    assert "Crédible, à vérifier." in officer_page.content.decode()
    outbox_drain()
    assert any("Avis rendu" in m.subject and officer.email in m.to for m in mail.outbox)


def test_a_request_for_an_opinion_with_bad_input_says_why_and_creates_nothing(
    client_for, two_dossiers, officer, holder_b
):
    mine, _other = two_dossiers
    client = client_for(officer)
    url = reverse("ami:expert_request", args=[mine.pk])
    past = client.post(
        url,
        {
            "expert-full_name": "X",
            "expert-email": "x@labo.fr",
            "expert-question": "?",
            "expert-due_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        },
        follow=True,
    )
    assert "déjà passée" in past.content.decode()
    holder_address = client.post(
        url,
        {
            "expert-full_name": "Hugo",
            "expert-email": holder_b.email,
            "expert-question": "?",
            "expert-due_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
        },
        follow=True,
    )
    assert "pas un compte d&#x27;expert" in holder_address.content.decode()
    assert not ExpertRequest.objects.exists()


def test_holders_cannot_ask_for_an_opinion(client_for, two_dossiers, holder_a):
    mine, _other = two_dossiers
    response = client_for(holder_a).post(
        reverse("ami:expert_request", args=[mine.pk]),
        {"expert-full_name": "X", "expert-email": "x@labo.fr", "expert-question": "?"},
    )
    assert response.status_code == 403
    assert not ExpertRequest.objects.exists()
