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
