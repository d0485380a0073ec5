"""The extractor on the structured samples (rows from the DOCX and HTML front-ends): regressions of bugs
met there."""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS
from xxgk.model.report import Report
from xxgk.parse import parse_file

pytestmark = pytest.mark.corpus


def parsed(name: str) -> Report:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{name} is not in the corpus")
    return parse_file(path)


def test_blank_official_template_rows_are_present_and_blank() -> None:
    # rows of empty cells used to be dropped: every table-2 row was reported missing, table 3 had no values
    report = parsed("official-template-2021.docx")
    codes = [f.code for f in report.findings]
    assert "PARSE-T2-ROW-MISSING" not in codes and "PARSE-T3-NO-VALUES" not in codes
    assert len(report.table2) == 25 and all(c.is_blank for row in report.table2.values() for c in row)
    assert report.table3 is not None and all(c.is_blank for c in report.table3)
    assert report.table3[0].provenance is not None and report.table3[0].provenance.table is not None
    assert report.year is None and [p.number for p in report.parts] == [1, 2, 3, 4, 5, 6]


def test_title_after_the_navigation_of_a_crawled_page() -> None:
    report = parsed("pingtan-2019.html")
    assert report.title == "平潭综合实验区2019年度政府信息公开工作年度报告"
    assert report.year == 2019 and report.agency == "平潭综合实验区" and report.format == "2019"
