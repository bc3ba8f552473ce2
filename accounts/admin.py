from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import Invitation, Membership, Organisation, Role, User
from accounts.services import user_create, welcome_send


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


class UserAddForm(forms.ModelForm):
    """An administrator creates an account; its owner chooses a password from an e-mail."""

    class Meta:
        model = User
        fields = ["email", "full_name", "role"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = UserAddForm
    ordering = ["email"]
    list_display = ["email", "full_name", "role", "is_active", "is_demo"]
    list_filter = ["role", "is_active", "is_demo"]
    search_fields = ["email", "full_name"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Identité"), {"fields": ["full_name", "role", "is_demo"]}),
        (_("Accès"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "full_name", "role"]})]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        user = user_create(
            actor=request.user,
            email=form.cleaned_data["email"],
            full_name=form.cleaned_data["full_name"],
            role=form.cleaned_data.get("role") or Role.HOLDER,
        )
        welcome_send(actor=request.user, user=user)
        # The admin goes on with this object (inlines, redirect): hand it the saved user.
        obj.pk = user.pk
        obj.__dict__.update({k: v for k, v in user.__dict__.items() if not k.startswith("_")})
        obj._state.adding = False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "identifier", "city", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name", "short_name", "identifier"]
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "invited_by", "created_at", "accepted_at"]
    readonly_fields = ["organisation", "email", "user", "invited_by", "created_at", "accepted_at"]
