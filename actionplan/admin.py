from django.contrib import admin

from actionplan.models import (
    Action,
    Axis,
    FundingCommitment,
    FundingSource,
    GovernanceBody,
    Indicator,
    Measurement,
    PlanSetting,
)


@admin.register(Axis)
class AxisAdmin(admin.ModelAdmin):
    list_display = ["code", "title"]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["code", "theme", "axis", "proposition", "lifecycle"]
    list_filter = ["axis"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "target_kind", "current_status", "owner"]
    list_filter = ["target_kind", "current_status", "action__axis"]
    search_fields = ["code", "name"]
    readonly_fields = [
        "current_status",
        "current_progress",
        "current_value",
        "current_value_date",
        "current_stale",
        "current_exceeded",
        "current_is_demo",
        "trend",
        "status_computed_at",
    ]


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    """Read-only here: measurements change through the approval workflow only."""

    list_display = [
        "indicator",
        "date",
        "value",
        "territory",
        "status",
        "entered_by",
        "reviewed_by",
        "is_demo",
    ]
    list_filter = ["status", "is_demo", "indicator__action"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(FundingSource)
class FundingSourceAdmin(admin.ModelAdmin):
    list_display = ["name", "group", "envelope", "is_leverage"]


@admin.register(FundingCommitment)
class FundingCommitmentAdmin(admin.ModelAdmin):
    list_display = ["source", "action", "amount", "date", "label", "is_demo"]
    list_filter = ["source", "action"]


@admin.register(PlanSetting)
class PlanSettingAdmin(admin.ModelAdmin):
    list_display = ["envelope", "duration_years", "start_date"]

    def has_add_permission(self, request):
        return not PlanSetting.objects.exists()


@admin.register(GovernanceBody)
class GovernanceBodyAdmin(admin.ModelAdmin):
    list_display = ["name", "cadence"]
