"""Read-only pages answer 405 to a method that would write: nothing is written, and a client
learns at once that it used the wrong method (Allow: GET, HEAD)."""

from django.urls import reverse

READ_ONLY = [
    ("home", []),
    ("healthz", []),
    ("personal_data", []),
    ("accounts:my_data", []),
    ("data_flags", []),
    ("export_list", []),
    ("export_download", [1]),
    ("accounts:organisation_list", []),
    ("accounts:organisation_detail", [1]),
    ("actionplan:dashboard", []),
    ("actionplan:indicator_detail", ["1.1-1"]),
    ("actionplan:measurement_evidence", [1]),
    ("actionplan:export_csv", []),
    ("actionplan:report_list", []),
    ("actionplan:report_detail", [1]),
    ("actionplan:report_status", [1]),
    ("ami:call_list", []),
    ("ami:my_dossiers", []),
    ("ami:dossier_list", []),
    ("ami:dossier_letter", [1]),
    ("ami:dossier_zip", [1]),
    ("ami:phase_ranking", [1]),
    ("partners:convention_list", []),
    ("partners:meeting_minutes", [1]),
    ("partners:event_list", []),
    ("sites:ranking", []),
    ("sites:site_detail", [1]),
]


def test_every_read_only_page_refuses_a_writing_method(client_for, officer):
    client = client_for(officer)
    for name, args in READ_ONLY:
        for method in ("post", "put", "patch", "delete"):
            response = getattr(client, method)(reverse(name, args=args))
            assert response.status_code == 405, (method, name)
            assert set(response["Allow"].split(", ")) == {"GET", "HEAD"}, name
