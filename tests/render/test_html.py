"""HTML: standalone, self-contained, accessible table markup."""

from __future__ import annotations

import lxml.html

from xxgk.model import Part, empty_report
from xxgk.model import labels as L
from xxgk.render.html import render


def page() -> lxml.html.HtmlElement:
    report = empty_report(2024, "某某市某某局", "部门")
    report.parts = [Part(1, L.PART_HEADINGS[0], "<script>alert(1)</script> 与 & 符号")]
    return lxml.html.fromstring(render(report))


def test_standalone_page_without_external_resources() -> None:
    root = page()
    assert root.get("lang") == "zh-CN"
    assert root.find(".//meta[@charset]") is not None
    assert root.findtext(".//title") == "某某市某某局2024年政府信息公开工作年度报告"
    assert root.findall(".//script") == []  # the part text was escaped, not executed
    assert "<script>alert(1)</script> 与 & 符号" in root.text_content()
    assert root.findall(".//link") == [] and root.xpath("//*[@src]") == []
    assert root.find(".//style") is not None


def test_tables_are_accessible() -> None:
    root = page()
    tables = root.findall(".//table")
    assert [t.findtext("caption") for t in tables] == [h.split("、", 1)[1] for h in L.PART_HEADINGS[1:4]]
    ids = set(root.xpath("//@id"))
    for table in tables:
        for th in table.iter("th"):
            assert th.get("scope") in {"col", "row", "colgroup", "rowgroup"}, th.text_content()
        for td in table.iter("td"):
            if "value" in (td.get("class") or ""):
                headers = td.get("headers", "").split()
                assert headers and set(headers) <= ids
    # table 2 and 3 keep their header rows in <thead>
    assert len(tables[1].findall("thead/tr")) == 3 and len(tables[2].findall("thead/tr")) == 3


def test_value_cells_name_their_headers() -> None:
    root = page()
    cell = root.xpath('//td[@data-ref="table2.total.other_org"]')[0]
    names = [root.get_element_by_id(h).text_content() for h in cell.get("headers").split()]
    assert names == [L.T2_GROUP_RESULTS, "（七）总计", L.T2_APPLICANT_GROUP, L.T2_ORG_GROUP, "其他"]
    cell = root.xpath('//td[@data-ref="table3.lit_after_total"]')[0]
    names = [root.get_element_by_id(h).text_content() for h in cell.get("headers").split()]
    assert names == [L.T3_LITIGATION, L.T3_AFTER_REVIEW, "总计"]
