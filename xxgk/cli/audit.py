"""`xxgk audit PATH... [--out audit.xlsx] [--json] [--workers N]`: audit many published reports at once.

Files and folders (recursive) are parsed and checked in parallel worker processes, with a progress bar on
standard error. Results stream: each file's summary row, findings and figures are written as soon as the
file is done, so memory stays flat whatever the number of files. An unreadable file is listed with its
error and never stops the batch.

Output: a summary table (文件, 机关, 年度, 格式, 错误, 警告) on standard output, or with `--json` one JSON
array of per-file results instead; with `--out FILE.xlsx` a workbook with the sheets 汇总, 问题清单 and
提取数据. Exit status 0 when every file was read and none has an error-level finding, 1 otherwise, 2 on
bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from xxgk.audit import AuditResult, audit_files, collect_files, excel_value
from xxgk.cli.common import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, CliError, atomic_output

SEVERITY_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}
SUMMARY_HEADERS = ("文件", "机关", "年度", "格式", "错误", "警告", "提示", "读取失败原因")
FINDING_HEADERS = ("文件", "代码", "级别", "说明", "位置")
FIGURE_HEADERS = ("文件", "机关", "年度", "表", "行", "列", "值")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "audit",
        help="批量审查已发布的年度报告（文件或文件夹，并行解析和校验）",
        description="批量解析并校验年度报告文件：逐个文件给出机关、年度、格式和错误、警告数量；"
        "一个文件无法读取不影响其他文件。",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="年度报告文件或文件夹（递归查找）")
    parser.add_argument("--out", metavar="FILE.xlsx", help="写出 Excel 工作簿（汇总、问题清单、提取数据）")
    parser.add_argument("--json", action="store_true", help="在标准输出给出 JSON 数组，代替汇总表")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="并行进程数（默认等于处理器核数；0 表示在本进程内逐个处理）",
    )
    parser.set_defaults(handler=run)


def _files(paths: list[str]) -> list[Path]:
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise CliError(f"{missing[0]}：文件或文件夹不存在")
    files = list(collect_files(paths))
    if not files:
        raise CliError(f"{'、'.join(paths)}：没有找到可审查的年度报告文件（PDF、DOCX、HTML、TXT、Markdown）")
    return files


class _Workbook:
    """The three sheets, written row by row in XlsxWriter's constant-memory mode."""

    def __init__(self, handle: IO[bytes]) -> None:
        import xlsxwriter

        self.book = xlsxwriter.Workbook(handle, {"constant_memory": True, "strings_to_numbers": False})
        bold = self.book.add_format({"bold": True})
        self.summary = self.book.add_worksheet("汇总")
        self.issues = self.book.add_worksheet("问题清单")
        self.figures = self.book.add_worksheet("提取数据")
        self.rows = {"summary": 1, "issues": 1, "figures": 1}
        for sheet, headers, widths in (
            (self.summary, SUMMARY_HEADERS, (36, 28, 8, 8, 8, 8, 8, 40)),
            (self.issues, FINDING_HEADERS, (36, 14, 8, 80, 24)),
            (self.figures, FIGURE_HEADERS, (36, 28, 8, 8, 24, 24, 14)),
        ):
            for column, (header, width) in enumerate(zip(headers, widths, strict=True)):
                sheet.set_column(column, column, width)
                sheet.write_string(0, column, header, bold)
            sheet.freeze_panes(1, 0)

    def add(self, result: AuditResult) -> None:
        row = self.rows["summary"]
        cells: tuple[Any, ...] = (
            result.path,
            result.agency or "",
            result.year,
            result.format or "",
            result.errors,
            result.warnings,
            result.count("info"),
            result.error or "",
        )
        self.summary.write_row(row, 0, cells)
        self.rows["summary"] = row + 1
        for finding in result.findings:
            row = self.rows["issues"]
            self.issues.write_row(
                row,
                0,
                (
                    result.path,
                    finding.code,
                    SEVERITY_WORDS.get(finding.severity, finding.severity),
                    finding.message,
                    finding.where,
                ),
            )
            self.rows["issues"] = row + 1
        if result.error:
            row = self.rows["issues"]
            self.issues.write_row(row, 0, (result.path, "READ-ERROR", "错误", result.error, ""))
            self.rows["issues"] = row + 1
        for table, label, column, value in result.figures:
            row = self.rows["figures"]
            self.figures.write_row(row, 0, (result.path, result.agency or "", result.year, table, label, column))
            shown = excel_value(value)
            if shown is None:
                self.figures.write_blank(row, 6, None)
            elif isinstance(shown, str):
                self.figures.write_string(row, 6, shown)
            else:
                self.figures.write_number(row, 6, shown)
            self.rows["figures"] = row + 1

    def close(self) -> None:
        self.book.close()


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    raise TypeError(type(value).__name__)


def _as_json(result: AuditResult) -> dict[str, Any]:
    return {
        "file": result.path,
        "error": result.error,
        "agency": result.agency,
        "year": result.year,
        "format": result.format,
        "errors": result.errors,
        "warnings": result.warnings,
        "findings": [
            {"code": f.code, "severity": f.severity, "message": f.message, "where": f.where} for f in result.findings
        ],
        "figures": [
            {"table": t, "row": r, "column": c, "value": str(v) if isinstance(v, Decimal) else v}
            for t, r, c, v in result.figures
        ],
    }


def _progress(results: Iterator[AuditResult], total: int, console: Console) -> Iterator[AuditResult]:
    with Progress(
        TextColumn("审查中"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=total)
        for result in results:
            progress.update(task, advance=1, description=Path(result.path).name)
            yield result


def _display_base(files: list[Path]) -> Path | None:
    """The folder the summary shows file names relative to (the inputs' common folder)."""
    try:
        common = Path(os.path.commonpath([str(f.resolve()) for f in files]))
    except ValueError:
        return None
    return common if common.is_dir() else common.parent


def _shown(path: str, base: Path | None) -> str:
    if base is None:
        return path
    try:
        return str(Path(path).resolve().relative_to(base))
    except ValueError:
        return path


def run(args: argparse.Namespace) -> int:
    files = _files(list(args.paths))
    if args.workers is not None and args.workers < 0:
        raise CliError(f"--workers {args.workers}：进程数不能为负数")
    if args.out and not str(args.out).lower().endswith(".xlsx"):
        raise CliError(f"{args.out}：输出文件应为 .xlsx 工作簿")
    stderr = Console(stderr=True)
    summary = Table(title=f"年度报告审查结果（{len(files)} 个文件）")
    for header in SUMMARY_HEADERS[:6]:
        summary.add_column(header, overflow="fold")
    failed = 0
    base = _display_base(files)
    with ExitStack() as stack:
        workbook = None
        if args.out:
            workbook = _Workbook(stack.enter_context(atomic_output(args.out)))
            stack.callback(workbook.close)  # closed before the atomic move (callbacks run in reverse order)
        if args.json:
            sys.stdout.write("[")
        first = True
        for result in _progress(audit_files(files, workers=args.workers), len(files), stderr):
            if result.error or result.errors:
                failed += 1
            if workbook is not None:
                workbook.add(result)
            if args.json:
                sys.stdout.write(
                    ("\n" if first else ",\n") + json.dumps(_as_json(result), ensure_ascii=False, default=_json_default)
                )
                first = False
            else:
                summary.add_row(
                    _shown(result.path, base),
                    result.agency or ("—" if not result.error else f"无法读取：{result.error}"),
                    str(result.year or "—"),
                    result.format or "—",
                    str(result.errors) if not result.error else "—",
                    str(result.warnings) if not result.error else "—",
                )
        if args.json:
            sys.stdout.write("\n]\n")
    if not args.json:
        Console(soft_wrap=False, highlight=False).print(summary)
    if args.out:
        stderr.print(f"已写出 {args.out}")
    return EXIT_FINDINGS if failed else EXIT_OK


__all__ = ["EXIT_BAD_INPUT", "register", "run"]
