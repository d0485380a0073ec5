"""`xxgk render`: a report JSON file as DOCX, PDF, HTML, XLSX or JSON.

The rules run first; their findings go to the renderers that show them (the XLSX 校验结果 sheet, the JSON
findings). The published formats (DOCX, PDF, HTML) carry the report as it is.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from xxgk.cli.common import EXIT_OK, CliError, atomic_output, read_report_json
from xxgk.model.report import Finding, Report
from xxgk.render import FORMAT_NAMES, RENDERERS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "render",
        help="把年度报告 JSON 生成为 DOCX、PDF、HTML、XLSX 或 JSON",
        description="读取年度报告 JSON，运行校验规则，按官方样式生成指定格式的文件。",
    )
    parser.add_argument("report", metavar="报告.json", help="年度报告 JSON 文件")
    parser.add_argument(
        "--to", dest="fmt", metavar="格式", help=f"输出格式：{'、'.join(FORMAT_NAMES)}（省略时按输出文件扩展名）"
    )
    parser.add_argument("-o", "--output", required=True, metavar="文件", help="输出文件")
    parser.set_defaults(handler=run)


def output_format(fmt: str | None, output: Path) -> str:
    name = (fmt or output.suffix.lstrip(".")).lower()
    if not name:
        raise CliError(f"{output}：无法从扩展名判断输出格式，请用 --to 指定（{'、'.join(FORMAT_NAMES)}）")
    if name not in RENDERERS:
        raise CliError(f"--to：未知的输出格式「{name}」（可选：{'、'.join(FORMAT_NAMES)}）")
    return name


def run_rules(report: Report) -> list[Finding]:
    """The report's own findings (from parsing) followed by those of the rules."""
    from xxgk.rules import check

    found = check(report)
    return [*report.findings, *(f for f in found if f not in report.findings)]


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    fmt = output_format(args.fmt, output)
    source = Path(args.report)
    if source.resolve() == output.resolve():
        raise CliError(f"{output}：输出文件不能与输入文件相同")
    report = read_report_json(source)
    findings = run_rules(report)
    with atomic_output(output) as handle:
        try:
            data = RENDERERS[fmt](report, findings)
        except (ValueError, KeyError) as exc:
            raise CliError(f"{source}：无法生成 {fmt.upper()}（{exc}）") from None
        handle.write(data)
    return EXIT_OK
