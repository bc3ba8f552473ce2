"""Indicators 3.4 and 3.6 count the retained dossiers of their call."""

from actionplan.sources import computed_source
from ami.selectors import retained_series


@computed_source(
    "ami.retained_reuse_platforms",
    label="dossiers retenus de l'AMI plateformes de réemploi des PMCB",
)
def retained_reuse_platforms():
    return retained_series(counts_for_phase_of_call="pmcb")


@computed_source(
    "ami.retained_ressourceries",
    label="dossiers retenus en phase 2 de l'AMI ressourceries-recycleries",
)
def retained_ressourceries():
    return retained_series(counts_for_phase_of_call="ressourceries")
