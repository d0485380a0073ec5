"""Regression tests on the real text samples: every table cell against the hand-checked gold, and the
parser findings each sample's traps must produce (spec §G; the gold files' notes)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CORPUS, corpus_files
from xxgk.model import Report, to_dict
from xxgk.parse import parse_file

pytestmark = pytest.mark.corpus

MINE = (
    "shapotou-yjj-2020.txt",
    "shanting-yjj-2021.txt",
    "zhanhe-yjj-2022.txt",
    "huaian-gov-2024.layout.txt",
    "huaian-gov-2024.raw.txt",
    "shanghai-kewei-2024.md",
    "shuyang-gov-2025.md",
)
FILES = [p for p in corpus_files("*") if p.name in MINE]


def gold_for(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json").read_text("utf-8"))
    return data


def same(want: object, have: object) -> bool:
    if want is None or have is None:
        return want is None and have is None
    return Decimal(str(want)) == Decimal(str(have))


def misses(gold: dict[str, Any], got: dict[str, Any]) -> list[str]:
    out = [f"{k}: {gold[k]!r} != {got.get(k)!r}" for k in ("year", "format") if gold.get(k) != got.get(k)]
    for key, want in gold["table1"].items():
        if key not in got["table1"] or not same(want, got["table1"][key]):
            out.append(f"table1 {key}: {want!r} != {got['table1'].get(key, 'absent')!r}")
    for row, cells in gold["table2"].items():
        mine = got["table2"].get(row) or [None] * 7
        pairs = enumerate(zip(cells, mine, strict=True))
        out += [f"table2 {row}[{i}]: {w!r} != {h!r}" for i, (w, h) in pairs if not same(w, h)]
    mine3 = got["table3"] or [None] * 15
    pairs3 = enumerate(zip(gold["table3"], mine3, strict=True))
    out += [f"table3[{i}]: {w!r} != {h!r}" for i, (w, h) in pairs3 if not same(w, h)]
    return out


_CACHE: dict[str, Report] = {}


def parsed(name: str) -> Report:
    if not (CORPUS / name).exists():
        pytest.skip(f"{name} is not in the corpus")
    if name not in _CACHE:
        _CACHE[name] = parse_file(CORPUS / name)
    return _CACHE[name]


def codes(report: Report) -> list[str]:
    return [f.code for f in report.findings]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_cell_matches_the_gold(path: Path) -> None:
    got = json.loads(json.dumps(to_dict(parsed(path.name)), default=str).replace('"\\u0000dec:', '"'))
    assert misses(gold_for(path), got) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_six_parts_at_most_and_in_order(path: Path) -> None:
    numbers = [p.number for p in parsed(path.name).parts]
    assert numbers == sorted(set(numbers)) and len(numbers) >= 4


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_value_cell_says_where_it_was_read(path: Path) -> None:
    report = parsed(path.name)
    cells = [c for row in report.table2.values() for c in row] + list(report.table3 or [])
    for cell in cells:
        assert cell.provenance is not None and cell.provenance.line is not None


def test_shapotou_blank_stray_value_and_unit() -> None:
    report = parsed("shapotou-yjj-2020.txt")
    assert report.table1["行政事业性收费/本年增/减"].is_blank  # blank, never 0
    assert report.table1["行政许可/本年增/减"].value == 109
    assert report.table1["其他对外管理服务事项/本年增/减"].value == -4
    assert {"PARSE-T1-EXTRA-VALUE", "PARSE-T1-UNIT-MISSING"} <= set(codes(report))
    assert report.table3 is not None and all(c.is_blank for c in report.table3[:5])
    assert [p.number for p in report.parts] == [1, 2, 3, 4, 5]
    assert "PARSE-PART-MISSING" in codes(report)


def test_shapotou_row_split_over_a_page_break() -> None:
    # 「6. 属于四类过程」 + 「性信息」: the values land on （三）6 and 7 keeps its 6s
    report = parsed("shapotou-yjj-2020.txt")
    assert [c.value for c in report.table2["refused_7"]] == [0, 0, 0, 0, 0, 6, 6]


def test_shanting_rows_without_labels_are_placed_by_position_with_warnings() -> None:
    report = parsed("shanting-yjj-2021.txt")
    missing = [f for f in report.findings if f.code == "PARSE-T2-LABEL-MISSING"]
    assert [f.cells for f in missing] == [("table2.refused_4",), ("table2.refused_6",), ("table2.refused_8",)]
    assert all(f.severity == "warning" for f in missing)
    assert report.table2["refused_4"][0].provenance.label_status == "positional"  # type: ignore[union-attr]
    assert report.table1["行政处罚/本年处理决定数量"].value == 78


def test_shanting_part_six_nested_headings_and_preamble() -> None:
    report = parsed("shanting-yjj-2021.txt")
    assert [p.number for p in report.parts] == [1, 2, 3, 4, 5, 6]
    assert "二、答复过程" in report.parts[-1].text
    assert "〔2019〕60号" in str(report.meta.get("preamble"))
    assert "[bookmark" not in report.parts[0].text


def test_zhanhe_missing_table1_row_is_blank_with_a_finding() -> None:
    report = parsed("zhanhe-yjj-2022.txt")
    assert report.table1["行政事业性收费/本年收费金额（单位：万元）"].is_blank
    assert "PARSE-T1-ROW-MISSING" in codes(report)
    fuzzy = [f for f in report.findings if f.code == "PARSE-LABEL-FUZZY"]
    assert any("2.其他法律法规禁止公开" in f.message for f in fuzzy)
    part2 = next(p for p in report.parts if p.number == 2)
    assert part2.heading == "二、主动公开政府信息情况"
    assert report.parts[-1].text == "无"


def test_shanghai_old_row_label_kept_and_stray_value_reported() -> None:
    report = parsed("shanghai-kewei-2024.md")
    assert report.table1["规范性文件/现行有效件数"].value == 55
    assert "行政规范性文件/现行有效件数" not in report.table1
    assert {"PARSE-T1-OTHER-FORMAT-LABEL", "PARSE-T2-STRAY-VALUE", "PARSE-PART-NUMBER"} <= set(codes(report))
    assert report.table2["carry_forward"][6].is_blank


def test_shuyang_bogus_header_row_is_ignored() -> None:
    report = parsed("shuyang-gov-2025.md")
    assert [c.value for c in report.table2["other_2"]] == [7, 0, 0, 0, 0, 0, 7]
    assert report.table1["行政事业性收费/本年收费金额（单位：万元）"].value == Decimal("4068.208")


@pytest.mark.parametrize("name", ["huaian-gov-2024.layout.txt", "huaian-gov-2024.raw.txt"])
def test_huaian_page_numbers_inside_the_table_are_not_values(name: str) -> None:
    report = parsed(name)
    assert [c.value for c in report.table2["unable_2"]] == [11, 0, 0, 0, 0, 0, 11]
    assert report.table3 is not None and report.table3[4].value == 351
    assert not [f for f in report.findings if f.code.startswith("PARSE-T3")]


def test_cells_of_a_row_the_source_lacks_say_so() -> None:
    cell = parsed("zhanhe-yjj-2022.txt").table1["行政事业性收费/本年收费金额（单位：万元）"]
    assert cell.provenance is not None and cell.provenance.label_status == "missing"
