"""Whatever the cells hold, the rules run to the end and every finding is well formed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.rules.helpers import zero_report
from xxgk.model import T2_COLUMN_KEYS, Cell, Report
from xxgk.model.report import SEVERITIES
from xxgk.rules import RULES, check
from xxgk.rules.cells import num

cells = st.one_of(
    st.integers(min_value=0, max_value=50).map(Cell.of),
    st.just(Cell.blank()),
    st.just(Cell.not_applicable()),
    st.text(alphabet="0123456789", min_size=1, max_size=4).map(Cell.unresolved),
)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    year = draw(st.sampled_from([2019, 2020, 2021, 2024]))
    report = zero_report(year, format=draw(st.sampled_from(["2019", "2021"])))
    for key in report.table1:
        report.table1[key] = draw(cells)
    for row in report.table2:
        report.table2[row] = [draw(cells) for _ in range(7)]
    report.table3 = [draw(cells) for _ in range(15)]
    if draw(st.booleans()):
        report.parts = []
    return report


@settings(max_examples=60, deadline=None)
@given(reports(), reports())
def test_rules_never_fail_and_findings_are_well_formed(report: Report, previous: Report) -> None:
    previous.year = (report.year or 2020) - 1
    for finding in check(report, previous=previous, children=[previous]):
        assert finding.code in RULES and finding.severity in SEVERITIES
        assert finding.message and finding.basis
        if not finding.assessable:
            assert finding.severity == "info"
        # An error of an arithmetic rule always involves cells that are numbers.
        if finding.code in ("T2-01", "T2-02", "T2-03", "T2-05") and finding.severity == "error":
            assert finding.cells and all(num(_cell(report, ref)) is not None for ref in finding.cells)


def _cell(report: Report, ref: str) -> Cell:
    _, row, column = ref.split(".")
    return report.t2(row, T2_COLUMN_KEYS.index(column))
