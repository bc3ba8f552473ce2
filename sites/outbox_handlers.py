from core.outbox import outbox_handler
from sites.models import Site
from sites.services import (
    CONFIRM_LAB_IMPORT,
    PARSE_LAB_IMPORT,
    site_estimate_refresh,
    site_valuations_refresh,
)
from sites.tasks import parse_lab_import, write_lab_import


@outbox_handler("sites.refresh_estimate")
def refresh_estimate(*, site_pk):
    site = Site.objects.filter(pk=site_pk).first()
    if site is not None:
        site_estimate_refresh(site=site)


@outbox_handler("sites.refresh_valuations")
def refresh_valuations(*, site_pks=None):
    site_valuations_refresh(site_pks=site_pks)


@outbox_handler(PARSE_LAB_IMPORT)
def parse_lab_import_file(*, batch_pk):
    """Parsing a large file takes minutes: a worker task of its own, with its own time limit."""
    parse_lab_import.delay(batch_pk)


@outbox_handler(CONFIRM_LAB_IMPORT)
def write_lab_import_file(*, batch_pk):
    write_lab_import.delay(batch_pk)
