"""Writes on the register of brownfields. Each checks who may, validates, then saves; what
is derived (zone grades, the site's estimate) is rebuilt afterwards through the outbox."""

import hashlib
import json
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import acting_as, audit_event
from core.files import validate_document
from core.imports import (
    import_confirm,
    import_confirm_stored,
    import_parse_stored,
    import_receive,
    named_file,
)
from core.outbox import outbox_enqueue
from core.registry import computed_source_changed
from core.versioned_cache import dataset_changed
from sites import selectors
from sites.geometry import OutlineError, check_outline, contains
from sites.models import (
    Campaign,
    DepositZone,
    LabImport,
    LabResult,
    MetalPrice,
    PastActivity,
    Sample,
    Site,
    SiteEstimate,
    SiteEvent,
    SiteOutcome,
    ZoneGrade,
)
from sites.permissions import can_manage_sites


def _require(actor):
    if not can_manage_sites(actor):
        raise PermissionDenied


def _save(actor, obj):
    obj.full_clean()
    with acting_as(actor):
        obj.save()
    return obj


PARSE_LAB_IMPORT = "sites.parse_lab_import"
CONFIRM_LAB_IMPORT = "sites.confirm_lab_import"


def estimate_refresh_later(site):
    return outbox_enqueue("sites.refresh_estimate", site_pk=site.pk)


def valuations_refresh_later(site_pks=None):
    """A worker recomputes the value of these sites (all of them after a price or a route
    changes)."""
    return outbox_enqueue("sites.refresh_valuations", site_pks=site_pks)


@transaction.atomic
def site_save(*, actor, site=None, **fields):
    _require(actor)
    site = site or Site()
    for name, value in fields.items():
        setattr(site, name, value)
    # A commune's INSEE code begins with its département's number (59617 is in the Nord).
    if site.insee_code and site.departement and site.insee_code[:2] != site.departement:
        raise ValidationError(
            {
                "departement": _(
                    "Le code INSEE %(code)s est celui d'une commune du département %(dep)s : "
                    "corrigez le département ou le code."
                )
                % {"code": site.insee_code, "dep": site.insee_code[:2]}
            }
        )
    _save(actor, site)
    dataset_changed(selectors.VALUATIONS)
    valuations_refresh_later([site.pk])  # its costs and remediation savings enter its value
    return site


@transaction.atomic
def activity_add(*, actor, site, kind, start_year=None, end_year=None, description=""):
    _require(actor)
    if start_year and end_year and end_year < start_year:
        raise ValidationError({"end_year": _("La fin précède le début.")})
    return _save(
        actor,
        PastActivity(
            site=site, kind=kind, start_year=start_year, end_year=end_year, description=description
        ),
    )


@transaction.atomic
def history_event_add(*, actor, site, date, title, description="", document=None):
    _require(actor)
    if date > timezone.localdate():
        raise ValidationError({"date": _("Un événement de l'histoire du site est passé.")})
    event = SiteEvent(site=site, date=date, title=title, description=description)
    if document is not None:
        try:
            validate_document(document)
        except ValidationError as error:
            raise ValidationError({"document": error.messages}) from error
        event.document = document
    return _save(actor, event)


@transaction.atomic
def campaign_create(*, actor, site, report_file=None, **fields):
    _require(actor)
    campaign = Campaign(site=site, **fields)
    if report_file is not None:
        try:
            validate_document(report_file)
        except ValidationError as error:
            raise ValidationError({"report_file": error.messages}) from error
        campaign.report_file = report_file
    return _save(actor, campaign)


@transaction.atomic
def sample_create(*, actor, campaign, zone=None, **fields):
    _require(actor)
    if zone is not None and zone.site_id != campaign.site_id:
        raise ValidationError({"zone": _("Cette zone n'appartient pas au site de la campagne.")})
    if fields["depth_to_m"] < fields["depth_from_m"]:
        raise ValidationError({"depth_to_m": _("La profondeur de fin précède celle du début.")})
    if fields["sampled_on"] < campaign.started_on or fields["sampled_on"] > timezone.localdate():
        raise ValidationError(
            {
                "sampled_on": _(
                    "Le prélèvement se date entre le début de la campagne et aujourd'hui."
                )
            }
        )
    _check_location(campaign, zone, fields)
    sample = _save(actor, Sample(campaign=campaign, zone=zone, **fields))
    if zone is not None:
        estimate_refresh_later(campaign.site)
    return sample


def _check_location(campaign, zone, fields):
    """A located sample lies inside its zone's outline, and no other sample of the campaign
    was taken at the same point and depth."""
    x, y = fields.get("x_m"), fields.get("y_m")
    if (x is None) != (y is None):
        raise ValidationError(
            {"y_m" if y is None else "x_m": _("Donnez X et Y, ou aucun des deux.")}
        )
    if x is None:
        return
    if (
        zone is not None
        and zone.outline
        and not contains(zone.outline_points, (float(x), float(y)))
    ):
        raise ValidationError(
            {
                "x_m": _("Le point (%(x)s ; %(y)s) est hors du contour de la zone « %(zone)s ».")
                % {"x": x, "y": y, "zone": zone.name}
            }
        )
    twin = (
        Sample.objects.filter(
            campaign=campaign, x_m=x, y_m=y, depth_from_m=fields.get("depth_from_m")
        )
        .values_list("code", flat=True)
        .first()
    )
    if twin is not None:
        raise ValidationError(
            {
                "x_m": _(
                    "L'échantillon %(code)s a déjà été prélevé en ce point, à cette profondeur."
                )
                % {"code": twin}
            }
        )


@transaction.atomic
def zone_save(*, actor, site, zone=None, **fields):
    """A zone by its volume, or by its outline and thickness (the volume then follows); its
    density as the most likely value, with a range when the survey gives one."""
    _require(actor)
    zone = zone or DepositZone(site=site)
    for name, value in fields.items():
        setattr(zone, name, value)
    _check_zone(zone)
    _save(actor, zone)
    estimate_refresh_later(site)
    return zone


def _check_zone(zone):
    if zone.outline:
        try:
            check_outline(zone.outline_points)
        except OutlineError as error:
            raise ValidationError({"outline": error.message}) from None
    if zone.volume_m3 is None:
        if not (zone.outline and zone.thickness_m):
            raise ValidationError(
                {"volume_m3": _("Donnez le volume, ou un contour et une épaisseur.")}
            )
        zone.volume_m3 = (Decimal(str(zone.outline_area_m2)) * zone.thickness_m).quantize(
            Decimal("0.01")
        )
    low, likely, high = zone.density_min_t_m3, zone.density_t_m3, zone.density_max_t_m3
    if (low is not None and likely is not None and low > likely) or (
        high is not None and likely is not None and high < likely
    ):
        raise ValidationError(
            {
                "density_t_m3": _(
                    "La densité la plus probable se situe entre la minimale et la maximale."
                )
            }
        )
    if zone.pk and zone.outline:
        outline = zone.outline_points
        outside = [
            code
            for code, x, y in zone.samples.exclude(x_m=None).values_list("code", "x_m", "y_m")
            if not contains(outline, (float(x), float(y)))
        ]
        if outside:
            raise ValidationError(
                {
                    "outline": _(
                        "Ces échantillons de la zone seraient hors du contour : %(codes)s."
                    )
                    % {"codes": ", ".join(outside)}
                }
            )


@transaction.atomic
def lab_import_create(*, actor, campaign, upload):
    """Receive a laboratory file: previewed at once when small, parsed by a worker when large
    (core.imports); nothing is imported before confirmation."""
    _require(actor)
    return import_receive(
        batch=LabImport(campaign=campaign, uploaded_by=actor),
        upload=upload,
        parse=lambda file: _parse_lab_file(campaign, file),
        parse_kind=PARSE_LAB_IMPORT,
    )


def lab_import_parse(*, batch_pk):
    """A worker parses a large laboratory file against its campaign's samples."""
    return import_parse_stored(
        model=LabImport,
        batch_pk=batch_pk,
        parse=lambda batch, file: _parse_lab_file(
            batch.campaign, named_file(file, batch.original_name)
        ),
    )


def _parse_lab_file(campaign, upload):
    from sites.lab_import import parse_lab_file  # pandas: loaded when a file comes in

    samples = dict(campaign.samples.values_list("code", "pk"))
    existing = set(
        LabResult.objects.filter(sample__campaign=campaign).values_list("sample_id", "element")
    )
    return parse_lab_file(upload, samples=samples, existing=existing)


def lab_import_confirm(*, actor, batch):
    """Save every result of the file, or none (a worker does it for a large file)."""
    _require(actor)
    return import_confirm(
        batch=batch, actor=actor, write=_write_results, confirm_kind=CONFIRM_LAB_IMPORT
    )


def lab_import_write(*, batch_pk):
    """A worker writes the results of a large confirmed laboratory file."""
    return import_confirm_stored(model=LabImport, batch_pk=batch_pk, write=_write_results)


def _write_results(batch):
    sample_ids = {row["sample_id"] for row in batch.rows}
    if Sample.objects.filter(pk__in=sample_ids, campaign=batch.campaign).count() != len(sample_ids):
        raise ValidationError(
            _("Des échantillons ont changé depuis le dépôt : déposez-le à nouveau.")
        )
    results = [
        LabResult(
            sample_id=row["sample_id"],
            element=row["element"],
            value_mg_kg=row["value_mg_kg"],
            reported_value=row["reported_value"],
            reported_unit=row["reported_unit"],
            detection_limit_mg_kg=row["detection_limit_mg_kg"],
            below_detection=row["below_detection"],
            method=row["method"],
            imported_from=batch,
        )
        for row in batch.rows
    ]
    for result in results:
        result.full_clean(exclude=["sample", "imported_from"])
    LabResult.objects.bulk_create(results, batch_size=2000)
    # The results are written in bulk: the trail records the import itself, who confirmed it,
    # when, and a digest of exactly the rows written, so that any result can be traced.
    digest = hashlib.sha256(
        json.dumps(batch.rows, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()
    audit_event(
        actor=batch.uploaded_by,
        obj=batch,
        event="sites.lab_import_confirmed",
        reason=f"{len(results)} résultats ; SHA-256 des lignes : {digest}",
    )
    estimate_refresh_later(batch.campaign.site)
    return len(results)


@transaction.atomic
def price_record(*, actor, element, price_per_t, dated, source_wording="", is_demo=False):
    _require(actor)
    if dated > timezone.localdate():
        raise ValidationError({"dated": _("Un cours se date au plus tard d'aujourd'hui.")})
    price = _save(
        actor,
        MetalPrice(
            element=element,
            price_per_t=price_per_t,
            dated=dated,
            source_wording=source_wording,
            is_demo=is_demo,
        ),
    )
    valuations_refresh_later()
    return price


@transaction.atomic
def route_update(*, actor, route, processing_cost_per_t, recovery_rates):
    _require(actor)
    for element, rate in recovery_rates.items():
        if not 0 <= float(rate) <= 1:
            raise ValidationError(
                {"recovery_rates": _("Le taux de %(e)s doit être entre 0 et 1.") % {"e": element}}
            )
    route.processing_cost_per_t = processing_cost_per_t
    route.recovery_rates = {k: float(v) for k, v in recovery_rates.items()}
    _save(actor, route)
    valuations_refresh_later()
    return route


@transaction.atomic
def outcome_record(*, actor, site, date, tonnes_recovered, hectares_returned, note=""):
    _require(actor)
    if date > timezone.localdate():
        raise ValidationError({"date": _("Un résultat obtenu se date au plus tard d'aujourd'hui.")})
    outcome = _save(
        actor,
        SiteOutcome(
            site=site,
            date=date,
            tonnes_recovered=tonnes_recovered,
            hectares_returned=hectares_returned,
            note=note,
        ),
    )
    computed_source_changed("sites.tonnes_recovered")
    computed_source_changed("sites.hectares_returned")
    return outcome


@transaction.atomic
def site_estimate_refresh(*, site):
    """Rebuild the zones' grades and the site's estimate from its laboratory results."""
    from sites.valuation import contained_t, tonnage, zone_grades  # numpy and pandas

    zones = {zone.pk: zone for zone in DepositZone.objects.filter(site=site)}
    by_zone = {pk: [] for pk in zones}
    count = 0
    for zone_id, element, value, below, limit in selectors.site_results_for_estimate(site):
        by_zone[zone_id].append((element, value, below, limit))
        count += 1
    ZoneGrade.objects.filter(zone__site=site).delete()
    grades, total_tonnage, contained = [], 0.0, {}
    for zone_id, zone in zones.items():
        zone_tonnage = tonnage(zone.volume_m3, zone.density_t_m3)
        total_tonnage += zone_tonnage
        for element, grade in zone_grades(by_zone[zone_id]).items():
            tonnes = contained_t(zone_tonnage, grade.mean_mg_kg)
            contained[element] = contained.get(element, 0.0) + tonnes
            grades.append(
                ZoneGrade(
                    zone=zone,
                    element=element,
                    mean_mg_kg=grade.mean_mg_kg,
                    p10_mg_kg=grade.p10,
                    p50_mg_kg=grade.p50,
                    p90_mg_kg=grade.p90,
                    samples=grade.samples,
                    below_detection=grade.below_detection,
                    contained_t=tonnes,
                )
            )
    ZoneGrade.objects.bulk_create(grades)
    SiteEstimate.objects.update_or_create(
        site=site,
        defaults={
            "tonnage_t": total_tonnage,
            "contained_t": contained,
            "results_count": count,
            "computed_at": timezone.now(),
        },
    )
    site_valuations_refresh(site_pks=[site.pk])
    return contained


@transaction.atomic
def site_valuations_refresh(*, site_pks=None):
    """Recompute what the sites (all, or those of ``site_pks``) are worth at the latest prices
    and routes, into their estimates; a site without laboratory results is worth its
    remediation savings. Idempotent: running it twice writes the same values."""
    inputs = selectors.evaluation_inputs()
    sites = Site.objects.select_related("estimate").order_by("pk")
    if site_pks is not None:
        sites = sites.filter(pk__in=site_pks)
    now = timezone.now()
    created, updated = [], []
    for site in sites:
        columns = selectors.site_valuation(site, inputs)
        estimate = getattr(site, "estimate", None)
        if estimate is None:
            estimate = SiteEstimate(site=site, computed_at=now)
            created.append(estimate)
        else:
            updated.append(estimate)
        for name, value in columns.items():
            setattr(estimate, name, value)
        estimate.valued_at = now
    SiteEstimate.objects.bulk_create(created, batch_size=1000)
    fields = [*selectors.site_valuation_columns(), "valued_at"]
    SiteEstimate.objects.bulk_update(updated, fields, batch_size=1000)
    dataset_changed(selectors.VALUATIONS)
    return len(created) + len(updated)
