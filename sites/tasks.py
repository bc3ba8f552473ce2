"""Celery tasks of the register of sites: primary keys in, a service call, limits and retries."""

from celery import shared_task

from sites.services import lab_import_parse, lab_import_write


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=30,
    max_retries=3,
    time_limit=900,
    soft_time_limit=840,
)
def parse_lab_import(batch_pk):
    """A large laboratory file, parsed off the request."""
    lab_import_parse(batch_pk=batch_pk)


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=30,
    max_retries=3,
    time_limit=900,
    soft_time_limit=840,
)
def write_lab_import(batch_pk):
    """A large confirmed laboratory file, written off the request."""
    lab_import_write(batch_pk=batch_pk)
