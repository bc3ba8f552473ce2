from core.outbox import outbox_handler
from sites.models import Site
from sites.services import site_estimate_refresh, site_valuations_refresh


@outbox_handler("sites.refresh_estimate")
def refresh_estimate(*, site_pk):
    site = Site.objects.filter(pk=site_pk).first()
    if site is not None:
        site_estimate_refresh(site=site)


@outbox_handler("sites.refresh_valuations")
def refresh_valuations(*, site_pks=None):
    site_valuations_refresh(site_pks=site_pks)
