"""Celery tasks of the register of sites: primary keys in, a service call, limits and retries."""

from core.tasking import portal_task
from sites.services import lab_import_parse, lab_import_write


@portal_task(time_limit=900, backoff=30, queue="imports")
def parse_lab_import(batch_pk):
    """A large laboratory file, parsed off the request."""
    lab_import_parse(batch_pk=batch_pk)


@portal_task(time_limit=900, backoff=30, queue="imports")
def write_lab_import(batch_pk):
    """A large confirmed laboratory file, written off the request."""
    lab_import_write(batch_pk=batch_pk)
