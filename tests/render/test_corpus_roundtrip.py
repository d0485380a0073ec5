"""Every value and every merged span of every gold report lands in its place, in every rendered format,
read back with the format's own reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import corpus_files
from tests.render import readback as R
from xxgk.model import loads
from xxgk.model.report import Cell, Report
from xxgk.render import RENDERERS
from xxgk.render.xlsx import GRID_FIRST_ROW, SHEET_NAMES

GOLD = corpus_files("*.gold.json")


def read_tables(fmt: str, data: bytes) -> list[R.ReadTable]:
    if fmt == "docx":
        return R.docx_tables(data)
    if fmt == "html":
        return R.html_tables(data)
    if fmt == "pdf":
        return R.pdf_tables(data)
    sheets = R.xlsx_tables(data, GRID_FIRST_ROW)
    return [sheets[name] for name in SHEET_NAMES.values()]


@pytest.mark.corpus
@pytest.mark.parametrize("fmt", ["docx", "html", "xlsx", "pdf"])
@pytest.mark.parametrize("path", GOLD, ids=[p.name.removesuffix(".gold.json") for p in GOLD])
def test_every_value_and_span_in_place(path: Path, fmt: str) -> None:
    report = loads(path.read_bytes())
    data = RENDERERS[fmt](report, None)
    checked = R.check_all(report, read_tables(fmt, data))
    assert checked >= len(report.table1) + 7 * len(report.table2) + 15


def _shifted(report: Report) -> Report:
    """The same report with one table-2 value moved to the neighbouring column."""
    cells = list(report.table2["granted"])
    cells[0], cells[1] = Cell.of(99991), Cell.of(99992)
    report.table2["granted"] = cells
    return report


@pytest.mark.corpus
@pytest.mark.parametrize("fmt", ["docx", "html", "xlsx", "pdf"])
def test_the_check_notices_a_misplaced_value(corpus_dir: Path, fmt: str) -> None:
    report = loads((corpus_dir / "huaian-gov-2024.gold.json").read_bytes())
    data = RENDERERS[fmt](_shifted(report), None)
    other = loads((corpus_dir / "huaian-gov-2024.gold.json").read_bytes())
    with pytest.raises(AssertionError, match="granted"):
        R.check_all(other, read_tables(fmt, data))


def _mixed_other_rows() -> list[Report]:
    """A 2019-format report printing the 2021 sub-rows of （六）, and a 2021 one still printing the single
    （六）其他处理 row: both are shown as printed, each row in its place."""
    from xxgk.model import empty_report

    old = empty_report(2020, "某局", "部门")
    for key in ("other_1", "other_2", "other_3"):
        old.table2[key] = [Cell.of(1)] * 7
    new = empty_report(2023, "某局", "部门")
    new.table2["other"] = [Cell.of(2)] * 7
    return [old, new]


@pytest.mark.parametrize("fmt", ["docx", "html", "xlsx", "pdf"])
def test_rows_outside_the_format_are_shown_in_place(fmt: str) -> None:
    for report in _mixed_other_rows():
        checked = R.check_all(report, read_tables(fmt, RENDERERS[fmt](report, None)))
        assert checked == len(report.table1) + 7 * len(report.table2) + 15
