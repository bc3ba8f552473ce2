from core.models import DataFlag
from core.permissions import can_view_data_flags
from core.security import refuse_as_not_found


def data_flag_list(*, status=None):
    flags = DataFlag.objects.select_related("content_type", "resolved_by").order_by("status", "pk")
    return flags.filter(status=status) if status else flags


def data_flag_get_for_user(user, pk):
    data_flag = DataFlag.objects.filter(pk=pk).first()
    if data_flag is None or not can_view_data_flags(user):
        refuse_as_not_found(user, "data flag", pk)
    return data_flag
