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
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from accounts.models import OrganisationType, Role
from accounts.services import membership_create, organisation_create, user_create
from config.celery import app as celery_app
from core.cache import cache_outage_forget
from core.versioned_cache import forget_versions

# The calls and a complete draft of holder A, shared by the AMI tests and the cross-app ones.
pytest_plugins = ["tests.ami_fixtures"]

PASSWORD = "correct-horse-battery-staple"


def _load_reference_data():
    call_command("load_reference_data", stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The reference data (plan, calls, convention, programme), loaded once per session.

    Loading it takes a second or two of audited writes; doing so for each of the hundreds of
    tests that need it was most of the suite's time. Every test therefore starts with it, as
    a production database does.
    """
    with django_db_blocker.unblock():
        _load_reference_data()


@pytest.fixture
def reference_data(db):
    """The reference data, reloaded when a transactional test before this one flushed it."""
    from actionplan.models import Indicator
    from ami.models import Call
    from partners.models import Convention
    from sites.models import Programme

    anchors = (Indicator, Call, Convention, Programme)
    if not all(model.objects.exists() for model in anchors):
        _load_reference_data()


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


def _start_worker(name, queues, env):
    """A Celery worker process on Redis serving ``queues`` (``_wait_until_ready`` pings it)."""
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
            ",".join(queues),
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
            "-n",
            f"{name}@%h",
        ],
        env=env,
    )
    return worker


def _wait_until_ready(workers):
    deadline = time.monotonic() + 60
    for name, worker in workers.items():
        while not celery_app.control.ping(destination=[f"{name}@{os.uname().nodename}"], timeout=1):
            if worker.poll() is not None or time.monotonic() > deadline:
                for each in workers.values():
                    each.kill()
                pytest.fail("the Celery worker did not start")


def _stop(workers):
    for worker in workers.values():
        worker.terminate()
    for worker in workers.values():
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            # A render still running after the test: warm shutdown would wait for it.
            worker.kill()
            worker.wait()


@pytest.fixture
def celery_workers(django_db_setup):
    """``celery_workers(groups)``: real Celery worker processes on Redis, using the test
    database, one per group of queues (``[["portal"], ["reports", "estimates"]]``), as
    ``docker-compose.yml`` runs them. Per test: a transactional test empties the tables after
    it, and a worker kept from an earlier test would go on with its cached content types."""
    from core.tasking import queue_name

    if not settings.REDIS_URL or connection.vendor != "postgresql":
        pytest.skip("needs REDIS_URL and a PostgreSQL DATABASE_URL (the CI's second run)")
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    saved = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = prefix
    env = {**os.environ, "DATABASE_URL": _database_url(), "CELERY_QUEUE": prefix}
    started = {}

    def start(groups, email_dir=None):
        extra = {"EMAIL_URL": f"filemail://{email_dir}"} if email_dir else {}
        workers = {
            f"{prefix}-{index}": _start_worker(
                f"{prefix}-{index}", [queue_name(queue) for queue in group], {**env, **extra}
            )
            for index, group in enumerate(groups, start=len(started))
        }
        started.update(workers)
        _wait_until_ready(workers)
        return list(workers.values())

    yield start
    _stop(started)
    celery_app.conf.task_default_queue = saved


@pytest.fixture
def celery_worker(celery_workers):
    """One real Celery worker serving every queue, as on a small install."""
    from core.tasking import QUEUES

    (worker,) = celery_workers([list(QUEUES)])
    return worker


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
