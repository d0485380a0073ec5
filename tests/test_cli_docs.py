"""docs/cli.md is the generated `--help` of the real CLI (regenerate: python -m xxgk.cli.docs > docs/cli.md)."""

from __future__ import annotations

from pathlib import Path

from xxgk.cli import SUBCOMMANDS
from xxgk.cli.docs import generate

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def test_cli_reference_matches_the_code() -> None:
    assert DOC.read_text(encoding="utf-8") == generate(), "docs/cli.md is stale: python -m xxgk.cli.docs > docs/cli.md"


def test_every_subcommand_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for name in SUBCOMMANDS:
        assert f"## xxgk {name}\n" in text
