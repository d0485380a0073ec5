"""Validation rules of the annual report (spec §A.4, §B.5, §C.5, §D.2).

    from xxgk.rules import check, RULES
    findings = check(report, previous=last_year, children=department_reports)

`check` runs every report rule and returns every finding (it never stops at the first). Cross-year rules
(T1-03, T1-04, T2-06, T3-05) need `previous`, the roll-up rule T2-11 needs `children`; without them they
produce nothing. Rules that read the parts' text are skipped when the report has no text (STRUCT-01 then
says so once). Case-system rules (T2-07, T2-08, T3-03) check case records, see `xxgk.rules.cases`.
"""

from __future__ import annotations

from collections.abc import Sequence

from xxgk.model import Finding, Report
from xxgk.rules import cases, narrative, structure, table1, table2, table3  # noqa: F401  (registers the rules)
from xxgk.rules.cases import (
    ConcludedApplication,
    LitigationRecord,
    check_litigation_scope,
    check_partial_counting,
    check_single_count,
)
from xxgk.rules.registry import RULES, Rule, RuleInput

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _order(code: str) -> tuple[int, str]:
    prefix = ("STRUCT", "T1", "T2", "T3")
    head = code.split("-")[0]
    return (prefix.index(head) if head in prefix else len(prefix), code)


def check(report: Report, *, previous: Report | None = None, children: Sequence[Report] = ()) -> list[Finding]:
    """Every finding of every report rule, ordered by rule code (STRUCT, T1, T2, T3)."""
    inp = RuleInput(report, previous, tuple(children))
    findings: list[Finding] = []
    for code in sorted(RULES, key=_order):
        rule = RULES[code]
        if rule.check is None or (rule.needs_text and not inp.has_text):
            continue
        findings.extend(rule.check(inp))
    return findings


def has_errors(findings: Sequence[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


__all__ = [
    "RULES",
    "SEVERITY_ORDER",
    "ConcludedApplication",
    "LitigationRecord",
    "Rule",
    "RuleInput",
    "check",
    "check_litigation_scope",
    "check_partial_counting",
    "check_single_count",
    "has_errors",
]
