"""A database restart costs no error: the web process checks a kept connection before reuse."""

import threading
import time

import psycopg
import pytest
from django.core.wsgi import get_wsgi_application
from django.db import connection
from rest_framework.authtoken.models import Token
from werkzeug.test import Client

from ami.models import DossierVersion
from core.models import OutboxMessage
from tests.ami_fixtures import make_dossier


@pytest.mark.django_db(transaction=True)
def test_after_the_database_drops_its_connections_the_next_request_succeeds(settings):
    if connection.vendor != "postgresql" or not connection.settings_dict["CONN_MAX_AGE"]:
        pytest.skip("needs PostgreSQL with persistent connections (CI's second run)")
    settings.ALLOWED_HOSTS = ["localhost"]
    web = Client(get_wsgi_application())  # a web worker, with its request signals
    assert web.get("/healthz", headers={"Host": "localhost"}).status_code == 200
    with connection.cursor() as cursor:  # the connection this worker keeps between requests
        cursor.execute("SELECT pg_backend_pid()")
        kept = cursor.fetchone()[0]
    db = connection.settings_dict
    with psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        dbname="postgres",
        autocommit=True,
    ) as admin:  # what a restart does to every open session
        admin.execute("SELECT pg_terminate_backend(%s)", [kept])
    assert web.get("/healthz", headers={"Host": "localhost"}).status_code == 200


def _terminate_every_session(database, stop, every=0.02):
    """What a PostgreSQL restart does, every ``every`` seconds until ``stop`` is set."""
    db = connection.settings_dict
    with psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        dbname="postgres",
        autocommit=True,
    ) as admin:
        while not stop.is_set():
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                [database],
            )
            time.sleep(every)


@pytest.mark.django_db(transaction=True)
def test_submissions_during_a_database_restart_answer_503_and_are_neither_lost_nor_doubled(
    settings, holder_a, pmcb_phase
):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (CI's second run)")
    settings.ALLOWED_HOSTS = ["localhost"]
    dossiers = [make_dossier(holder_a, pmcb_phase, title=f"Projet {n}") for n in range(12)]
    token = Token.objects.create(user=holder_a).key
    web = Client(get_wsgi_application())
    headers = {"Host": "localhost", "Authorization": f"Token {token}"}
    stop = threading.Event()
    # Every session is cut every 50 ms for two seconds, while the submissions come.
    killer = threading.Thread(
        target=_terminate_every_session, args=(connection.settings_dict["NAME"], stop, 0.05)
    )
    statuses = []
    killer.start()
    threading.Timer(2.0, stop.set).start()
    try:
        for dossier in dossiers:
            for _attempt in range(200):  # the holder's page sends it again after Retry-After
                response = web.post(f"/api/dossiers/{dossier.pk}/submit/", headers=headers)
                statuses.append(response.status_code)
                if response.status_code != 503:
                    break
                assert int(response.headers["Retry-After"]) > 0
                assert "redémarre" in response.get_json()["detail"]
                time.sleep(0.01)
    finally:
        stop.set()
        killer.join(timeout=10)
    connection.close()
    assert set(statuses) <= {200, 503}, statuses
    assert 503 in statuses, "the burst saw no restart: the test proved nothing"
    for dossier in dossiers:
        assert DossierVersion.objects.filter(dossier=dossier).count() == 1, dossier.reference
    receipts = OutboxMessage.objects.filter(kind="ami.receipt").count()
    assert receipts == len(dossiers)


@pytest.mark.django_db(transaction=True)
def test_a_page_whose_database_connection_breaks_answers_503_in_french(settings, officer):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (CI's second run)")
    settings.ALLOWED_HOSTS = ["localhost"]
    web = Client(get_wsgi_application())
    stop = threading.Event()
    killer = threading.Thread(
        target=_terminate_every_session, args=(connection.settings_dict["NAME"], stop)
    )
    killer.start()
    try:
        seen = set()
        for _attempt in range(200):
            response = web.get("/healthz", headers={"Host": "localhost"})
            seen.add(response.status_code)
            if response.status_code == 503:
                assert response.headers["Retry-After"]
                assert "redémarre" in response.get_data(as_text=True)
                break
    finally:
        stop.set()
        killer.join(timeout=10)
        connection.close()
    assert 503 in seen and 500 not in seen
