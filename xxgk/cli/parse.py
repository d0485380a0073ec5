"""`xxgk parse FILE [--json]`: read a published annual report (PDF, DOCX, HTML, TXT, Markdown).

With `--json` the §J JSON of the report is printed, findings and per-cell provenance included (page for
PDF, line for text, table/row/column for HTML and DOCX). Without it a readable Chinese summary: year,
agency, format, the three tables compactly, the findings. A file that cannot be read at all (missing,
empty, corrupt) gives a one-line Chinese error and exit status 2; a readable file always exits 0, whatever
its findings say.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from xxgk.cli.common import EXIT_OK, CliError
from xxgk.model import dumps
from xxgk.model import labels as L
from xxgk.model.formats import split_table1_key
from xxgk.model.report import Cell, CellState, Finding, Report
from xxgk.parse import parse_file
from xxgk.parse.document import UnreadableDocument

SEVERITY_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}
# Column heads short enough for an 80-column terminal (same order as T2_COLUMN_LABELS).
T2_SHORT_COLUMNS = ("自然人", "商业", "科研", "公益", "法律", "其他", "总计")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "parse",
        help="解析已发布的年度报告文件（PDF、DOCX、HTML、TXT、Markdown）",
        description="读取一份已发布的政府信息公开工作年度报告，输出年度、机关、格式、三张表格和发现项。",
    )
    parser.add_argument("file", metavar="FILE", help="年度报告文件")
    parser.add_argument("--json", action="store_true", help="输出 §J 格式的 JSON（含发现项和每个单元格的来源）")
    parser.add_argument("--no-rules", action="store_true", help="只做解析，不运行校验规则")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        report = parse_file(args.file, rules=not args.no_rules)
    except UnreadableDocument as exc:
        raise CliError(str(exc) or f"{args.file}：无法读取") from None
    if args.json:
        sys.stdout.write(dumps(report))
        sys.stdout.write("\n")
    else:
        print_summary(report, args.file)
    return EXIT_OK


def _show(cell: Cell) -> str:
    if cell.state is CellState.BLANK:
        return "（空）"
    text = cell.display()
    return f"{text}{cell.unit}" if cell.unit else text


def print_summary(report: Report, source: str) -> None:
    console = Console(soft_wrap=False, highlight=False)
    console.print(f"[bold]{source}[/bold]")
    console.print(f"年度：{report.year if report.year is not None else '未识别'}")
    console.print(f"机关：{report.agency or '未识别'}（类型推测：{report.agency_type or '未识别'}）")
    console.print(f"表格格式：{report.format} 年格式")
    if report.parts:
        console.print("各部分：" + "；".join(p.heading for p in report.parts), soft_wrap=True)
    _table1(console, report)
    _table2(console, report)
    _table3(console, report)
    _findings(console, report.findings)


def _table1(console: Console, report: Report) -> None:
    if not report.table1:
        console.print("表一：未读到")
        return
    table = Table(title="表一 主动公开政府信息情况", show_header=True)
    table.add_column("信息内容")
    table.add_column("栏目")
    table.add_column("数值", justify="right")
    for key, cell in report.table1.items():
        row, column = split_table1_key(key)
        table.add_row(row, column, _show(cell))
    console.print(table)


def _table2(console: Console, report: Report) -> None:
    if not report.table2:
        console.print("表二：未读到")
        return
    table = Table(title="表二 收到和处理政府信息公开申请情况", show_header=True)
    table.add_column("行", no_wrap=True)
    for label in T2_SHORT_COLUMNS:
        table.add_column(label, justify="right", no_wrap=True)
    for key, cells in report.table2.items():
        table.add_row(L.T2_ROW_SHORT.get(key, key), *(_show(c) for c in cells))
    console.print(table)


def _table3(console: Console, report: Report) -> None:
    if report.table3 is None:
        console.print("表三：未读到")
        return
    table = Table(title="表三 政府信息公开行政复议、行政诉讼情况", show_header=True)
    table.add_column("类别")
    for leaf in L.T3_LEAVES:
        table.add_column(leaf, justify="right")
    for g, (_, group) in enumerate(L.T3_GROUPS):
        table.add_row(group, *(_show(c) for c in report.table3[g * 5 : g * 5 + 5]))
    console.print(table)


def _findings(console: Console, findings: Sequence[Finding]) -> None:
    if not findings:
        console.print("发现项：无")
        return
    console.print(f"发现项（{len(findings)} 项）：")
    for f in findings:
        place = f"（{f.where}）" if f.where else ""
        line = f"  [{SEVERITY_WORDS.get(f.severity, f.severity)}] {f.code} {f.message}{place}"
        console.print(line, markup=False, soft_wrap=True)
