"""The background task worker: django-tasks-db's `db_worker`, plus recovery of tasks whose worker died.

django-tasks-db marks a task RUNNING when a worker claims it and never hands a RUNNING task to another
worker, so a worker killed mid-task (power cut, OOM killer, `kill -9`) would leave its task unfinished for
ever. This command names each worker `<host>:<pid>:<random>` and, when it starts, puts back in the queue
every RUNNING task whose worker was on this host and no longer exists, and every RUNNING task older than
XXGK_TASK_STALE_MINUTES whose worker it cannot check (another host, or a worker started otherwise).
Our tasks are written to be run again safely (a batch audit skips the files that already have a result).

    manage.py worker              # what bin/run and production start (one or more per host)
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.models import DBTaskResult

log = logging.getLogger(__name__)


def _host() -> str:
    return socket.gethostname()[:40]


def new_worker_id() -> str:
    return f"{_host()}:{os.getpid()}:{get_random_string(8)}"


def _worker_is_gone(worker_id: str) -> bool | None:
    """True if the worker ran on this host and its process no longer exists; None if we cannot tell."""
    host, _, rest = worker_id.partition(":")
    pid_text = rest.partition(":")[0]
    if host != _host() or not pid_text.isdigit():
        return None
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, owned by another user
    return False


def requeue_orphaned_tasks(now: dt.datetime | None = None) -> int:
    """Put RUNNING tasks whose worker died back in the queue; returns how many."""
    now = now or timezone.now()
    stale_before = now - dt.timedelta(minutes=settings.XXGK_TASK_STALE_MINUTES)
    requeued = 0
    with transaction.atomic():
        for result in DBTaskResult.objects.select_for_update().filter(status="RUNNING"):
            last = result.worker_ids[-1] if result.worker_ids else ""
            gone = _worker_is_gone(last)
            if gone is None:
                gone = result.started_at is not None and result.started_at < stale_before
            if gone:
                result.status = "READY"
                result.save(update_fields=["status"])
                requeued += 1
                log.warning("task %s (%s) of worker %s put back in the queue", result.id, result.task_path, last)
    return requeued


class Command(DbWorkerCommand):
    help = "后台任务进程：先把中断进程遗留的任务重新排队，再处理任务（批量审查等）。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(worker_id=None)

    def handle(self, *args: Any, **options: Any) -> None:
        options["worker_id"] = options.get("worker_id") or new_worker_id()
        requeued = requeue_orphaned_tasks()
        if requeued:
            self.stderr.write(f"已把中断进程遗留的 {requeued} 个任务重新排队。")
        super().handle(*args, **options)
