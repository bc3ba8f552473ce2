"""The dossier's workflow, as data: who may move a dossier from where to where.

The decision form and ``GET /api/dossiers/{id}/transitions/`` offer the officer's
transitions ``available`` from the dossier's status; the follow-up handlers read each
transition's traits (a decision sends a letter, a completed or withdrawn dossier tells its
instructor, a return for complement keeps its request on the dossier); the instruction clock
(``ami.clock``) reads ``starts_clock``, ``pauses_clock``, ``resumes_clock`` and ``stops_clock``.
"""

from django.utils.translation import gettext_lazy as _

from ami.models import DossierStatus
from ami.permissions import can_instruct_dossier, can_submit_dossier, can_withdraw_dossier
from core.workflow import Transition, Workflow

S = DossierStatus

DOSSIER_WORKFLOW = Workflow(
    [
        Transition(
            "submit",
            _("Déposer le dossier"),
            (S.DRAFT,),
            S.SUBMITTED,
            can_submit_dossier,
            traits={"actor": "holder", "starts_clock": True},
        ),
        Transition(
            "resubmit",
            _("Déposer les compléments"),
            (S.RETURNED,),
            S.UNDER_REVIEW,
            can_submit_dossier,
            traits={"actor": "holder", "tell_instructor": True, "resumes_clock": True},
        ),
        Transition(
            "start_review",
            _("Mettre en instruction"),
            (S.SUBMITTED,),
            S.UNDER_REVIEW,
            can_instruct_dossier,
            traits={"actor": "officer"},
        ),
        Transition(
            "return",
            _("Renvoyer pour complément"),
            (S.UNDER_REVIEW,),
            S.RETURNED,
            can_instruct_dossier,
            needs_reason=True,
            # The reason is the request: kept on the dossier and posted in its thread.
            traits={"actor": "officer", "asks_complement": True, "pauses_clock": True},
        ),
        Transition(
            "retain",
            _("Retenir"),
            (S.UNDER_REVIEW,),
            S.RETAINED,
            can_instruct_dossier,
            needs_reason=True,
            traits={"actor": "officer", "decision": True, "stops_clock": True},
        ),
        Transition(
            "reject",
            _("Ne pas retenir"),
            (S.UNDER_REVIEW,),
            S.NOT_RETAINED,
            can_instruct_dossier,
            needs_reason=True,
            traits={"actor": "officer", "decision": True, "stops_clock": True},
        ),
        Transition(
            "redirect",
            _("Orienter vers un dispositif de financement"),
            (S.UNDER_REVIEW,),
            S.REDIRECTED,
            can_instruct_dossier,
            needs_reason=True,
            traits={
                "actor": "officer",
                "decision": True,
                "needs_scheme": True,
                "stops_clock": True,
            },
        ),
        Transition(
            "withdraw",
            _("Retirer le dossier"),
            (S.SUBMITTED, S.UNDER_REVIEW, S.RETURNED),
            S.WITHDRAWN,
            can_withdraw_dossier,
            traits={"actor": "holder", "tell_instructor": True, "stops_clock": True},
        ),
    ]
)


def dossier_apply(dossier, *, actor, event, reason="", changes=None, now=None):
    """Take a step of the dossier's workflow, with what its traits do to the instruction clock
    in the same save (and the same audit entry)."""
    from django.utils import timezone

    from ami.clock import clock_changes

    transition = DOSSIER_WORKFLOW.transitions.get(event)
    clock = (
        clock_changes(
            transition.traits,
            started_at=dossier.clock_started_at,
            paused_since=dossier.clock_paused_since,
            paused_total=dossier.clock_paused_total,
            now=now or timezone.now(),
        )
        if transition is not None
        else {}
    )
    return DOSSIER_WORKFLOW.apply(
        dossier, actor=actor, event=event, reason=reason, changes={**clock, **(changes or {})}
    )
