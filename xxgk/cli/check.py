"""`xxgk check REPORT.json`: run every validation rule on a report in the §J JSON form.

Prints the findings as a table (代码 / 级别 / 位置 / 说明) and a one-line summary, or with `--json` a JSON
array of finding objects (code, severity, message, where, cells, basis, assessable). Findings the file
already carries from parsing (codes that are not rule codes) are listed too; earlier rule findings in the
file are replaced by a fresh run. Errors come first, then warnings, then information. Exit status: 1 when
an error-level finding exists, 0 otherwise, 2 for bad input (the message names the file and JSON path).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from xxgk.cli.common import EXIT_FINDINGS, EXIT_OK, read_report_json
from xxgk.model import Finding, Report
from xxgk.rules import RULES, SEVERITY_ORDER, check

SEVERITY_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "dim"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="校验年度报告 JSON（表格勾稽关系、缺项、格式版本、正文与表格一致性）",
        description="按校验规则检查一份 §J 格式的年度报告 JSON。有“错误”级发现项时退出码为 1。",
    )
    parser.add_argument("report", metavar="REPORT.json", help="要校验的年度报告 JSON 文件")
    parser.add_argument("--json", action="store_true", help="以 JSON 数组输出发现项")
    parser.add_argument("--previous", metavar="PREV.json", help="上一年度报告 JSON（用于跨年度衔接规则）")
    parser.add_argument(
        "--child",
        metavar="CHILD.json",
        action="append",
        default=[],
        help="下级报告 JSON，可重复（用于汇总报告等于下级之和的规则）",
    )
    parser.set_defaults(handler=run)


def findings_for(report: Report, *, previous: Report | None, children: Sequence[Report]) -> list[Finding]:
    """Parser findings carried by the file and a fresh run of every rule: errors first, then warnings, then
    information; within a severity, parser findings first and rule findings in code order."""
    carried = [f for f in report.findings if f.code not in RULES]
    findings = carried + check(report, previous=previous, children=children)
    return sorted(findings, key=lambda f: SEVERITY_ORDER.get(f.severity, len(SEVERITY_ORDER)))


def run(args: argparse.Namespace) -> int:
    report = read_report_json(args.report)
    previous = read_report_json(args.previous) if args.previous else None
    children = [read_report_json(path) for path in args.child]
    findings = findings_for(report, previous=previous, children=children)
    if args.json:
        json.dump([f.as_dict() for f in findings], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print_findings(report, args.report, findings)
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


def summary_line(source: str, report: Report, findings: Sequence[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_WORDS}
    about = [report.agency or "", f"{report.year} 年度" if report.year else "", f"{report.format} 年格式"]
    head = f"{source}（{'，'.join(x for x in about if x)}）"
    if not findings:
        return f"{head}：未发现问题。"
    parts = "，".join(f"{word} {counts[s]} 项" for s, word in SEVERITY_WORDS.items())
    verdict = "存在错误，需要更正" if counts["error"] else "无错误"
    return f"{head}：共 {len(findings)} 项发现，{parts}；{verdict}。"


def print_findings(report: Report, source: str, findings: Sequence[Finding]) -> None:
    console = Console(soft_wrap=False, highlight=False)
    if findings:
        table = Table(show_lines=True, expand=True)
        table.add_column("代码", no_wrap=True)
        table.add_column("级别", no_wrap=True)
        # CJK text has no spaces to break at: fold long cells instead of cutting them off with "…".
        table.add_column("位置", overflow="fold", ratio=1)
        table.add_column("说明", overflow="fold", ratio=3)
        for f in findings:
            style = SEVERITY_STYLES.get(f.severity, "")
            word = SEVERITY_WORDS.get(f.severity, f.severity)
            table.add_row(f.code, f"[{style}]{word}[/]", f.where, f.message)
        console.print(table)
    console.print(summary_line(source, report, findings), markup=False, soft_wrap=True)
