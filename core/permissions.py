"""Who may use what the ground floor offers.

``core`` knows no role: it asks Django's permission API, which the accounts
app answers from each user's role (``accounts.backends.RolePermissionBackend``).
"""


def can_view_data_flags(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("core.view_dataflag"))


def can_resolve_data_flag(user, data_flag) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("core.change_dataflag"))
