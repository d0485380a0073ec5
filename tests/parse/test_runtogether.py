"""The run-together solver on the crawled pingtan pages and on small made-up tables."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import corpus_files
from xxgk.model import labels as L
from xxgk.model.formats import get_format
from xxgk.model.report import CellState
from xxgk.parse.document import Fragment
from xxgk.parse.runtogether import (
    CODE_AMBIGUOUS,
    CODE_JOINED,
    CODE_SEPARATED,
    looks_run_together,
    solve_run_together,
)


def fragments(text: str) -> list[Fragment]:
    return [Fragment(line, line=i + 1) for i, line in enumerate(text.splitlines())]


def gold_for(path: Path) -> dict:
    return json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json").read_text(encoding="utf-8"))


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_files("pingtan-*.txt"), ids=lambda p: p.name)
def test_pingtan_tables_2_and_3_separated_by_arithmetic(path: Path) -> None:
    lines = fragments(path.read_text(encoding="utf-8"))
    gold = gold_for(path)
    assert looks_run_together(lines)
    solved = solve_run_together(lines, get_format(gold["format"]))
    assert {k: [c.value for c in cells] for k, cells in solved.table2.items()} == gold["table2"]
    assert solved.table3 is not None and [c.value for c in solved.table3] == gold["table3"]
    infos = [f for f in solved.findings if f.code == CODE_SEPARATED]
    assert len(infos) == 2 and all(f.severity == "info" for f in infos)
    assert not [f for f in solved.findings if f.code == CODE_AMBIGUOUS]
    # Provenance keeps the printed digit string of each row.
    assert solved.table2["new"][0].provenance is not None
    assert solved.table2["new"][0].provenance.raw is not None


@pytest.mark.corpus
@pytest.mark.parametrize("year", [2021, 2023, 2025])
def test_pingtan_table1_single_columns_and_joined_cells(corpus_dir: Path, year: int) -> None:
    path = corpus_dir / f"pingtan-{year}.txt"
    gold = gold_for(path)
    solved = solve_run_together(fragments(path.read_text(encoding="utf-8")), get_format("2021"))
    for key in ("行政许可/本年处理决定数量", "行政处罚/本年处理决定数量", "行政强制/本年处理决定数量"):
        assert solved.table1[key].value == gold["table1"][key]
    fee = solved.table1[f"{L.T1_ROW_FEES}/{L.T1_COL_FEE_AMOUNT}"]
    assert fee.value == Decimal(str(gold["table1"][f"{L.T1_ROW_FEES}/{L.T1_COL_FEE_AMOUNT}"]))
    assert isinstance(fee.value, Decimal)
    joined = solved.table1["规章/本年制发件数|本年废止件数|现行有效件数"]
    assert joined.state is CellState.UNRESOLVED and joined.raw == "000"
    normative = solved.table1["行政规范性文件/本年制发件数|本年废止件数|现行有效件数"]
    assert normative.raw is not None and gold["table1"][
        "行政规范性文件/本年制发件数|本年废止件数|现行有效件数"
    ].startswith(normative.raw)
    assert any(f.code == CODE_JOINED and f.severity == "warning" for f in solved.findings)


@pytest.mark.corpus
@pytest.mark.parametrize(
    "name", ["zhanhe-yjj-2022.txt", "shanting-yjj-2021.txt", "huaian-gov-2024.raw.txt", "huaian-gov-2024.layout.txt"]
)
def test_separated_texts_are_not_run_together(corpus_dir: Path, name: str) -> None:
    assert not looks_run_together(fragments((corpus_dir / name).read_text(encoding="utf-8")))


def _table2_text(rows: dict[str, str]) -> str:
    """A 2019-format table 2 printed run together; rows not given print seven zeros."""
    fmt = get_format("2019")
    out = []
    for row in fmt.table2_rows:
        out.append(row.label + rows.get(row.key, "0000000"))
    return "三、收到和处理政府信息公开申请情况" + "".join(out) + "四、政府信息公开行政复议、行政诉讼情况"


def test_row_digits_running_into_the_next_item_number() -> None:
    # 7|0|0|0|0|0|7 followed by 2.没有现成… : the trailing 2 is the next row's number, not a cell.
    text = _table2_text({"new": "7000007", "unable_1": "7000007", "total": "7000007"})
    assert "信息70000002.没有现成" not in text and "信息70000072.没有现成" in text
    solved = solve_run_together(fragments(text), get_format("2019"))
    assert [c.value for c in solved.table2["unable_1"]] == [7, 0, 0, 0, 0, 0, 7]
    assert [c.value for c in solved.table2["unable_2"]] == [0] * 7


def test_column_rules_pick_the_split() -> None:
    # "110000011" is 1|10|0|0|0|0|11 or 11|0|0|0|0|0|11 on its own; the column sums decide.
    rows = {"new": "110000011", "granted": "110000011", "total": "110000011"}
    solved = solve_run_together(fragments(_table2_text(rows)), get_format("2019"))
    # Both splits satisfy every rule when all three rows move together: ambiguous, so left blank.
    assert solved.table2["new"][0].is_blank and solved.table2["new"][6].value == 11
    warning = next(f for f in solved.findings if f.code == CODE_AMBIGUOUS)
    assert warning.severity == "warning" and "table2.new" in warning.cells


def test_unique_solution_through_columns() -> None:
    # new and total read "101000011": 10|1|0|0|0|0|11 or 1|0|10|0|0|0|11 on their own. The result
    # leaves granted 1|1|…|2 and unable_3 9|0|…|9 fix the column sums, so only the first split fits.
    rows = {"new": "101000011", "granted": "1100002", "unable_3": "9000009", "total": "101000011"}
    solved = solve_run_together(fragments(_table2_text(rows)), get_format("2019"))
    assert [c.value for c in solved.table2["granted"]] == [1, 1, 0, 0, 0, 0, 2]
    assert [c.value for c in solved.table2["new"]] == [10, 1, 0, 0, 0, 0, 11]
    assert [c.value for c in solved.table2["total"]] == [10, 1, 0, 0, 0, 0, 11]
    assert any(f.code == CODE_SEPARATED for f in solved.findings)
    assert not any(f.code == CODE_AMBIGUOUS for f in solved.findings)


def test_missing_table_and_garbage_never_raise() -> None:
    solved = solve_run_together(fragments("没有表格的文本\n一、总体情况"), get_format("2021"))
    assert solved.table2 == {} and solved.table3 is None
    assert any(f.severity == "warning" for f in solved.findings)
    solved = solve_run_together(fragments("一、本年新收政府信息公开申请数量9" * 3), get_format("2021"))
    assert all(c.is_blank for cells in solved.table2.values() for c in cells)


def test_absurdly_long_digit_runs_are_left_blank() -> None:
    # Regression: every split of a 49-digit row was once enumerated (minutes); numbers have at most 7 digits.
    rows = {"new": "1" * 49, "granted": "9" * 30}
    solved = solve_run_together(fragments(_table2_text(rows)), get_format("2019"))
    assert all(c.is_blank for c in solved.table2["new"]) and all(c.is_blank for c in solved.table2["granted"])
    assert any(f.code == CODE_AMBIGUOUS and "table2.new" in f.cells for f in solved.findings)
    text = _table2_text({}) + "行政复议行政诉讼复议后起诉" + "1" * 100
    solved = solve_run_together(fragments(text), get_format("2019"))
    assert solved.table3 is not None and all(c.is_blank for c in solved.table3)


@pytest.mark.corpus
def test_pingtan_2019_table1_rows_kept_verbatim(corpus_dir: Path) -> None:
    text = (corpus_dir / "pingtan-2019.txt").read_text(encoding="utf-8")
    solved = solve_run_together(fragments(text), get_format("2019"))
    raw = {key.partition("/")[0]: cell.raw for key, cell in solved.table1.items()}
    assert raw == {
        "规章": "000",
        "规范性文件": "898989",
        "行政许可": "3960181",
        "其他对外管理服务事项": "100153",
        "行政处罚": "26480430",
        "行政强制": "126025",
        "行政事业性收费": "350",
        "政府集中采购": "13575394432.52元",
    }
    assert "行政许可/上一年项目数量|本年增/减|处理决定数量" in solved.table1


def test_signed_2019_changes_stay_in_the_joined_cell() -> None:
    text = "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可1增109106其他对外管理服务事项5减43"
    solved = solve_run_together(fragments(text), get_format("2019"))
    assert solved.table1["行政许可/上一年项目数量|本年增/减|处理决定数量"].raw == "1增109106"
    assert solved.table1["其他对外管理服务事项/上一年项目数量|本年增/减|处理决定数量"].raw == "5减43"
