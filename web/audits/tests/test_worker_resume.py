"""A batch audit survives its worker being killed: the real worker (`manage.py worker`) runs in a
subprocess, is killed with SIGKILL in the middle of a batch, is started again, and then every file has
exactly one result.

The tests use their own SQLite file (the worker is another process, so it cannot see a test transaction):
`manage.py migrate` once, then per test a copy of that database, a batch created and enqueued through
`store_files` and `run_batch.enqueue` as the upload view does, and the worker twice.

- A killed worker leaves no partial or duplicate result: each result is written in one transaction and
  (file, run) is unique.
- Restarting the worker resumes by itself: `manage.py worker` puts the task of a worker that died on this
  host back in the queue (django-tasks-db alone never hands a RUNNING task to another worker), and the
  audit of a batch skips the files that already have a result.
- Resuming also works through 「继续审查」: once a batch has made no progress for `STALL_AFTER`, the batch
  page's button (the `audits:rerun` view, posted here by a supervisor) enqueues the run again.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from web.audits.tests.conftest import CORPUS

ROOT = Path(__file__).resolve().parents[3]
FILES = 40
SAMPLE = CORPUS / "pingtan-2023.txt"

pytestmark = [pytest.mark.slow, pytest.mark.corpus]

SETUP = """
from django.contrib.auth import get_user_model
from web.accounts.models import Agency, AgencyKind, Membership, Role
from web.audits.files import intake
from web.audits.models import AuditBatch
from web.audits.tasks import run_batch, store_files

data = open({sample!r}, "rb").read()
user = get_user_model().objects.create(username="worker-test")
agency = Agency.objects.create(name="测试区政务公开办", kind=AgencyKind.GOVERNMENT)
Membership.objects.create(user=user, agency=agency, role=Role.SUPERVISOR)
batch = AuditBatch.objects.create(agency=agency, name="中断恢复", created_by=user)
batch.total = store_files(batch, intake([(f"{{i:03d}}-{name}", data) for i in range({files})]))
batch.save(update_fields=["total"])
run_batch.enqueue(batch.pk, batch.run)
"""

# What a supervisor does on the batch page of a stalled batch: press 「继续审查」 (through the real view).
CONTINUE = """
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from web.audits.models import AuditBatch

client = Client()
client.force_login(get_user_model().objects.get(username="worker-test"))
batch = AuditBatch.objects.get()
response = client.post(reverse("audits:rerun", args=[batch.pk]))
assert response.status_code == 302, response.status_code
"""


@dataclass
class Killed:
    env: dict[str, str]
    database: Path
    processed: int
    total: int


def manage(env: dict[str, str], *args: str, timeout: int = 600) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, capture_output=True, timeout=timeout
    )


def environment(database: Path, media: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "web.settings",
        "XXGK_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "XXGK_MEDIA_ROOT": str(media),
        "XXGK_LOG_LEVEL": "ERROR",
    }


def worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "worker", "--batch", "--no-startup-delay", "--no-reload"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def progress(database: Path) -> tuple[int, int, str]:
    with sqlite3.connect(database, timeout=30) as db:
        row = db.execute("SELECT processed, total, state FROM audits_auditbatch").fetchone()
    return (row[0], row[1], row[2]) if row else (0, 0, "")


def results_per_file(database: Path) -> dict[int, int]:
    with sqlite3.connect(database, timeout=30) as db:
        files = [r[0] for r in db.execute("SELECT id FROM audits_auditfile")]
        counts = dict(db.execute("SELECT file_id, COUNT(*) FROM audits_auditresult WHERE run = 1 GROUP BY file_id"))
    return {f: counts.get(f, 0) for f in files}


def run_worker_to_the_end(env: dict[str, str]) -> None:
    again = worker(env)
    _, errors = again.communicate(timeout=600)
    assert again.returncode == 0, errors.decode()[-2000:]


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SAMPLE.exists():
        pytest.skip("../shared/corpus is not present")
    template = tmp_path_factory.mktemp("worker") / "template.sqlite3"
    done = manage(environment(template, template.parent / "media"), "migrate", "--verbosity", "0")
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return template


@pytest.fixture
def killed(migrated: Path, tmp_path: Path) -> Killed:
    """A batch of FILES reports whose worker was killed with SIGKILL after a few files."""
    database = tmp_path / "worker.sqlite3"
    shutil.copyfile(migrated, database)
    env = environment(database, tmp_path / "media")
    created = manage(env, "shell", "-c", SETUP.format(sample=str(SAMPLE), name=SAMPLE.name, files=FILES))
    assert created.returncode == 0, created.stderr.decode()[-2000:]
    first = worker(env)
    deadline = time.monotonic() + 300
    while progress(database)[0] < 3 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    processed, total, state = progress(database)
    if not 0 < processed < total:
        pytest.skip(f"the worker was not caught mid-batch ({processed}/{total}); the machine was too slow or fast")
    assert state == "running"
    before = results_per_file(database)
    assert max(before.values()) == 1, "a killed worker left a duplicate result"
    assert sum(before.values()) >= processed
    return Killed(env, database, processed, total)


def test_a_killed_batch_resumes_through_continue_without_losing_or_duplicating_results(killed: Killed) -> None:
    # Ten minutes and more without progress: the batch counts as stalled and may be continued.
    long_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=30)).replace(tzinfo=None).isoformat(" ")
    with sqlite3.connect(killed.database, timeout=30) as db:
        db.execute("UPDATE audits_auditbatch SET heartbeat = ?, started_at = ?", (long_ago, long_ago))
    pressed = manage(killed.env, "shell", "-c", CONTINUE)
    assert pressed.returncode == 0, pressed.stderr.decode()[-2000:]

    run_worker_to_the_end(killed.env)
    after = results_per_file(killed.database)
    assert set(after.values()) == {1}, f"files without exactly one result: {[f for f, n in after.items() if n != 1]}"
    processed, total, state = progress(killed.database)
    assert (processed, total, state) == (killed.total, killed.total, "done")


def test_restarting_the_worker_alone_resumes_a_killed_batch(killed: Killed) -> None:
    run_worker_to_the_end(killed.env)
    after = results_per_file(killed.database)
    assert max(after.values()) == 1, "a file got two results after the restart"
    missing = sorted(f for f, n in after.items() if n == 0)
    assert not missing, f"{len(missing)} of {killed.total} files have no result after the worker was restarted"
    processed, total, state = progress(killed.database)
    assert (processed, total, state) == (killed.total, killed.total, "done")
