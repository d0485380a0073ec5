"""`xxgk new`: write an empty report of the format its year requires, ready to be filled in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xxgk.cli.common import EXIT_OK, CliError, atomic_output
from xxgk.model import dumps, empty_report
from xxgk.model import labels as L
from xxgk.model.formats import FIRST_YEAR


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new",
        help="新建空白年度报告（JSON）",
        description="按年度对应的格式（2019 或 2021）新建一份空白的政府信息公开工作年度报告 JSON。",
    )
    # Year and type are read as text and checked here so that every error is one line of Chinese.
    parser.add_argument("--year", required=True, metavar="年度", help=f"报告年度（{FIRST_YEAR} 年及以后）")
    parser.add_argument("--agency", required=True, metavar="机关名称", help="发布报告的机关名称")
    parser.add_argument(
        "--type", dest="agency_type", required=True, metavar="机关类型", help=f"机关类型：{'、'.join(L.AGENCY_TYPES)}"
    )
    parser.add_argument("-o", "--output", required=True, metavar="文件", help="输出的 JSON 文件（- 表示标准输出）")
    parser.add_argument("--force", action="store_true", help="输出文件已存在时覆盖")
    parser.set_defaults(handler=run)


def parse_year(text: str) -> int:
    try:
        year = int(text.strip())
    except ValueError:
        raise CliError(f"--year：「{text}」不是年度（应为如 2025 的四位数字）") from None
    if year < FIRST_YEAR:
        raise CliError(f"--year：{year} 年度早于 {FIRST_YEAR} 年修订的条例，不适用现行年度报告格式")
    if year > 9999:
        raise CliError(f"--year：「{text}」不是年度（应为如 2025 的四位数字）")
    return year


def run(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    agency = args.agency.strip()
    if not agency:
        raise CliError("--agency：机关名称不能为空")
    if args.agency_type not in L.AGENCY_TYPES:
        raise CliError(f"--type：「{args.agency_type}」不是机关类型（可选：{'、'.join(L.AGENCY_TYPES)}）")
    text = dumps(empty_report(year, agency, args.agency_type)) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(args.output)
    if target.exists() and not args.force:
        raise CliError(f"{target}：文件已存在（如需覆盖请加 --force）")
    with atomic_output(target) as handle:
        handle.write(text.encode("utf-8"))
    return EXIT_OK
