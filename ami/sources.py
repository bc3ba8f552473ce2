"""The series the calls give the action plan: indicators 3.4 and 3.6 count the
retained dossiers of their call (registered in ``core.registry.computed_sources``
by ``AmiConfig.ready``)."""

from django.utils.translation import gettext_lazy as _

from ami.selectors import retained_series
from core.registry import ComputedSource

SOURCES = {
    "ami.retained_reuse_platforms": (
        "pmcb",
        _("dossiers retenus de l'AMI plateformes de réemploi des PMCB"),
    ),
    "ami.retained_ressourceries": (
        "ressourceries",
        _("dossiers retenus en phase 2 de l'AMI ressourceries-recycleries"),
    ),
}


def computed_sources():
    return {
        key: ComputedSource(
            label=label,
            series=lambda call_code=call_code: retained_series(counts_for_phase_of_call=call_code),
        )
        for key, (call_code, label) in SOURCES.items()
    }


def source_key_for(phase):
    """The source a decision on a dossier of ``phase`` changes, if the phase counts for one."""
    if not phase.counts_for_indicator:
        return None
    for key, (call_code, _label) in SOURCES.items():
        if call_code == phase.call.code:
            return key
    return None
