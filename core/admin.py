from django.contrib import admin

from core.models import DataFlag


@admin.register(DataFlag)
class DataFlagAdmin(admin.ModelAdmin):
    list_display = ["code", "content_type", "object_id", "status", "resolved_by", "resolved_at"]
    list_filter = ["status", "content_type"]
    search_fields = ["code", "message"]
    readonly_fields = ["content_type", "object_id", "code", "message", "evidence", "created_at"]
