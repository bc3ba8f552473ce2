from partners.permissions import is_officer


def can_view_data_flags(user) -> bool:
    return is_officer(user)


def can_resolve_data_flag(user, data_flag) -> bool:
    return is_officer(user)
