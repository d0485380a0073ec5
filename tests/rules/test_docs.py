"""docs/rules.md documents every rule, and every rule code is named by a test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from xxgk.rules import RULES

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "rules.md"
ROW = re.compile(
    r"^\| `(?P<code>[A-Z0-9]+-\d\d)` \| (?P<severity>\w+) \| (?P<title>[^|]+) \|.*\| (?P<status>\w+) \| [^|]+ \|$"
)


def documented() -> dict[str, dict[str, str]]:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if m := ROW.match(line):
            rows[m["code"]] = m.groupdict()
    return rows


def test_every_rule_is_documented_and_every_documented_rule_exists() -> None:
    docs = documented()
    assert sorted(set(RULES) - set(docs)) == [], "rules missing from docs/rules.md"
    assert sorted(set(docs) - set(RULES)) == [], "docs/rules.md lists rules that do not exist"


@pytest.mark.parametrize("code", sorted(RULES))
def test_documented_severity_title_and_status_match_the_rule(code: str) -> None:
    row = documented()[code]
    rule = RULES[code]
    assert (row["severity"], row["title"].strip(), row["status"]) == (rule.severity, rule.title, rule.status)


def _test_sources() -> str:
    tests = ROOT / "tests"
    return "\n".join(p.read_text(encoding="utf-8") for p in tests.rglob("test_*.py") if p.name != "test_docs.py")


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_code_is_named_by_a_test(code: str) -> None:
    assert f'"{code}"' in _test_sources(), f"no test names {code}"


def test_spec_codes_are_all_registered() -> None:
    expected = (
        [f"STRUCT-0{i}" for i in range(1, 7)]
        + [f"T1-0{i}" for i in range(1, 7)]
        + [f"T2-{i:02d}" for i in range(1, 12)]
        + [f"T3-0{i}" for i in range(1, 6)]
    )
    assert sorted(RULES) == sorted(expected)


def test_every_rule_has_basis_and_a_chinese_title() -> None:
    for rule in RULES.values():
        assert rule.basis and rule.title
        assert re.search(r"[\u4e00-\u9fff]", rule.title), rule.code
        assert (rule.check is None) == (rule.kind == "records")
