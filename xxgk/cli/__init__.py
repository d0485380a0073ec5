"""The `xxgk` command: parse, check, render and audit annual-report files offline.

Each subcommand lives in its own module of this package with `register(subparsers)`, which adds its
parser; the parser's `handler` default runs it and returns the exit status.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from xxgk import __version__
from xxgk.cli import audit, check, new, parse, render
from xxgk.cli.common import EXIT_BAD_INPUT, CliError, fail

# Subcommands in the order `xxgk --help` lists them.
SUBCOMMANDS = ("new", "check", "render", "parse", "audit")
_MODULES = {"new": new, "check": check, "render": render, "parse": parse, "audit": audit}

# argparse speaks English; the CLI speaks Chinese. These are its messages a user can meet.
_ERRORS = (
    (re.compile(r"^the following arguments are required: (.+)$"), "缺少必需的参数：{0}"),
    (re.compile(r"^unrecognized arguments: (.+)$"), "无法识别的参数：{0}"),
    (
        re.compile(r"^argument (.+?): invalid choice: (.+?) \(choose from (.+)\)$"),
        "参数 {0} 的值 {1} 无效（可选：{2}）",
    ),
    (re.compile(r"^argument (.+?): expected one argument$"), "参数 {0} 需要一个值"),
    (re.compile(r"^argument (.+?): invalid (\w+) value: (.+)$"), "参数 {0} 的值 {2} 无效"),
    (re.compile(r"^argument (.+?): (.+)$"), "参数 {0}：{1}"),
)


def _chinese_error(message: str) -> str:
    for pattern, template in _ERRORS:
        match = pattern.match(message)
        if match:
            return template.format(*match.groups())
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese headings and errors; every error exits with status 2 like any bad input."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        fail(f"{self.prog}：{_chinese_error(message)}")
        sys.exit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="xxgk",
        description="政府信息公开工作年度报告工具：新建、校验、渲染、解析、批量审查。",
    )
    parser.add_argument("--version", action="version", version=f"xxgk {__version__}", help="显示版本并退出")
    sub = parser.add_subparsers(dest="command", metavar="命令", title="命令")
    for name in SUBCOMMANDS:
        _MODULES[name].register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return int(args.handler(args))
    except CliError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("已中断")


if __name__ == "__main__":
    sys.exit(main())
