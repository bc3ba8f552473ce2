"""Django's permission API answered from roles, for the ground floor (``core``), which
knows no role: ``user.has_perm("core.change_dataflag")`` is true for an officer."""

from accounts.permissions import OFFICER_ROLES, has_role

ROLE_PERMISSIONS = {
    "core.view_dataflag": OFFICER_ROLES,
    "core.change_dataflag": OFFICER_ROLES,
}


class RolePermissionBackend:
    """Grants permissions by role; authenticates nobody (the model backend does)."""

    # No get_user(): Django would then take this backend for the session of a signed-in user.
    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        roles = ROLE_PERMISSIONS.get(perm)
        return bool(roles) and has_role(user_obj, *roles)

    def has_module_perms(self, user_obj, app_label):
        return False
