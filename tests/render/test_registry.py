"""The renderer registry is a plain dict; JSON is the model's own JSON form."""

from __future__ import annotations

import pytest

from xxgk.model import Finding, empty_report, loads
from xxgk.render import FORMAT_NAMES, MEDIA_TYPES, RENDERERS, render

MAGIC = {"docx": b"PK", "xlsx": b"PK", "pdf": b"%PDF", "html": b"<!DOCTYPE html>", "json": b"{"}


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_every_format_renders_an_empty_report_of_both_formats(fmt: str) -> None:
    assert set(RENDERERS) == set(MEDIA_TYPES) == set(FORMAT_NAMES)
    for year in (2020, 2024):
        data = RENDERERS[fmt](empty_report(year, "某局", "部门"), None)
        assert data.startswith(MAGIC[fmt])


def test_json_round_trip_with_findings() -> None:
    report = empty_report(2024, "某局", "部门")
    finding = Finding("T1-01", "error", "缺少数值", "表一")
    back = loads(render(report, "json", [finding]))
    assert back.findings == [finding]
    assert back.table2 == report.table2 and back.table1 == report.table1


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="未知的输出格式"):
        render(empty_report(2024), "odt")


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html", "pdf"])
def test_control_characters_from_parsed_documents_do_not_break_the_file(fmt: str) -> None:
    from xxgk.model import Cell, Part

    report = empty_report(2024, "某局\x0b", "部门")
    report.parts = [Part(1, "一、总体情况", "第一段\x0c续\x00完。")]
    report.table2["new"] = [Cell.unresolved("12\x0334"), *[Cell.blank()] * 6]
    report.table1["规章/其他\x01"] = Cell.unresolved("5\x02")
    data = RENDERERS[fmt](report, None)
    assert data.startswith(MAGIC[fmt])
    if fmt == "html":
        text = data.decode("utf-8")
        assert "<p>第一段</p>" in text and "<p>续完。</p>" in text and "1234" in text  # \x0c breaks a line
