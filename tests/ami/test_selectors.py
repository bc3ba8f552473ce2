from ami.models import DossierStatus
from ami.selectors import dossier_counts_by_phase
from ami.services import dossier_submit, dossier_transition
from tests.ami_fixtures import make_dossier


def test_the_phase_summary_counts_drafts_submitted_and_retained_dossiers_of_each_phase(
    pmcb_phase, holder_a, holder_b, officer
):
    make_dossier(holder_a, pmcb_phase, title="Brouillon")
    submitted = make_dossier(holder_b, pmcb_phase, title="Déposé")
    dossier_submit(actor=holder_b, dossier_pk=submitted.pk)
    retained = make_dossier(holder_a, pmcb_phase, title="Retenu")
    dossier_submit(actor=holder_a, dossier_pk=retained.pk)
    retained.refresh_from_db()
    dossier_transition(actor=officer, dossier=retained, event="start_review")
    dossier_transition(actor=officer, dossier=retained, event="retain", reason="Projet solide.")
    assert retained.status == DossierStatus.RETAINED

    phases = {phase.pk: phase for phase in dossier_counts_by_phase()}
    counted = phases.pop(pmcb_phase.pk)
    assert (counted.drafts, counted.submitted, counted.retained) == (1, 2, 1)
    # The other phases are listed too, with nothing in them.
    assert phases and all((p.drafts, p.submitted, p.retained) == (0, 0, 0) for p in phases.values())


def test_the_officers_list_counts_again_as_soon_as_a_dossier_is_submitted(
    client_for, pmcb_phase, holder_a, holder_b, officer
):
    from django.urls import reverse

    first = make_dossier(holder_a, pmcb_phase, title="Premier")
    dossier_submit(actor=holder_a, dossier_pk=first.pk)
    client = client_for(officer)
    listing = reverse("ami:dossier_list")
    assert "1 dossier correspond." in client.get(listing).content.decode()
    second = make_dossier(holder_b, pmcb_phase, title="Second")
    dossier_submit(actor=holder_b, dossier_pk=second.pk)
    content = client.get(listing).content.decode()
    assert "2 dossiers correspondent." in content
    counted = {p.pk: p for p in dossier_counts_by_phase()}[pmcb_phase.pk]
    assert counted.submitted == 2
