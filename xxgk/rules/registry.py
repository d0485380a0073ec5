"""Rules as data: every rule has a stable code, a severity, a Chinese title, its basis and a check function.

`RULES` is a plain dict, code → Rule, filled by the rule modules as they are imported (built-in rules are
registered like any other). Report rules take a `RuleInput` and yield findings; case-system rules
(`kind == "records"`) are checked by the web system on concluded case records through their own functions
(see `xxgk.rules.cases`), and `check()` on a published report skips them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from xxgk.model import Finding, Report, Severity
from xxgk.model import labels as L

# The two format notices, as cited in a rule's basis.
FORMAT_NOTICES = f"{L.NOTICE_2021}（2019、2020 年度为{L.NOTICE_2019}）"

Status = Literal["official", "derived", "heuristic"]
Kind = Literal["report", "records"]


@dataclass(frozen=True, slots=True)
class RuleInput:
    """What a report rule may look at: the report, last year's report, and the reports it aggregates."""

    report: Report
    previous: Report | None = None
    children: Sequence[Report] = ()

    @property
    def has_text(self) -> bool:
        """Whether the six parts' text was provided (a tables-only JSON has none)."""
        return bool(self.report.parts)


ReportCheck = Callable[[RuleInput], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    severity: Severity  # the severity of a breach; some rules also report lesser findings (info, warning)
    title: str  # short Chinese title
    basis: str  # legal or statutory basis, in Chinese
    status: Status  # official (printed in the format or a notice), derived (follows from it), heuristic
    check: ReportCheck | None = None  # None for case-system rules (kind == "records")
    kind: Kind = "report"
    needs_text: bool = False  # reads the parts' text: skipped when no text was provided

    def finding(
        self,
        message: str,
        *,
        where: str = "",
        cells: Iterable[str] = (),
        severity: Severity | None = None,
        assessable: bool = True,
    ) -> Finding:
        """A finding of this rule, carrying its code and basis."""
        return Finding(
            code=self.code,
            severity=severity or self.severity,
            message=message,
            where=where,
            cells=tuple(cells),
            basis=self.basis,
            assessable=assessable,
        )

    def not_assessable(self, items: Sequence[tuple[str, str, Sequence[str]]]) -> Finding:
        """One info finding for every place this rule could not be assessed: (place, why, cell refs)."""
        if len(items) > 3:
            # A mostly blank table: name a few places; the missing-value findings list every cell.
            head = "、".join(place for place, _, _ in items[:3])
            places = f"{head}等 {len(items)} 处（有单元格为空或不是数字）"
        else:
            places = "；".join(f"{place}（{why}）" for place, why, _ in items)
        refs = tuple(ref for _, _, cell_refs in items for ref in cell_refs)
        tables = {place[:2] for place, _, _ in items}
        where = items[0][0] if len(items) == 1 else (tables.pop() if len(tables) == 1 else "")
        return self.finding(
            f"{self.title}无法核验：{places}", where=where, cells=refs, severity="info", assessable=False
        )


RULES: dict[str, Rule] = {}


def register(
    code: str,
    severity: Severity,
    title: str,
    basis: str,
    status: Status,
    *,
    needs_text: bool = False,
) -> Callable[[ReportCheck], ReportCheck]:
    """Decorator registering a report rule; the decorated function receives a `RuleInput`."""

    def wrap(func: ReportCheck) -> ReportCheck:
        _add(Rule(code, severity, title, basis, status, func, "report", needs_text))
        return func

    return wrap


def register_records_rule(code: str, severity: Severity, title: str, basis: str, status: Status) -> Rule:
    """Register a case-system rule (checked on case records, not on a published report)."""
    rule = Rule(code, severity, title, basis, status, None, "records")
    _add(rule)
    return rule


def _add(rule: Rule) -> None:
    if rule.code in RULES:
        raise ValueError(f"rule {rule.code} registered twice")
    RULES[rule.code] = rule


def rule(code: str) -> Rule:
    return RULES[code]
