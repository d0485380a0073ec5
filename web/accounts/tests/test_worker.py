"""`manage.py worker` re-queues the tasks of workers that died (the end-to-end kill test is in
web/audits/tests/test_worker_resume.py); here the decision itself, on hand-made task rows."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from web.accounts.management.commands.worker import _host, new_worker_id, requeue_orphaned_tasks

pytestmark = pytest.mark.django_db


def running(worker_id: str, started_minutes_ago: int) -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult.objects.create(
        status="RUNNING",
        args_kwargs={"args": [], "kwargs": {}},
        task_path="web.audits.tasks.run_batch",
        backend_name="default",
        run_after=now,
        started_at=now - dt.timedelta(minutes=started_minutes_ago),
        worker_ids=[worker_id],
    )


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_task_of_a_dead_worker_on_this_host_is_requeued_at_once() -> None:
    dead = running(f"{_host()}:{dead_pid()}:abcdefgh", started_minutes_ago=1)
    alive = running(new_worker_id(), started_minutes_ago=1)  # this very process
    assert requeue_orphaned_tasks() == 1
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert (dead.status, alive.status) == ("READY", "RUNNING")


def test_task_of_an_unknown_worker_is_requeued_only_when_stale(settings) -> None:
    settings.XXGK_TASK_STALE_MINUTES = 30
    fresh = running("elsewhere:123:abcdefgh", started_minutes_ago=5)
    stale = running("Zx8randomidfromplaindbworker", started_minutes_ago=45)
    assert requeue_orphaned_tasks() == 1
    fresh.refresh_from_db()
    stale.refresh_from_db()
    assert (fresh.status, stale.status) == ("RUNNING", "READY")
