"""The rules on every hand-checked gold file of the corpus: the published defects are flagged, and tables
that add up get no arithmetic error."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import corpus_files
from xxgk.model import loads
from xxgk.rules import check

ARITHMETIC = {"T2-01", "T2-02", "T2-03", "T2-05", "T3-01"}
GOLD = corpus_files("*.gold.json")

# What each gold file's `defects` list says, as (code, severity, cell reference) the rules must report.
EXPECTED: dict[str, set[tuple[str, str, str]]] = {
    "shapotou-yjj-2020.gold.json": {
        ("T2-03", "error", "table2.total.other_org"),
        ("T2-03", "error", "table2.total.total"),
        ("T2-05", "error", "table2.refused_7.other_org"),
        ("T2-05", "error", "table2.refused_7.total"),
        *(("T3-02", "error", f"table3.rev_{k}") for k in ("upheld", "corrected", "other", "pending", "total")),
        ("T1-01", "error", "table1.行政事业性收费/本年增/减"),
        ("T1-02", "info", "table1.政府集中采购/采购总金额"),  # no unit
    },
    "zhanhe-yjj-2022.gold.json": {("T1-01", "error", "table1.行政事业性收费/本年收费金额（单位：万元）")},
    "official-template-2021.gold.json": {
        ("T1-01", "error", "table1.规章/本年制发件数"),
        ("T2-04", "error", "table2.new.natural_person"),
        ("T3-02", "error", "table3.rev_upheld"),
    },
    "shanghai-kewei-2024.gold.json": {
        ("T2-04", "error", "table2.carry_forward.total"),
        ("T1-01", "warning", "table1.规范性文件/本年制发件数"),  # the 2019 row label in a 2024 report
    },
    "pingtan-2021.gold.json": {("T1-01", "info", "table1.规章/本年制发件数|本年废止件数|现行有效件数")},
}


def _flagged(findings) -> set[tuple[str, str, str]]:
    return {(f.code, f.severity, cell) for f in findings for cell in f.cells}


@pytest.mark.corpus
@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_gold_file(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    findings = check(loads(path.read_bytes()))
    flagged = _flagged(findings)
    assert EXPECTED.get(path.name, set()) <= flagged

    # Every rule code a defect line names is reported as an error.
    named = {code for line in data.get("defects", []) for code in re.findall(r"T\d-\d\d|STRUCT-\d\d", line)}
    assert named <= {f.code for f in findings if f.severity == "error"}

    # Tables that add up get no arithmetic error; the one that does not gets exactly its two.
    arithmetic = sorted(f.code for f in findings if f.code in ARITHMETIC and f.severity == "error")
    if path.name == "shapotou-yjj-2020.gold.json":
        assert arithmetic == ["T2-03", "T2-03", "T2-05", "T2-05"]
    else:
        assert arithmetic == []

    # A tables-only JSON: one info finding about the missing body text, never six missing-part errors.
    struct = [f for f in findings if f.code == "STRUCT-01"]
    assert [(f.severity, f.assessable) for f in struct] == [("info", False)]

    # Blank cells are errors of their own table's missing-value rule, never silently zero.
    blanks = sum(1 for cell in _all_cells(data) if cell is None)
    missing_value_errors = [f for f in findings if f.code in ("T1-01", "T2-04", "T3-02") and f.severity == "error"]
    assert bool(blanks) == bool(missing_value_errors)


def _all_cells(data: dict) -> list[object]:
    cells: list[object] = list((data.get("table1") or {}).values())
    for row in (data.get("table2") or {}).values():
        cells.extend(row)
    cells.extend(data.get("table3") or [])
    return cells


@pytest.mark.corpus
def test_the_corpus_is_there(corpus_dir: Path) -> None:
    assert len(list(corpus_dir.glob("*.gold.json"))) >= 10
