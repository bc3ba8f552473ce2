from decimal import Decimal

from sites.models import RouteCode, Site, SiteEstimate
from sites.selectors import ranked, sensitivity
from sites.valuation import weighted_ranking
from tests.sites.conftest import make_site


def test_a_site_is_valued_by_its_best_route_at_the_latest_prices(zinc_site_and_plain_site):
    zinc, plain = zinc_site_and_plain_site
    zinc_estimate = SiteEstimate.objects.get(site=zinc)
    assert zinc_estimate.best_route == RouteCode.HYDRO
    assert round(zinc_estimate.net) == 375_000 and round(zinc_estimate.net_prices_low) == 175_000
    assert round(SiteEstimate.objects.get(site=plain).net) == 300_000


def test_the_ranking_puts_the_higher_net_value_first_and_follows_the_officers_weights(
    zinc_site_and_plain_site,
):
    zinc, plain = zinc_site_and_plain_site
    plain.access_score = 5
    plain.save()
    sites = Site.objects.all()
    assert list(ranked(sites, {"value": 1})) == [zinc, plain]
    assert list(ranked(sites, {"value": 1, "access": 3})) == [plain, zinc]


def test_the_sensitivity_says_which_scenarios_change_the_order_and_which_sites_move(
    zinc_site_and_plain_site,
):
    zinc, plain = zinc_site_and_plain_site
    scenarios = {str(s["label"]): s for s in sensitivity(Site.objects.all(), {"value": 1})}
    lower_prices = scenarios["cours des métaux −20 %"]
    assert lower_prices["changed"] and lower_prices["count"] == 2
    assert lower_prices["moved_names"] == [zinc.name, plain.name]
    assert not scenarios["cours des métaux +20 %"]["changed"]
    assert scenarios["taux de récupération −20 %"]["count"] == 2
    assert scenarios["taux de récupération +20 %"]["count"] == 0


def test_the_database_ranking_gives_the_order_and_scores_of_the_reference_formula(
    regeneratis, officer, run_outbox
):
    specs = [(120_000, 1, 5), (80_000, 4, 2), (300_000, 2, 1), (80_000, 5, 5), (0, 3, 3)]
    for number, (remediation, access, pollution) in enumerate(specs):
        make_site(
            officer, f"Site {number}", remediation=remediation, access=access, pollution=pollution
        )
    run_outbox()
    sites = Site.objects.select_related("estimate")
    rows = [
        {
            "id": site.pk,
            "net": site.estimate.net,
            "pollution": site.pollution_risk_score,
            "access": site.access_score,
            "ownership": site.ownership_score,
            "planning": site.planning_score,
        }
        for site in sites
    ]
    for weights in ({"value": 1}, {"value": 2, "access": 1, "pollution": 3}, {}):
        expected = weighted_ranking(sorted(rows, key=lambda row: row["id"]), weights)
        got = [(site.pk, site.score) for site in ranked(sites, weights)]
        assert [pk for pk, _ in got] == [pk for pk, _ in expected], weights
        assert [round(score, 9) for _, score in got] == [round(s, 9) for _, s in expected]


def test_a_new_price_revalues_every_site_through_the_outbox(
    zinc_site_and_plain_site, officer, run_outbox
):
    from datetime import date

    from sites.services import price_record

    zinc, _plain = zinc_site_and_plain_site
    price_record(actor=officer, element="Zn", price_per_t=Decimal(2000), dated=date(2026, 10, 2))
    assert round(SiteEstimate.objects.get(site=zinc).net) == 375_000  # until the worker runs
    run_outbox()
    assert round(SiteEstimate.objects.get(site=zinc).net) == 175_000
