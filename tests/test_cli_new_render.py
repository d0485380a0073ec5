"""`xxgk new` and `xxgk render` end to end, through the real command-line entry point."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest

from xxgk.cli import main
from xxgk.model import empty_report, loads
from xxgk.render.xlsx import FINDINGS_SHEET

MAGIC = {"docx": b"PK", "xlsx": b"PK", "pdf": b"%PDF", "html": b"<!DOCTYPE html>", "json": b"{"}


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("xxgk：错误：") and "\n" not in err, err
    return err


def test_new_writes_an_empty_report_of_the_years_format(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert main(["new", "--year", "2025", "--agency", "某某市某某局", "--type", "部门", "-o", str(out)]) == 0
    report = loads(out.read_bytes())
    expected = empty_report(2025, "某某市某某局", "部门")
    assert report.format == "2021" and report.agency_type == "部门"
    assert report.table1 == expected.table1 and report.table2 == expected.table2 and report.table3 == expected.table3
    assert [p.heading for p in report.parts] == [p.heading for p in expected.parts]

    old = tmp_path / "old.json"
    assert main(["new", "--year", "2020", "--agency", "某局", "--type", "人民政府", "-o", str(old)]) == 0
    assert loads(old.read_bytes()).format == "2019"


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.json"
    out.write_text("{}", encoding="utf-8")
    assert main(["new", "--year", "2025", "--agency", "某局", "--type", "部门", "-o", str(out)]) == 2
    assert "已存在" in one_line_error(capsys)
    assert out.read_text(encoding="utf-8") == "{}"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--year", "2018", "--agency", "某局", "--type", "部门"], "2018"),
        (["--year", "二〇二五", "--agency", "某局", "--type", "部门"], "--year"),
        (["--year", "2025", "--agency", "某局", "--type", "局"], "--type"),
        (["--year", "2025", "--agency", " ", "--type", "部门"], "--agency"),
    ],
)
def test_new_rejects_bad_arguments(
    args: list[str], needle: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.json"
    assert main(["new", *args, "-o", str(out)]) == 2
    assert needle in one_line_error(capsys)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html", "xlsx", "json"])
def test_render_every_format(fmt: str, tmp_path: Path) -> None:
    source = tmp_path / "report.json"
    assert main(["new", "--year", "2024", "--agency", "某局", "--type", "部门", "-o", str(source)]) == 0
    out = tmp_path / f"out.{fmt}"
    assert main(["render", str(source), "--to", fmt, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(MAGIC[fmt])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["report.json", out.name])


def test_render_passes_rule_findings_to_xlsx_and_json(tmp_path: Path) -> None:
    source = tmp_path / "report.json"
    assert main(["new", "--year", "2024", "--agency", "某局", "--type", "部门", "-o", str(source)]) == 0
    # a blank report is incomplete: the rules report missing cells
    xlsx = tmp_path / "out.xlsx"
    assert main(["render", str(source), "-o", str(xlsx)]) == 0  # format from the extension
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.read_bytes()))[FINDINGS_SHEET]
    assert sheet.max_row > 1
    out = tmp_path / "out.json"
    assert main(["render", str(source), "--to", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["findings"]


@pytest.mark.parametrize(
    ("content", "path"),
    [
        ('{"year": 2024, "format": "2021", "table2": {"new": [1, 2, 3]}}', "$.table2.new"),
        ('{"year": 2024, "format": "2021", "table3": [1, 2]}', "$.table3"),
        ('{"year": 2024, "format": "2031"}', "$.format"),
        ("不是 JSON", "$"),
    ],
)
@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_render_bad_input_leaves_no_file(
    content: str, path: str, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(content, encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    assert main(["render", str(source), "--to", fmt, "-o", str(out)]) == 2
    err = one_line_error(capsys)
    assert str(source) in err and f"{path}：" in err
    assert [p.name for p in tmp_path.iterdir()] == ["bad.json"]


def test_render_unknown_format_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "none.json"), "--to", "pdf", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "文件不存在" in one_line_error(capsys)
    assert main(["render", str(tmp_path / "none.json"), "--to", "odt", "-o", str(tmp_path / "x.odt")]) == 2
    assert "odt" in one_line_error(capsys)
    assert list(tmp_path.iterdir()) == []
