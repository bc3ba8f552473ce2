"""A database restart costs no error: the web process checks a kept connection before reuse."""

import psycopg
import pytest
from django.core.wsgi import get_wsgi_application
from django.db import connection
from werkzeug.test import Client


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
