"""Reads of the ground floor shared by every app's pages."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.selectors import attach_statements, statements_for


def test_the_passages_of_a_record_and_its_parts_are_read_in_one_query_and_are_the_same(
    reference_data,
):
    from partners.models import Convention

    convention = Convention.objects.get(code="team2-cabbalr")
    actions = list(convention.actions.all())
    expected = {subject: statements_for(subject) for subject in [convention, *actions]}
    assert any(expected.values())  # the reference convention cites its text
    with CaptureQueriesContext(connection) as queries:
        attach_statements([convention, *actions])
        found = {subject: statements_for(subject) for subject in [convention, *actions]}
    assert len(queries) == 1

    def keyed(by_subject):
        return {
            (type(subject).__name__, subject.pk): [row.pk for row in rows]
            for subject, rows in by_subject.items()
        }

    assert keyed(found) == keyed(expected)
