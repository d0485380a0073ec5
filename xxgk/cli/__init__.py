"""The `xxgk` command: parse, check, render and audit annual-report files offline.

Each subcommand lives in its own module of this package with two functions: `register(subparsers)` adds
its parser, and the parser's `handler` default runs it and returns the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from xxgk import __version__
from xxgk.cli.common import CliError, fail

# Subcommands in the order `xxgk --help` lists them.
SUBCOMMANDS = ("new", "check", "render", "parse", "audit")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xxgk",
        description="政府信息公开工作年度报告工具：新建、校验、渲染、解析、批量审查。",
    )
    parser.add_argument("--version", action="version", version=f"xxgk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"xxgk.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"xxgk.cli.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args))
    except CliError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("已中断")


if __name__ == "__main__":
    sys.exit(main())
