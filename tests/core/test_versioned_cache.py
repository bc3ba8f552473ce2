from django.db import transaction

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


def test_a_figure_computed_while_a_change_is_being_committed_is_not_kept_afterwards(
    transactional_db,
):
    values = iter([1, 2, 3])
    with transaction.atomic():
        dataset_changed("test.others")
        # Another request reads before the commit: it sees the data as it was.
        assert remember("test.others", "total", lambda: next(values)) == 1
    assert remember("test.others", "total", lambda: next(values)) == 2
