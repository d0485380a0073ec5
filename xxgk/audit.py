"""Batch audit of published annual reports: parse and check many files in parallel, streaming results.

    for result in audit_files(collect_files(["reports/"]), workers=4):
        ...

`collect_files` expands folders recursively (known extensions, plus files whose bytes are a PDF, Word or
HTML document whatever their name). `audit_files` parses and checks each file in a worker process and
yields one small `AuditResult` per file, in input order, while at most a few files per worker are in
flight, so memory stays flat however many files there are. One unreadable or failing file never stops the
batch: it comes back with its error.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Final

from xxgk.model import labels as L
from xxgk.model.formats import T2_COLUMN_LABELS
from xxgk.model.report import Cell, CellState, Report
from xxgk.parse.document import UnreadableDocument
from xxgk.parse.sniff import EXTENSION_KINDS, sniff_path

IN_FLIGHT_PER_WORKER: Final = 4  # files submitted ahead per worker: keeps workers busy, memory bounded
SNIFFED_KINDS: Final = frozenset({"pdf", "docx", "html"})  # kinds recognised in folders by bytes alone

Figure = tuple[str, str, str, object]  # (table, row, column, value): value is int, Decimal, str or None


@dataclass(slots=True)
class AuditFinding:
    code: str
    severity: str
    message: str
    where: str


@dataclass(slots=True)
class AuditResult:
    """What the audit keeps of one file: enough for the summary, the findings and the extracted figures."""

    path: str
    error: str | None = None  # the file could not be read (or parsing failed): the one-line reason
    agency: str | None = None
    year: int | None = None
    format: str | None = None
    findings: list[AuditFinding] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")


# --- files ------------------------------------------------------------------------------------------


def _wanted_in_folder(path: Path) -> bool:
    if path.suffix.lower() in EXTENSION_KINDS:
        return True
    # Other names only when the bytes are clearly a document (a folder also holds JSON, CSV, logs …).
    return sniff_path(path) in SNIFFED_KINDS


def collect_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and the report files found in folders (recursively, hidden entries skipped)."""
    seen: set[Path] = set()
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    candidate = Path(root) / name
                    if name.startswith(".") or candidate in seen or not _wanted_in_folder(candidate):
                        continue
                    seen.add(candidate)
                    yield candidate
        elif path not in seen:
            seen.add(path)
            yield path


# --- one file ---------------------------------------------------------------------------------------


def _value(cell: Cell) -> object:
    if cell.state is CellState.VALUE:
        return cell.value
    if cell.state is CellState.UNRESOLVED:
        return cell.raw
    if cell.state is CellState.NOT_APPLICABLE:
        return "/"
    return None


def figures_of(report: Report) -> list[Figure]:
    """The extracted figures of a report as flat (table, row, column, value) rows."""
    out: list[Figure] = []
    for key, cell in report.table1.items():
        row, _, column = key.partition(L.T1_KEY_SEPARATOR)
        out.append(("表一", row, column, _value(cell)))
    for key, cells in report.table2.items():
        label = L.T2_ROW_SHORT.get(key, key)
        for column, cell in zip(T2_COLUMN_LABELS, cells, strict=False):
            out.append(("表二", label, column, _value(cell)))
    if report.table3 is not None:
        for index, cell in enumerate(report.table3):
            group, _, leaf = L.t3_label(index).partition("·")
            out.append(("表三", group, leaf, _value(cell)))
    return out


def audit_file(path: str) -> AuditResult:
    """Parse and check one file. Never raises: every failure is the result's `error`."""
    from xxgk.parse import parse_file  # imported in the worker: keeps the parent light

    result = AuditResult(path=path)
    try:
        report = parse_file(path)
    except UnreadableDocument as exc:
        result.error = str(exc) or "无法读取"
        return result
    except Exception as exc:  # a parser bug on one file must not stop the batch
        result.error = f"解析出错（{type(exc).__name__}：{exc}）"
        return result
    result.agency, result.year, result.format = report.agency, report.year, report.format
    result.findings = [AuditFinding(f.code, f.severity, f.message, f.where) for f in report.findings]
    result.figures = figures_of(report)
    return result


# --- many files -------------------------------------------------------------------------------------


def default_workers() -> int:
    return os.cpu_count() or 1


def audit_files(
    files: Iterable[Path], *, workers: int | None = None, on_submit: Callable[[Path], None] | None = None
) -> Iterator[AuditResult]:
    """Audit `files` across `workers` processes (0: in this process), yielding results in input order."""
    count = default_workers() if workers is None else workers
    if count <= 0:
        for path in files:
            if on_submit:
                on_submit(path)
            yield audit_file(str(path))
        return
    pool = _Pool(count)
    window = max(1, count * IN_FLIGHT_PER_WORKER)
    try:
        pending: deque[tuple[Path, Future[AuditResult], bool]] = deque()
        for path in files:
            if on_submit:
                on_submit(path)
            pending.append((path, pool.submit(path), False))
            while len(pending) >= window:
                yield _collect(pool, pending)
        while pending:
            yield _collect(pool, pending)
    finally:
        pool.shutdown()


class _Pool:
    """A process pool that replaces itself when a worker dies (a crash in a native library, out of memory)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        # forkserver: workers fork from a clean server that has the parser imported, never from this
        # process, whose threads (the progress bar) make a plain fork unsafe.
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(["xxgk.parse", "xxgk.rules", "xxgk.audit"])
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=self.context)

    def submit(self, path: Path) -> Future[AuditResult]:
        try:
            return self.executor.submit(audit_file, str(path))
        except BrokenProcessPool:
            self.renew()
            return self.executor.submit(audit_file, str(path))

    def renew(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _collect(pool: _Pool, pending: deque[tuple[Path, Future[AuditResult], bool]]) -> AuditResult:
    """The result of the oldest pending file; files lost with a dead worker are tried once more."""
    path, future, retried = pending.popleft()
    try:
        return future.result()
    except BrokenProcessPool:
        if retried:
            return AuditResult(path=str(path), error="审查进程异常退出（该文件可能导致解析库崩溃）")
        # The files in flight were lost with the pool: run them again in a fresh one (finished ones stay).
        pool.renew()
        survivors: deque[tuple[Path, Future[AuditResult], bool]] = deque([(path, pool.submit(path), True)])
        for other, other_future, _ in pending:
            finished = other_future.done() and not other_future.cancelled() and other_future.exception() is None
            survivors.append((other, other_future, True) if finished else (other, pool.submit(other), True))
        pending.clear()
        pending.extend(survivors)
        return _collect(pool, pending)
    except Exception as exc:
        return AuditResult(path=str(path), error=f"审查进程出错（{type(exc).__name__}：{exc}）")


def excel_value(value: object) -> object:
    """A figure as a spreadsheet cell value (Decimal as float for display only; the text keeps exactness)."""
    if isinstance(value, Decimal):
        return float(value)
    return value
