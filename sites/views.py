"""Pages of the register of brownfields: the ranking and map, a site's chain from identity
to evaluation, laboratory imports, prices and routes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.forms import add_service_errors
from core.imports import import_state_json
from core.security import require
from sites import selectors, services
from sites.forms import (
    ActivityForm,
    CampaignForm,
    HistoryForm,
    LabUploadForm,
    OutcomeForm,
    PriceForm,
    RouteForm,
    SampleForm,
    SiteForm,
    WeightsForm,
    ZoneForm,
)
from sites.maps import sites_svg
from sites.models import LabImport, ProcessRoute, Site
from sites.permissions import can_manage_sites, can_view_sites

PAGE_SIZE = 50


@login_required
@require_safe
def programme_detail(request, code):
    found = selectors.programme_get_for_user(request.user, code)
    return render(
        request,
        "sites/programme_detail.html",
        {"programme": found, "can_manage": can_manage_sites(request.user)},
    )


@login_required
@require_safe
def site_ranking(request):
    """The sites ranked on the officer's weights, page by page, with the map of the page and
    the sensitivity of the order; the database ranks them, whatever their number."""
    require(can_view_sites(request.user))
    # Bound only when weights were sent: « ?page=2 » alone is not a form with errors.
    asked = any(name in request.GET for name in WeightsForm.base_fields)
    weights_form = WeightsForm(request.GET if asked else None)
    weights = weights_form.weights()
    page = Paginator(selectors.ranking_order(weights), PAGE_SIZE).get_page(request.GET.get("page"))
    sites = Site.objects.select_related("estimate").in_bulk([pk for pk, _score in page])
    rows = [
        {
            "rank": rank,
            "site": sites[pk],
            "score": score,
            "best": getattr(sites[pk], "estimate", None),
        }
        for rank, (pk, score) in enumerate(page, start=page.start_index())
        if pk in sites
    ]
    # Reviewed for bandit: the map module escapes every text.
    site_map = mark_safe(  # noqa: S308  # nosec B308 B703
        sites_svg([(row["rank"], row["site"]) for row in rows], total=page.paginator.count)
    )
    return render(
        request,
        "sites/ranking.html",
        {
            "page": page,
            "rows": rows,
            "weights_form": weights_form,
            "scenarios": selectors.sensitivity_remembered(weights),
            "site_map": site_map,
            "programme": selectors.programme(),
            "can_manage": can_manage_sites(request.user),
        },
    )


@login_required
@require_safe
def site_detail(request, pk):
    site = selectors.site_get_for_user(request.user, pk)
    inputs = selectors.evaluation_inputs()
    return render(
        request,
        "sites/site_detail.html",
        {
            "site": site,
            "activities": site.activities.all(),
            "history": site.history.all(),
            "campaigns": selectors.campaigns_of(site),
            "zones": selectors.zones_with_grades(site),
            "evaluations": selectors.evaluate_site(site, inputs),
            "outcomes": site.outcomes.all(),
            "can_manage": can_manage_sites(request.user),
        },
    )


def _edit(request, form, save, template, context, success, target):
    """The shared shape of an officer's form: validate, call the service, or show the errors."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(target)
    return render(request, template, {**context, "form": form})


@login_required
def site_form(request, pk=None):
    require(can_manage_sites(request.user))
    site = selectors.site_get_for_user(request.user, pk) if pk else None
    form = SiteForm(request.POST or None, instance=site)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.site_save(actor=request.user, site=site, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Site enregistré."))
            return redirect("sites:site_detail", pk=saved.pk)
    return render(request, "sites/form.html", {"form": form, "site": site, "title": _("Site")})


def _site_child_form(request, pk, form_class, service, title, success, **form_kwargs):
    require(can_manage_sites(request.user))
    site = selectors.site_get_for_user(request.user, pk)
    form = form_class(request.POST or None, request.FILES or None, **form_kwargs)
    return _edit(
        request,
        form,
        lambda data: service(actor=request.user, site=site, **data),
        "sites/form.html",
        {"site": site, "title": title},
        success,
        reverse("sites:site_detail", args=[site.pk]),
    )


@login_required
def activity_add(request, pk):
    return _site_child_form(
        request,
        pk,
        ActivityForm,
        services.activity_add,
        _("Activité passée"),
        _("Activité ajoutée."),
    )


@login_required
def history_add(request, pk):
    return _site_child_form(
        request,
        pk,
        HistoryForm,
        services.history_event_add,
        _("Événement de l'histoire du site"),
        _("Événement ajouté."),
    )


@login_required
def campaign_add(request, pk):
    return _site_child_form(
        request, pk, CampaignForm, services.campaign_create, _("Campagne"), _("Campagne ajoutée.")
    )


@login_required
def zone_add(request, pk):
    return _site_child_form(
        request, pk, ZoneForm, services.zone_save, _("Zone de gisement"), _("Zone ajoutée.")
    )


@login_required
def outcome_add(request, pk):
    return _site_child_form(
        request,
        pk,
        OutcomeForm,
        services.outcome_record,
        _("Résultat obtenu"),
        _("Résultat enregistré."),
    )


@login_required
def campaign_detail(request, campaign_pk):
    campaign = selectors.campaign_get_for_user(request.user, campaign_pk)
    can_manage = can_manage_sites(request.user)
    sample_form = SampleForm(request.POST or None, campaign=campaign)
    if request.method == "POST":
        require(can_manage)
        if sample_form.is_valid():
            try:
                services.sample_create(
                    actor=request.user, campaign=campaign, **sample_form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(sample_form, error)
            else:
                messages.success(request, _("Échantillon ajouté."))
                return redirect("sites:campaign_detail", campaign_pk=campaign.pk)
    samples = Paginator(
        campaign.samples.select_related("zone").order_by("code"), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "sites/campaign_detail.html",
        {
            "campaign": campaign,
            "samples": samples,
            "sample_form": sample_form if can_manage else None,
            "upload_form": LabUploadForm() if can_manage else None,
        },
    )


@login_required
def lab_upload(request, campaign_pk):
    campaign = selectors.campaign_get_for_user(request.user, campaign_pk)
    require(can_manage_sites(request.user))
    form = LabUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.lab_import_create(
                actor=request.user, campaign=campaign, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("sites:lab_preview", import_pk=batch.pk)
    return render(
        request, "sites/form.html", {"form": form, "title": _("Résultats de laboratoire")}
    )


@login_required
def lab_preview(request, import_pk):
    require(can_manage_sites(request.user))
    batch = get_object_or_404(
        LabImport.objects.select_related("campaign__site"), pk=import_pk, uploaded_by=request.user
    )
    if request.GET.get("format") == "json":  # the page follows a file a worker is parsing
        return import_state_json(batch)
    if request.method == "POST":
        try:
            services.lab_import_confirm(actor=request.user, batch=batch)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if batch.state == LabImport.State.IMPORTING:
                messages.info(request, _("Import en cours : cette page suit son avancement."))
                return redirect("sites:lab_preview", import_pk=batch.pk)
            messages.success(
                request,
                _("%(n)s résultats importés ; les estimations du site sont recalculées.")
                % {"n": batch.imported_count},
            )
            return redirect("sites:campaign_detail", campaign_pk=batch.campaign_id)
    return render(
        request,
        "sites/lab_preview.html",
        {"batch": batch, "rows": batch.rows[:200], "errors": batch.errors[:500]},
    )


@login_required
def prices(request):
    require(can_view_sites(request.user))
    can_manage = can_manage_sites(request.user)
    form = PriceForm(request.POST or None)
    if request.method == "POST":
        require(can_manage)
        if form.is_valid():
            try:
                services.price_record(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Cours enregistré."))
                return redirect("sites:prices")
    return render(
        request,
        "sites/prices.html",
        {
            "prices": selectors.latest_prices(),
            "routes": selectors.routes(),
            "form": form if can_manage else None,
            "can_manage": can_manage,
        },
    )


@login_required
def route_edit(request, route_pk):
    require(can_manage_sites(request.user))
    route = get_object_or_404(ProcessRoute, pk=route_pk)
    initial = {"processing_cost_per_t": route.processing_cost_per_t}
    initial.update({f"rate_{k}": v for k, v in route.recovery_rates.items()})
    form = RouteForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.route_update(
                actor=request.user,
                route=route,
                processing_cost_per_t=form.cleaned_data["processing_cost_per_t"],
                recovery_rates=form.rates(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Filière enregistrée."))
            return redirect("sites:prices")
    return render(request, "sites/form.html", {"form": form, "title": route.get_code_display()})
