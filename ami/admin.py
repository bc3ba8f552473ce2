from django.contrib import admin

from ami.models import Call, Criterion, Dossier, DossierVersion, Phase, Question


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


class PhaseInline(admin.StackedInline):
    model = Phase
    extra = 0


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["short_title", "code", "enforceable_on", "indicator_code"]
    inlines = [PhaseInline, CriterionInline]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["call", "question", "published_at"]
    list_filter = ["call"]


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    """Read-only: dossiers change through the holders' pages and the instruction workflow only."""

    list_display = ["reference", "title", "organisation", "status", "submitted_at", "is_demo"]
    list_filter = ["status", "phase__call", "is_demo"]
    search_fields = ["reference", "title", "organisation__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DossierVersion)
class DossierVersionAdmin(admin.ModelAdmin):
    list_display = ["dossier", "number", "submitted_at", "content_sha256"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
