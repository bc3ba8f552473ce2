from io import StringIO

from django.core.management import call_command

from core.models import DataFlag
from sites.models import ProcessRoute, Programme, Site


def test_regeneratis_is_loaded_as_stated_and_no_site_is_invented(regeneratis):
    programme = Programme.objects.get(code="regeneratis")
    assert (programme.budget_total, programme.budget_erdf) == (7_100_000, 4_260_000)
    assert (programme.pilot_sites, programme.validation_sites) == (3, 6)
    assert (programme.start_year, programme.end_year) == (2020, 2023)
    assert "100.000 sites" in programme.potential_sites_wording
    assert not Site.objects.exists()
    assert ProcessRoute.objects.count() == 4
    assert all(route.recovery_rates == {} for route in ProcessRoute.objects.all())
    assert {"sites-not-named", "route-parameters-missing"} <= set(
        DataFlag.objects.values_list("code", flat=True)
    )


def test_loading_twice_changes_nothing(regeneratis):
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    assert "0 rows created or updated" in out.getvalue()
