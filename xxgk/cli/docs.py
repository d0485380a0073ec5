"""Generate docs/cli.md from the real `--help` of every subcommand.

    python -m xxgk.cli.docs > docs/cli.md

A test regenerates it and fails when docs/cli.md differs, so the reference can never drift from the code.
"""

from __future__ import annotations

import argparse
import os
import sys

HEADER = """# `xxgk` command-line reference

Generated from the real `--help` output by `python -m xxgk.cli.docs > docs/cli.md`; a test fails when
this page and the code disagree.

Exit status of every command: 0 success; 1 `check` found an error-level finding; 2 bad input (the
message, one line of Chinese on standard error, names the file and what is wrong; no partial output file
is left behind).
"""


def _help_text(parser: argparse.ArgumentParser) -> str:
    return parser.format_help().rstrip()


def generate() -> str:
    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal width: fix it for a stable page
    from xxgk.cli import build_parser

    parser = build_parser()
    out = [HEADER, "## xxgk\n", "```", _help_text(parser), "```\n"]
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for action in subparsers:
        for name, sub in action.choices.items():
            out += [f"## xxgk {name}\n", "```", _help_text(sub), "```\n"]
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(generate())
