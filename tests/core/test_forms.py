"""Forms say what they require: every optional field's label says « facultatif »."""

from django import forms

from core.forms import MoneyField


class _Example(forms.Form):
    name = forms.CharField(label="Nom")
    note = forms.CharField(label="Remarque", required=False)
    amount = MoneyField(label="Montant", required=False)


def test_an_optional_field_says_so_and_a_required_one_does_not():
    html = str(_Example().as_div())
    assert 'Remarque <span class="optional">(facultatif)</span>' in html
    assert 'Montant <span class="optional">(facultatif)</span>' in html
    assert "Nom <span" not in html and 'for="id_name"' in html
