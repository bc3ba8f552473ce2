from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import is_officer
from actionplan import exports, selectors, services
from actionplan.charts import sparkline_svg, trajectory_svg
from actionplan.forms import (
    ActionSheetForm,
    BulkReviewForm,
    CommitmentCorrectForm,
    CommitmentWithdrawForm,
    DashboardFilterForm,
    FundingCommitmentForm,
    ImportForm,
    IndicatorSettingsForm,
    LifecycleForm,
    ManualStatusForm,
    MeasurementForm,
    ReviewForm,
)
from actionplan.models import (
    Action,
    Axis,
    FundingSource,
    GovernanceBody,
    ImportBatch,
    PlanSetting,
    Status,
    TargetKind,
)
from actionplan.permissions import (
    can_edit_action_sheet,
    can_import_measurements,
    can_manage_indicator,
    can_record_funding,
    can_record_measurement,
    can_review_measurement,
    can_view_funding,
    can_view_plan,
)
from core.audit import audit_event
from core.forms import add_service_errors
from core.imports import import_state_json
from core.models import DataFlag
from core.security import require
from core.selectors import open_flags_about


@login_required
@require_safe
def dashboard(request):
    require(can_view_plan(request.user))
    axes = list(Axis.objects.order_by("position"))
    actions = list(Action.objects.order_by("position"))
    form = DashboardFilterForm(
        request.GET or None, axes=axes, actions=actions, owners=selectors.owners()
    )
    filters = form.cleaned_data if form.is_valid() else {}
    indicators = list(selectors.indicator_list(**{k: v for k, v in filters.items() if v}))
    counts = selectors.status_counts(selectors.indicator_list())
    since = selectors.quarter_start(selectors.today())
    groups = {}
    for indicator in indicators:
        # Reviewed for bandit: numbers only.
        indicator.sparkline = mark_safe(sparkline_svg(indicator.trend))  # noqa: S308  # nosec B308 B703
        groups.setdefault(indicator.action, []).append(indicator)
    return render(
        request,
        "actionplan/dashboard.html",
        {
            "form": form,
            "groups": groups,
            "status_counts": [(status, counts.get(status.value, 0)) for status in Status],
            "changes": selectors.status_changes_since(since)[:20],
            "since": since,
            "horizon": selectors.plan_horizon(),
            "shown": len(indicators),
            "can_manage": can_manage_indicator(request.user, None),
        },
    )


@login_required
@require_safe
def indicator_detail(request, code):
    indicator = selectors.indicator_get_for_user(request.user, code)
    horizon = selectors.plan_horizon()
    assessment, series = services.indicator_assessment(
        indicator, series=selectors.stored_series(indicator), horizon=horizon
    )
    chart = None
    if indicator.has_trajectory and indicator.target_value is not None:
        start = date(indicator.baseline_year, 12, 31) if indicator.baseline_year else horizon.start
        end = date(indicator.target_year, 12, 31) if indicator.target_year else horizon.end
        baseline = indicator.baseline_value or 0
        # Reviewed for bandit: the chart module escapes every text.
        chart = mark_safe(  # noqa: S308  # nosec B308 B703
            trajectory_svg(
                indicator=indicator,
                series=series,
                start=start,
                end=end,
                baseline=baseline,
                target=indicator.target_value,
                tolerance_ratio=indicator.tolerance / 100,
                title_id=f"chart-{indicator.pk}",
                forecast=indicator.forecast,
            )
        )
    return render(
        request,
        "actionplan/indicator_detail.html",
        {
            "indicator": indicator,
            "assessment": assessment,
            "chart": chart,
            "series_table": series[-12:],
            "measurements": selectors.measurement_list_for_indicator(indicator),
            "history": selectors.indicator_history(indicator),
            "territories": selectors.territorial_latest(indicator),
            "computed_label": selectors.computed_source_label(indicator.computed_by),
            "can_record": can_record_measurement(request.user, indicator),
            "can_manage": can_manage_indicator(request.user, indicator),
            "is_qualitative": indicator.target_kind == TargetKind.QUALITATIVE,
            "manual_form": ManualStatusForm(),
            "horizon": horizon,
        },
    )


@login_required
def measurement_create(request, code):
    indicator = selectors.indicator_get_for_user(request.user, code)
    require(can_record_measurement(request.user, indicator))
    form = MeasurementForm(request.POST or None, request.FILES or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            services.measurement_create(
                actor=request.user, indicator=indicator, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Mesure enregistrée : elle compte dès qu'un autre agent l'a approuvée.")
            )
            return redirect("actionplan:indicator_detail", code=indicator.code)
    return render(
        request, "actionplan/measurement_form.html", {"form": form, "indicator": indicator}
    )


@login_required
def review_queue(request):
    require(is_officer(request.user))
    pending = selectors.measurements_to_review()
    reviewable = pending.exclude(entered_by=request.user)
    form = BulkReviewForm(request.POST or None, queryset=reviewable)
    if request.method == "POST" and form.is_valid():
        try:
            approved = services.measurements_approve_bulk(
                actor=request.user,
                measurements=form.cleaned_data["measurements"],
                comment=form.cleaned_data["comment"],
            )
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(
                request, _("%(count)s mesure(s) approuvée(s).") % {"count": len(approved)}
            )
            return redirect("actionplan:review_queue")
    return render(
        request,
        "actionplan/review_queue.html",
        {"pending": pending, "form": form, "review_form": ReviewForm()},
    )


@login_required
@require_POST
def measurement_review(request, pk):
    measurement = selectors.measurement_get_for_user(request.user, pk)
    require(can_review_measurement(request.user, measurement))
    form = ReviewForm(request.POST)
    form.is_valid()
    comment = form.cleaned_data.get("comment", "")
    try:
        if request.POST.get("decision") == "approve":
            services.measurement_approve(
                actor=request.user, measurement=measurement, comment=comment
            )
            messages.success(request, _("Mesure approuvée."))
        else:
            services.measurement_return(actor=request.user, measurement=measurement, reason=comment)
            messages.success(request, _("Mesure renvoyée à son auteur."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("actionplan:review_queue")


@login_required
@require_safe
def measurement_evidence(request, pk):
    measurement = selectors.measurement_get_for_user(request.user, pk)
    if not measurement.evidence:
        raise PermissionDenied
    audit_event(actor=request.user, obj=measurement, event="evidence_downloaded", access=True)
    return FileResponse(
        measurement.evidence.open("rb"),
        as_attachment=True,
        filename=measurement.evidence.name.rsplit("/", 1)[-1],
    )


@login_required
@require_POST
def indicator_manual_status(request, code):
    indicator = selectors.indicator_get_for_user(request.user, code)
    require(can_manage_indicator(request.user, indicator))
    form = ManualStatusForm(request.POST)
    if form.is_valid():
        try:
            services.indicator_set_manual_status(
                actor=request.user,
                indicator=indicator,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("Statut enregistré."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Choisissez un statut et indiquez un motif."))
    return redirect("actionplan:indicator_detail", code=indicator.code)


@login_required
def indicator_settings(request, code):
    indicator = selectors.indicator_get_for_user(request.user, code)
    require(can_manage_indicator(request.user, indicator))
    form = IndicatorSettingsForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_update_settings(
                actor=request.user, indicator=indicator, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Réglages de l'indicateur enregistrés."))
            return redirect("actionplan:indicator_detail", code=indicator.code)
    return render(
        request, "actionplan/indicator_settings.html", {"form": form, "indicator": indicator}
    )


COMMITMENTS_PAGE_SIZE = 50


@login_required
@require_safe
def commitment_list(request):
    require(can_view_funding(request.user))
    source = request.GET.get("source") or None
    action = request.GET.get("action") or None
    commitments = selectors.commitment_list(source=source, action=action)
    page = Paginator(commitments, COMMITMENTS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "actionplan/commitment_list.html",
        {
            "page": page,
            "sources": FundingSource.objects.order_by("position"),
            "actions": Action.objects.order_by("position"),
            "source": source,
            "action": action,
            "can_record": can_record_funding(request.user),
        },
    )


@login_required
def commitment_correct(request, pk):
    commitment = selectors.commitment_get_for_user(request.user, pk)
    require(can_record_funding(request.user) and commitment.withdrawn_at is None)
    form = CommitmentCorrectForm(request.POST or None, instance=commitment)
    if request.method == "POST" and form.is_valid():
        try:
            services.funding_commitment_correct(
                actor=request.user, commitment=commitment, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Engagement corrigé."))
            return redirect("actionplan:commitment_list")
    return render(
        request,
        "actionplan/commitment_form.html",
        {"commitment": commitment, "form": form, "withdraw": False},
    )


@login_required
def commitment_withdraw(request, pk):
    commitment = selectors.commitment_get_for_user(request.user, pk)
    require(can_record_funding(request.user) and commitment.withdrawn_at is None)
    form = CommitmentWithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.funding_commitment_withdraw(
            actor=request.user, commitment=commitment, **form.cleaned_data
        )
        messages.success(request, _("Engagement retiré : il ne compte plus dans les totaux."))
        return redirect("actionplan:commitment_list")
    return render(
        request,
        "actionplan/commitment_form.html",
        {"commitment": commitment, "form": form, "withdraw": True},
    )


@login_required
@require_safe
def action_detail(request, code):
    action = selectors.action_get_for_user(request.user, code)
    return render(
        request,
        "actionplan/action_detail.html",
        {
            "action": action,
            "indicators": list(action.indicators.order_by("position")),
            "sheet_written": any(getattr(action, name) for name in services.SHEET_FIELDS),
            "can_edit_sheet": can_edit_action_sheet(request.user, action),
            "can_manage": can_manage_indicator(request.user, None),
        },
    )


@login_required
def action_sheet(request, code):
    action = selectors.action_get_for_user(request.user, code)
    require(can_edit_action_sheet(request.user, action))
    form = ActionSheetForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        services.action_sheet_update(actor=request.user, action=action, **form.cleaned_data)
        messages.success(request, _("Fiche action %(code)s enregistrée.") % {"code": action.code})
        return redirect("actionplan:action_detail", code=action.code)
    return render(request, "actionplan/action_sheet.html", {"action": action, "form": form})


@login_required
@require_safe
def plan_about(request):
    plan = selectors.plan_get_for_user(request.user)
    return render(
        request,
        "actionplan/plan_about.html",
        {
            "plan": plan,
            "axes": Axis.objects.prefetch_related("actions").order_by("position"),
            "governance": GovernanceBody.objects.order_by("pk"),
            "horizon": selectors.plan_horizon(),
        },
    )


@login_required
def action_lifecycle(request, code):
    require(can_manage_indicator(request.user, None))
    action = get_object_or_404(Action, code=code)
    form = LifecycleForm(request.POST or None, initial={"tags": action.lifecycle})
    if request.method == "POST" and form.is_valid():
        services.action_set_lifecycle(
            actor=request.user, action=action, tags=form.cleaned_data["tags"]
        )
        messages.success(
            request, _("Cycle de vie de l'action %(code)s enregistré.") % {"code": action.code}
        )
        return redirect("actionplan:dashboard")
    flags = DataFlag.objects.filter(
        content_type__app_label="actionplan", content_type__model="action", object_id=action.pk
    )
    return render(
        request,
        "actionplan/action_lifecycle.html",
        {"action": action, "form": form, "flags": flags},
    )


@login_required
def import_upload(request):
    require(can_import_measurements(request.user))
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.import_batch_create(
                actor=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("actionplan:import_preview", pk=batch.pk)
    return render(request, "actionplan/import_upload.html", {"form": form})


@login_required
def import_preview(request, pk):
    require(can_import_measurements(request.user))
    batch = get_object_or_404(ImportBatch, pk=pk, uploaded_by=request.user)
    if request.GET.get("format") == "json":  # the page follows a file a worker is parsing
        return import_state_json(batch)
    if request.method == "POST":
        try:
            with transaction.atomic():
                services.import_batch_confirm(actor=request.user, batch=batch)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if batch.state == ImportBatch.State.IMPORTING:
                messages.info(request, _("Import en cours : cette page suit son avancement."))
                return redirect("actionplan:import_preview", pk=batch.pk)
            messages.success(
                request,
                _("%(count)s mesure(s) importée(s), en attente d'approbation.")
                % {"count": batch.imported_count},
            )
            return redirect("actionplan:review_queue")
    return render(
        request, "actionplan/import_preview.html", {"batch": batch, "rows": batch.rows[:200]}
    )


@login_required
def funding(request):
    require(can_view_funding(request.user))
    sources = list(selectors.funding_by_source())
    for source in sources:
        source.remaining = (
            None if source.envelope is None else source.envelope - (source.committed or 0)
        )
    form = None
    if can_record_funding(request.user):
        form = FundingCommitmentForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.funding_commitment_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Engagement enregistré."))
                return redirect("actionplan:funding")
    elif request.method == "POST":
        raise PermissionDenied
    setting = PlanSetting.objects.filter(pk=1).first()
    readings = open_flags_about(FundingSource) + open_flags_about(
        PlanSetting, codes=["envelope-sum-reading"]
    )
    committed = selectors.funding_total_committed()
    demo_committed = selectors.funding_total_committed(demo_only=True)
    return render(
        request,
        "actionplan/funding.html",
        {
            "sources": sources,
            "readings": readings,
            "actions": selectors.funding_by_action(),
            "envelope": setting.envelope if setting else None,
            "committed": committed,
            "demo_committed": demo_committed,
            "remaining": (setting.envelope - committed) if setting else None,
            "form": form,
        },
    )


@login_required
@require_safe
def export(request, file_format):
    require(can_view_plan(request.user))
    indicators = selectors.indicator_list()
    if file_format == "xlsx":
        return exports.indicators_xlsx(indicators)
    return exports.indicators_csv(indicators)
