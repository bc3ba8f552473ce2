import re
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from core.models import DataFlag


def test_an_officer_confirms_a_flag_with_an_explanation(client_for, officer, db):
    call_command("load_reference_data", stdout=StringIO())
    flag = DataFlag.objects.get(code="area-differs")
    client = client_for(officer)
    assert "6 000 m2" in client.get(reverse("data_flag_resolve", args=[flag.pk])).content.decode()
    client.post(
        reverse("data_flag_resolve", args=[flag.pk]),
        {"status": "confirmed", "resolution": "Surface : 5 000 m²"},
    )
    flag.refresh_from_db()
    assert (flag.status, flag.resolved_by, flag.resolution) == (
        "confirmed",
        officer,
        "Surface : 5 000 m²",
    )


def test_every_open_flag_is_listed_once_across_the_pages(client_for, officer, db):
    call_command("load_reference_data", stdout=StringIO())
    client = client_for(officer)
    seen, page = [], 1
    while True:
        content = client.get(reverse("data_flags"), {"page": page}).content.decode()
        seen += [int(pk) for pk in re.findall(r'id="flag-(\d+)"', content)]
        if 'rel="next"' not in content:
            break
        page += 1
    assert page > 1
    assert sorted(seen) == sorted(
        DataFlag.objects.filter(status="open").values_list("pk", flat=True)
    )


def test_a_decision_without_explanation_is_refused_and_changes_nothing(client_for, officer, db):
    call_command("load_reference_data", stdout=StringIO())
    flag = DataFlag.objects.get(code="area-differs")
    response = client_for(officer).post(
        reverse("data_flag_resolve", args=[flag.pk]), {"status": "confirmed"}
    )
    assert 'class="errorlist"' in response.content.decode()
    flag.refresh_from_db()
    assert flag.status == "open"


def test_holders_and_committee_members_cannot_see_or_resolve_flags(
    client_for, holder_a, committee_member, db
):
    call_command("load_reference_data", stdout=StringIO())
    flag = DataFlag.objects.first()
    for user in (holder_a, committee_member):
        client = client_for(user)
        assert client.get(reverse("data_flags")).status_code == 403
        assert (
            client.post(
                reverse("data_flag_resolve", args=[flag.pk]),
                {"status": "confirmed", "resolution": "x"},
            ).status_code
            == 404
        )
    flag.refresh_from_db()
    assert flag.status == "open"
