"""Load test of the closing second: 200 holders, every one double-clicking, spread over the
last second of a phase and a fraction of a second after it, sent over HTTP to nginx (the front
proxy of docker-compose.yml, with its own configuration) in front of gunicorn's sync workers.

A click is judged by when it arrived, however long it then waited for a worker: every holder
whose first click left before the closing second must end with exactly one submission (and one
receipt, once the follow-up work runs), every holder whose clicks all left after it must be
refused and keep their draft. Run once with Redis up and once with Redis unreachable (cache and
broker on a closed port): the figures must be the same.
"""

import http.cookiejar
import re
import shutil
import statistics

# Reviewed for bandit: starts gunicorn and nginx for the benchmark.
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership, Organisation, OrganisationType, Role, User
from ami.models import Dossier, DossierStatus, DossierVersion, Phase
from ami.services import dossier_create, dossier_save, financing_line_add
from core.bench import serve_behind_nginx
from core.models import OutboxMessage
from core.outbox import outbox_drain

SECTIONS = {
    "territory": "59",
    "synthetic_presentation": "x",
    "partnerships": "x",
    "issues_addressed": "x",
    "steps": "x",
    "expected_follow_up": "x",
    "impacts": "x",
    "financial_elements": "x",
}
# Clicks within this much of the closing second are too close to call from the client's clock
# (the proxy stamps a few hundred microseconds after the client sends): counted apart.
BOUNDARY = timedelta(milliseconds=5)
UNREACHABLE_REDIS = "redis://127.0.0.1:9/0"  # nothing listens on port 9


class Command(BaseCommand):
    help = "200 holders double-click over a phase's last second: judged by arrival, none lost or duplicated."

    def add_arguments(self, parser):
        parser.add_argument("--holders", type=int, default=200)
        parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
        parser.add_argument(
            "--spread", type=float, default=1.0, help="seconds of clicks before the deadline"
        )
        parser.add_argument(
            "--after", type=float, default=0.25, help="seconds of clicks after the deadline"
        )
        parser.add_argument("--yes", action="store_true")

    def handle(self, *args, holders, workers, spread, after, yes, **options):
        if not yes:
            raise CommandError(
                "This command adds accounts and dossiers: run it on a throwaway database with --yes."
            )
        if not shutil.which("nginx"):
            raise CommandError("nginx is needed as the front proxy (apt-get install nginx-light).")
        failures = []
        for label, redis_url in (
            ("Redis up", settings.REDIS_URL or ""),
            ("Redis unreachable", UNREACHABLE_REDIS),
        ):
            failures += self._round(label, redis_url, holders, workers, spread, after)
        if failures:
            for line in failures[:20]:
                self.stdout.write(f"  {line}")
            raise CommandError(
                "a holder who clicked in time was refused, or a submission was lost or duplicated"
            )

    def _round(self, label, redis_url, holders, workers, spread, after):
        phase = Phase.objects.get(call__code="pmcb")
        phase.opens_at = timezone.now() - timedelta(days=1)
        phase.closes_at = timezone.now() + timedelta(days=1)
        phase.save()
        dossiers = self._prepare(phase, holders)
        with tempfile.TemporaryDirectory() as scratch:
            web, proxy, base = self._start(Path(scratch), workers, redis_url)
            try:
                clicks = self._rush(phase, dossiers, base, spread, after)
            finally:
                for process in (proxy, web):
                    process.terminate()
                    process.wait(timeout=30)
        closes_at = Phase.objects.get(pk=phase.pk).closes_at
        # Redis is back (or was up): the periodic job runs what waited. The receipts' e-mails
        # stay in memory rather than flood the console.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            while outbox_drain():
                pass
        return self._check(label, dossiers, clicks, closes_at)

    def _start(self, scratch, workers, redis_url):
        env = {"REDIS_URL": redis_url, "REQUEST_START_HEADER": "X-Request-Start"}
        return serve_behind_nginx(scratch, workers=workers, env=env)[:3]

    def _rush(self, phase, dossiers, base, spread, after):
        """Every holder clicks twice at once, at a moment drawn over the last ``spread`` seconds
        and ``after`` seconds past the deadline. Returns, per dossier, when its clicks left and
        what they got back."""
        sessions = {user_pk: self._session_for(user_pk) for user_pk, _dossier in dossiers}
        host = urllib.parse.urlsplit(base).hostname

        def prepare(item):
            user_pk, dossier_pk = item
            jar = http.cookiejar.CookieJar()
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
            jar.set_cookie(_cookie(settings.SESSION_COOKIE_NAME, sessions[user_pk], host))
            page = opener.open(f"{base}{reverse('ami:dossier_edit', args=[dossier_pk])}").read()
            token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
            # The CSRF cookie is Secure (production settings) and this loopback test speaks
            # plain HTTP, so the cookies are sent by hand.
            cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)
            connection.close()
            return dossier_pk, token.decode(), cookies

        with ThreadPoolExecutor(max_workers=16) as pool:
            prepared = list(pool.map(prepare, dossiers))
        closes_at = timezone.now() + timedelta(seconds=3)
        phase.closes_at = closes_at
        phase.save()
        deadline = closes_at.timestamp()
        window = spread + after
        plain = urllib.request.build_opener(_KeepCookieHeader())
        clicks, lock = {}, threading.Lock()

        def click(dossier_pk, token, cookies, at):
            data = urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode()
            request = urllib.request.Request(
                f"{base}{reverse('ami:dossier_submit', args=[dossier_pk])}",
                data=data,
                headers={"Referer": base, "Cookie": cookies},
            )
            time.sleep(max(0.0, at - time.time()))
            sent = time.time()
            began = time.perf_counter()
            try:
                with plain.open(request, timeout=120) as response:
                    page = response.read().decode()
            except urllib.error.HTTPError as error:
                page = f"HTTP {error.code}"
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                clicks.setdefault(dossier_pk, []).append((sent, elapsed, page))

        threads = []
        for index, (dossier_pk, token, cookies) in enumerate(prepared):
            at = deadline - spread + window * (index + 0.5) / len(prepared)
            for _double in range(2):  # both requests of a double click leave together
                threads.append(
                    threading.Thread(target=click, args=(dossier_pk, token, cookies, at))
                )
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return clicks

    def _check(self, label, dossiers, clicks, closes_at):
        deadline = closes_at.timestamp()
        margin = BOUNDARY.total_seconds()
        in_time = late = boundary = refused_in_time = 0
        problems = []
        timings = sorted(elapsed for sent in clicks.values() for _at, elapsed, _page in sent)
        for dossier in Dossier.objects.filter(pk__in=[pk for _user, pk in dossiers]):
            first = min(at for at, _elapsed, _page in clicks[dossier.pk])
            versions = list(DossierVersion.objects.filter(dossier=dossier))
            receipts = OutboxMessage.objects.filter(
                kind="ami.receipt", payload__version_pk__in=[v.pk for v in versions]
            )
            sent_receipts = receipts.filter(sent_at__isnull=False).count()
            if abs(first - deadline) < margin:
                boundary += 1
                continue
            if first < deadline:
                in_time += 1
                refused_in_time += (
                    any(
                        "date limite est passée" in page
                        for _at, _elapsed, page in clicks[dossier.pk]
                    )
                    and not versions
                )
                if not (
                    dossier.status == DossierStatus.SUBMITTED
                    and len(versions) == 1
                    and receipts.count() == 1
                    and sent_receipts == 1
                ):
                    problems.append(
                        f"{label}: {dossier.reference} clicked "
                        f"{(deadline - first) * 1000:.0f} ms before the deadline: "
                        f"status={dossier.status} versions={len(versions)} receipts={receipts.count()}"
                        f" — answered: {_gist(clicks[dossier.pk][0][2])}"
                    )
                elif versions[0].submitted_at.timestamp() > deadline:
                    problems.append(
                        f"{label}: {dossier.reference}: receipt time after the deadline"
                    )
            else:
                late += 1
                if dossier.status != DossierStatus.DRAFT or versions:
                    problems.append(
                        f"{label}: {dossier.reference} clicked "
                        f"{(first - deadline) * 1000:.0f} ms after the deadline and was accepted"
                    )
        p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
        self.stdout.write(
            f"{label}: {len(dossiers)} holders, {len(timings)} clicks over the last second "
            f"({connection.vendor}, nginx → gunicorn): {in_time} clicked in time, "
            f"{late} after, {boundary} within {BOUNDARY.total_seconds() * 1000:.0f} ms of it "
            f"(not judged); {len(problems)} lost, duplicated or wrongly judged, "
            f"{refused_in_time} refused although in time"
        )
        for problem in problems[:5]:  # what went wrong, for whoever reads the figures
            self.stdout.write(f"  {problem}")
        self.stdout.write(
            f"{label}: answer time p50 {statistics.median(timings):.0f} ms, p95 {p95:.0f} ms, "
            f"slowest {timings[-1] / 1000:.1f} s"
        )
        return problems

    @staticmethod
    def _session_for(user_pk):
        user = User.objects.get(pk=user_pk)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        return session.session_key

    def _prepare(self, phase, count):
        stamp = int(time.time())
        pairs = []
        for index in range(count):
            user = User.objects.create_user(
                email=f"bench-{stamp}-{index}@example.invalid",
                password=None,
                full_name=f"Porteur {index}",
                role=Role.HOLDER,
                # A holder submits once their address is confirmed (accounts: sign-up).
                email_verified=True,
            )
            organisation = Organisation(
                name=f"Bench {stamp} {index}", kind=OrganisationType.COMPANY
            )
            organisation.full_clean()
            organisation.save()
            Membership.objects.create(user=user, organisation=organisation)
            dossier = dossier_create(
                actor=user, phase=phase, organisation=organisation, title=f"Projet {index}"
            )
            dossier_save(actor=user, dossier=dossier, **SECTIONS)
            financing_line_add(
                actor=user, dossier=dossier, kind="expense", label="a", amount=Decimal(1)
            )
            financing_line_add(
                actor=user, dossier=dossier, kind="resource", label="b", amount=Decimal(1)
            )
            pairs.append((user.pk, dossier.pk))
        return pairs


def _cookie(name, value, host):
    return http.cookiejar.Cookie(
        0,
        name,
        value,
        None,
        False,
        host,
        False,
        False,
        "/",
        True,
        False,
        None,
        False,
        None,
        None,
        {},
    )


class _KeepCookieHeader(urllib.request.HTTPRedirectHandler):
    """Follows the redirect after submission with the same cookies, as a browser would."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and req.has_header("Cookie"):
            new.add_unredirected_header("Cookie", req.get_header("Cookie"))
        return new


def _gist(page):
    """What an answer said, in a line: its error summary or title, else its start."""
    found = re.search(
        r'class="(?:error-summary|form-errors|messages)[^"]*"[^>]*>(.*?)</div>|<title>(.*?)</title>',
        page,
        re.S,
    )
    text = next((group for group in found.groups() if group), "") if found else page
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())[:120]
