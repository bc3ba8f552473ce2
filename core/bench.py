"""The benchmark's frame (``make bench``, never in the test suite).

Each app's ``bench.py`` registers a ``Suite``: ``fill(scale)`` brings its synthetic data to
``scale`` times the Region's real volume (1, then 10, in the same database and the same
run), ``pages()`` lists what to request and as whom, ``other_figures(scale)`` measures anything
that is not a page (an export written by a worker, a report). ``manage.py bench`` prints
one table: each page's SQL queries and p50/p95 at both volumes, the ratio and a verdict
against the budget, beside a bare-view floor. A row over budget is shown as such and the
run goes on.
"""

import os
import resource
import shutil
import socket
import statistics

# Reviewed for bandit: starts gunicorn and nginx for the benchmarks.
import subprocess  # nosec B404
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.registry import Registry

MAX_QUERIES = 12
MAX_RATIO = 1.5
MAX_P95_MS = 200


@dataclass(frozen=True)
class Page:
    label: str
    url: str
    user: Any = None  # None: an anonymous visitor
    # A page that answers differently at 10× by design (an export handed to a worker).
    note: str = ""


@dataclass(frozen=True)
class Suite:
    fill: Callable[[int], str]
    pages: Callable[[], list[Page]]
    other_figures: Callable[[int], list[str]] = field(default=lambda scale: [])
    order: int = 50


suites = Registry("bench suites")


@dataclass(frozen=True)
class Figures:
    p50: float
    p95: float
    queries: int
    status: int


def peak_memory_mb():
    """This process's peak resident memory, in MB.

    Read from the kernel's high-water mark of the process's own memory (VmHWM): unlike
    ``getrusage``'s ``ru_maxrss``, which Linux carries over from the parent through fork and
    exec, it is not inflated by the command that started the measurement."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(pages, requests):
    """Request each of ``pages`` ``requests`` times after a warm-up; times in milliseconds.

    The requests go in rounds, each round asking for every page once: a passing disturbance
    of the machine (a checkpoint, another process) then spreads over all the pages instead of
    falling on the whole sample of one and making its p95 say what the page did not do."""
    clients = []
    for page in pages:
        client = Client()
        if page.user is not None:
            client.force_login(page.user)
        client.get(page.url)
        clients.append(client)
    timings = [[] for _page in pages]
    queries, statuses = [0] * len(pages), [0] * len(pages)
    for _round in range(requests):
        for index, (page, client) in enumerate(zip(pages, clients, strict=True)):
            with CaptureQueriesContext(connection) as captured:
                began = time.perf_counter()
                response = client.get(page.url)
                if getattr(response, "streaming", False):
                    b"".join(response.streaming_content)  # the time to send the whole file
                timings[index].append((time.perf_counter() - began) * 1000)
            queries[index], statuses[index] = len(captured), response.status_code
    figures = []
    for sample, count, status in zip(timings, queries, statuses, strict=True):
        sample.sort()
        p95 = sample[max(0, int(round(0.95 * len(sample))) - 1)]
        figures.append(Figures(statistics.median(sample), p95, count, status))
    return figures


def verdict(base, tenfold):
    """The budget of issue 11: same query count at both volumes and at most 12, p95 at 10×
    within 1.5× its value at 1× and under 200 ms."""
    problems = []
    if base.queries != tenfold.queries:
        problems.append("queries grow")
    if tenfold.queries > MAX_QUERIES:
        problems.append(f"> {MAX_QUERIES} queries")
    if tenfold.p95 > MAX_RATIO * base.p95:
        problems.append(f"ratio > {MAX_RATIO}")
    if tenfold.p95 > MAX_P95_MS:
        problems.append(f"p95 > {MAX_P95_MS} ms")
    if tenfold.status >= 400 or base.status >= 400:
        problems.append(f"HTTP {base.status}/{tenfold.status}")
    return "ok" if not problems else "OVER: " + ", ".join(problems)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            # Reviewed for bandit: local.
            urllib.request.urlopen(url, timeout=2)  # nosec B310
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start") from None
            time.sleep(0.3)


def serve_behind_nginx(
    scratch: Path, *, workers: int, env: dict[str, str]
) -> tuple[subprocess.Popen, subprocess.Popen, str, str]:
    """gunicorn's sync workers behind nginx with the project's own site configuration
    (deploy/nginx.conf), as docker-compose.yml runs them; returns both processes, the proxy's
    base URL and gunicorn's own. ``env`` adds to this process's environment (an empty value
    removes the variable)."""
    if not shutil.which("nginx"):
        raise RuntimeError("nginx is needed as the front proxy (apt-get install nginx-light).")
    web_port, proxy_port = free_port(), free_port()
    environment = {
        **os.environ,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        **env,
    }
    for name, value in env.items():
        if not value:
            environment.pop(name)
    # Reviewed for bandit: fixed command line.
    web = subprocess.Popen(  # nosec B603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{web_port}",
            "--workers",
            str(workers),
            "--timeout",
            "30",
            "--backlog",
            "2048",
            "--log-level",
            "warning",
        ],
        env=environment,
    )
    wait_until_up(f"http://127.0.0.1:{web_port}/healthz", web, "gunicorn")
    site = (settings.BASE_DIR / "deploy" / "nginx.conf").read_text()
    site = (
        site.replace("server web:8000;", f"server 127.0.0.1:{web_port};")
        .replace("listen 8080;", f"listen 127.0.0.1:{proxy_port};")
        .replace("/var/cache/nginx/portal", str(scratch / "cache"))
    )
    (scratch / "site.conf").write_text(site)
    # nginx started as root runs its workers as « nobody »: they must reach and write the copies.
    (scratch / "cache").mkdir(exist_ok=True)
    os.chmod(scratch, 0o755)  # nosec B103
    os.chmod(scratch / "cache", 0o777)  # nosec B103
    (scratch / "nginx.conf").write_text(
        f"""daemon off;
worker_processes 1;
pid {scratch}/nginx.pid;
error_log {scratch}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {scratch}/body;
    proxy_temp_path {scratch}/proxy;
    fastcgi_temp_path {scratch}/fastcgi;
    uwsgi_temp_path {scratch}/uwsgi;
    scgi_temp_path {scratch}/scgi;
    include {scratch}/site.conf;
}}
"""
    )
    # Reviewed for bandit: fixed command line.
    proxy = subprocess.Popen(  # nosec B603
        [str(shutil.which("nginx")), "-c", str(scratch / "nginx.conf"), "-p", str(scratch)]
    )
    base = f"http://127.0.0.1:{proxy_port}"
    wait_until_up(f"{base}/healthz", proxy, "nginx")
    return web, proxy, base, f"http://127.0.0.1:{web_port}"
