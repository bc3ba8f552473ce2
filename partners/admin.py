from django.contrib import admin

from partners.models import (
    Convention,
    ConventionAction,
    ConventionParty,
    Deliverable,
    Event,
    EventOrganisation,
    FollowedProject,
    Meeting,
    Person,
    Theme,
)


class PartyInline(admin.TabularInline):
    model = ConventionParty
    extra = 0


@admin.register(Convention)
class ConventionAdmin(admin.ModelAdmin):
    list_display = ["title", "deliberation_date", "notification_date"]
    inlines = [PartyInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "organisation", "position"]
    search_fields = ["full_name"]


class EventOrganisationInline(admin.TabularInline):
    model = EventOrganisation
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_on", "place", "participant_count"]
    inlines = [EventOrganisationInline]


for model in (ConventionAction, Theme, FollowedProject, Deliverable, Meeting):
    admin.site.register(model)
