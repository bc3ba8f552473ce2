"""Amounts are read as people type them and shown to the cent in the financing plan."""

import doctest
from decimal import Decimal

import pytest
from django.urls import reverse

from ami.forms import FinancingLineForm
from ami.models import FinancingLine
from ami.services import dossier_submit, financing_line_add
from core.templatetags import portal


def test_the_worked_examples_of_exact_money_hold():
    finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner()
    for test in finder.find(portal.format_money_exact, "format_money_exact", globs=vars(portal)):
        runner.run(test)
    assert runner.failures == 0 and runner.tries >= 2


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("50000,50", Decimal("50000.50")),
        ("50 000,50", Decimal("50000.50")),
        ("50\u202f000,50 €", Decimal("50000.50")),
        ("1 050 000", Decimal("1050000")),
        ("50000.50", Decimal("50000.50")),
    ],
)
def test_an_amount_is_read_as_typed(typed, stored):
    form = FinancingLineForm(data={"kind": "expense", "label": "Travaux", "amount": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == stored


@pytest.mark.parametrize("typed", ["50.000,50", "beaucoup", "-10"])
def test_an_ambiguous_or_wrong_amount_is_refused_on_its_field(typed):
    form = FinancingLineForm(data={"kind": "expense", "label": "Travaux", "amount": typed})
    assert not form.is_valid() and "amount" in form.errors


def test_the_holder_adds_50_000_50_euros_and_reads_them_to_the_cent(client_for, holder_a, draft_a):
    client = client_for(holder_a)
    client.post(
        reverse("ami:dossier_line_add", args=[draft_a.pk]),
        {"kind": "expense", "label": "Étude de marché", "amount": "50 000,50"},
    )
    assert FinancingLine.objects.get(label="Étude de marché").amount == Decimal("50000.50")
    financing_line_add(
        actor=holder_a, dossier=draft_a, kind="resource", label="Prêt", amount=Decimal(1050000)
    )
    page = client.get(reverse("ami:dossier_edit", args=[draft_a.pk]) + "?etape=financement")
    content = page.content.decode()
    assert "50\xa0000,50 €" in content and "1\xa0050\xa0000 €" in content
    assert "1,1 M€" not in content


def test_an_unbalanced_plan_is_said_in_french_money(holder_a, draft_a):
    financing_line_add(
        actor=holder_a, dossier=draft_a, kind="expense", label="Travaux", amount=Decimal(150000)
    )
    with pytest.raises(Exception) as refused:
        dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    assert "-150\xa0000 €" in " ".join(refused.value.messages)
