import threading

import pytest
from django.db import connection, connections, transaction

from core.models import DatasetVersion
from core.versioned_cache import dataset_changed, remember


def test_a_remembered_figure_is_computed_once_until_its_data_changes(db):
    calls = []

    def count():
        calls.append(1)
        return len(calls)

    assert remember("test.things", "total", count) == 1
    assert remember("test.things", "total", count) == 1  # from the cache
    dataset_changed("test.things")
    assert remember("test.things", "total", count) == 2
    assert remember("test.things", "total", count) == 2


def test_the_version_of_a_rolled_back_change_is_never_used_again(db):
    values = iter([1, 2, 3])
    before = remember("test.rolled", "total", lambda: next(values))
    try:
        with transaction.atomic():
            dataset_changed("test.rolled")
            # The change's own request computes the figure with the change it will not keep.
            assert remember("test.rolled", "total", lambda: next(values)) == 2
            raise RuntimeError
    except RuntimeError:
        pass
    assert remember("test.rolled", "total", lambda: next(values)) == before
    dataset_changed("test.rolled")  # a later change: a version nobody has used
    assert remember("test.rolled", "total", lambda: next(values)) == 3


def _in_another_request(function):
    result = {}

    def run():
        try:
            result["value"] = function()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    return result["value"]


@pytest.mark.django_db(transaction=True)
def test_a_figure_read_while_a_change_is_being_committed_is_not_served_afterwards():
    if connection.vendor != "postgresql":
        pytest.skip("needs two concurrent connections (PostgreSQL, CI's second run)")
    values = iter([1, 2, 3])
    with transaction.atomic():
        dataset_changed("test.others")
        # Another request reads before the commit: it sees the data as it was, and its
        # figure is kept under the version as it was.
        assert (
            _in_another_request(lambda: remember("test.others", "total", lambda: next(values))) == 1
        )
    assert remember("test.others", "total", lambda: next(values)) == 2
    assert DatasetVersion.objects.get(name="test.others").version > 0
