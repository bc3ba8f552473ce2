"""Writes on calls and dossiers, by sub-domain. Every status change goes through
``ami.workflows.DOSSIER_WORKFLOW``."""

from ami.services.calls import (
    call_set_enforceable_date,
    phase_set_dates,
    phase_update,
    question_publish,
)
from ami.services.dossiers import (
    EDITABLE_FIELDS,
    attachment_add,
    attachment_remove,
    attachment_scan,
    dossier_create,
    dossier_draft_delete,
    dossier_save,
    financing_line_add,
    financing_line_remove,
    partner_add,
    partner_remove,
)
from ami.services.evaluation import evaluation_save
from ami.services.instruction import (
    dossier_assign,
    dossier_extend_deadline,
    dossier_mark_seen,
    dossier_note_add,
    dossier_transition,
    expert_opinion_submit,
    expert_request_create,
    message_post,
)
from ami.services.submission import (
    dossier_submit,
    dossier_withdraw,
    draft_reminders_send,
    missing_for_submission,
)

__all__ = [
    "EDITABLE_FIELDS",
    "attachment_add",
    "attachment_remove",
    "attachment_scan",
    "call_set_enforceable_date",
    "dossier_assign",
    "dossier_create",
    "dossier_draft_delete",
    "dossier_extend_deadline",
    "dossier_save",
    "dossier_submit",
    "dossier_withdraw",
    "dossier_transition",
    "draft_reminders_send",
    "evaluation_save",
    "financing_line_add",
    "financing_line_remove",
    "message_post",
    "dossier_mark_seen",
    "dossier_note_add",
    "expert_opinion_submit",
    "expert_request_create",
    "missing_for_submission",
    "partner_add",
    "partner_remove",
    "phase_set_dates",
    "phase_update",
    "question_publish",
]
