"""Shared fixtures: the personas every test speaks of, and the real Celery worker.

Personas: an officer (Olivier) and a second officer (Odile), a holder of
organisation A (Hélène), a holder of organisation B (Hugo), a committee member
(Camille), a partner contributor (Paul) and an administrator (Alice).
"""

import os
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection

from accounts.models import OrganisationType, Role
from accounts.services import membership_create, organisation_create, user_create
from config.celery import app as celery_app
from core.cache import cache_outage_forget
from core.versioned_cache import forget_versions

# The calls and a complete draft of holder A, shared by the AMI tests and the cross-app ones.
pytest_plugins = ["tests.ami_fixtures"]

PASSWORD = "correct-horse-battery-staple"


def _persona(email, full_name, role, organisation=None):
    user = user_create(
        actor=None,
        email=email,
        full_name=full_name,
        role=role,
        password=PASSWORD,
        email_verified=True,
    )
    if organisation is not None:
        membership_create(actor=None, user=user, organisation=organisation, is_manager=True)
    return user


@pytest.fixture
def organisation_a(db):
    return organisation_create(
        actor=None,
        name="Recyclerie de l'Artois",
        kind=OrganisationType.SOCIAL_ECONOMY,
        identifier="W623000017",
    )


@pytest.fixture
def organisation_b(db):
    return organisation_create(
        actor=None,
        name="Matériaux du Hainaut",
        kind=OrganisationType.COMPANY,
        identifier="732829320",
    )


@pytest.fixture
def officer(db):
    return _persona("olivier@hautsdefrance.fr", "Olivier Agent", Role.OFFICER)


@pytest.fixture
def second_officer(db):
    return _persona("odile@hautsdefrance.fr", "Odile Agente", Role.OFFICER)


@pytest.fixture
def administrator(db):
    return _persona("alice@hautsdefrance.fr", "Alice Admin", Role.ADMINISTRATOR)


@pytest.fixture
def committee_member(db):
    return _persona("camille@ademe.fr", "Camille Copil", Role.COMMITTEE)


@pytest.fixture
def partner_contributor(db):
    return _persona("paul@team2.fr", "Paul Partenaire", Role.PARTNER)


@pytest.fixture
def holder_a(organisation_a):
    return _persona("helene@recyclerie-artois.fr", "Hélène Porteuse", Role.HOLDER, organisation_a)


@pytest.fixture
def holder_b(organisation_b):
    return _persona("hugo@materiaux-hainaut.fr", "Hugo Porteur", Role.HOLDER, organisation_b)


@pytest.fixture
def client_for(client):
    """``client_for(user)``: the test client, signed in as that user."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture(autouse=True)
def _test_environment(settings, request):
    # Hashed static names need collectstatic, which unit tests do not run.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # The second factor has its own tests; elsewhere officers are taken as verified,
    # so both CI runs (DEBUG on SQLite, production-like on PostgreSQL) behave alike.
    settings.REQUIRE_TWO_FACTOR = False
    # Likewise unscanned uploads are served in both runs (as on the embedded default);
    # the production rule (not without a clean scan) has its own tests.
    settings.SERVE_UNSCANNED_FILES = True
    # Every opening recorded, so that tests do not depend on one another through the cache;
    # the once-per-hour rule has its own test.
    settings.AUDIT_ACCESS_WINDOW_SECONDS = 0
    # Cached counts and rankings belong to the rolled-back data of the previous test.
    forget_versions()
    # A test that made the cache unreachable leaves no outage behind it.
    cache_outage_forget()
    # Tasks run inline unless a test asks for the real worker.
    uses_worker = request.node.get_closest_marker("worker") is not None
    celery_app.conf.task_always_eager = not uses_worker
    yield
    celery_app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER


def _database_url():
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def celery_worker(django_db_setup):
    """A real Celery worker process on Redis, using the test database. One per test: a
    transactional test empties the tables after it, and a worker kept from an earlier test
    would go on with that test's cached content types."""
    if not settings.REDIS_URL or connection.vendor != "postgresql":
        pytest.skip("needs REDIS_URL and a PostgreSQL DATABASE_URL (the CI's second run)")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    celery_app.conf.task_default_queue = queue
    env = {**os.environ, "DATABASE_URL": _database_url(), "CELERY_QUEUE": queue}
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
            "-n",
            f"{queue}@%h",
        ],
        env=env,
    )
    deadline = time.monotonic() + 60
    while not celery_app.control.ping(destination=[f"{queue}@{os.uname().nodename}"], timeout=1):
        if worker.poll() is not None or time.monotonic() > deadline:
            worker.kill()
            pytest.fail("the Celery worker did not start")
    yield worker
    worker.terminate()
    worker.wait(timeout=30)


@pytest.fixture
def run_outbox():
    """``run_outbox()``: what a worker does once the request is over, run the follow-up work
    waiting in the outbox (e-mails, status refreshes, renders); returns how many ran."""
    from core.outbox import outbox_drain

    return outbox_drain


@pytest.fixture
def wait_for_worker(celery_worker):
    """``wait_for_worker(condition, timeout=60)``: do what beat does (ask the real worker to
    drain the outbox) every second until ``condition()`` holds; fails the test on timeout."""
    from core.tasks import drain_outbox

    def wait(condition, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            drain_outbox.delay()
            for _tick in range(4):
                if condition():
                    return
                time.sleep(0.25)
        pytest.fail("the worker did not finish the follow-up work in time")

    return wait


@pytest.fixture
def broker_down():
    """``with broker_down():`` Celery points at a port nobody listens on (Redis is down)."""
    from contextlib import contextmanager

    @contextmanager
    def down():
        saved = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
        celery_app.conf.broker_url = "redis://127.0.0.1:9/0"  # nothing listens on port 9
        celery_app.conf.task_always_eager = False
        celery_app._pool = None
        celery_app.amqp._producer_pool = None
        try:
            yield
        finally:
            celery_app.conf.broker_url, celery_app.conf.task_always_eager = saved
            celery_app._pool = None
            celery_app.amqp._producer_pool = None

    return down
