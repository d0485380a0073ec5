"""`xxgk check`: the findings table, JSON output, exit statuses and one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import corpus_files
from xxgk.cli import main
from xxgk.model import dumps, empty_report

GOLD = corpus_files("*.gold.json")


def _write(tmp_path: Path, name: str, data: object) -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _good(year: int = 2022) -> dict:
    """A §J report whose tables add up: every cell 0."""
    report = empty_report(year)
    data = json.loads(dumps(report))
    data["table1"] = {k: 0 for k in data["table1"]}
    data["table2"] = {k: [0] * 7 for k in data["table2"]}
    data["table3"] = [0] * 15
    data["parts"] = []
    del data["provenance"]
    return data


def test_clean_report_exits_0_with_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "r.json", _good())
    assert main(["check", path]) == 0
    out = capsys.readouterr().out
    assert "STRUCT-01" in out and "提示" in out
    assert out.strip().splitlines()[-1].endswith("共 1 项发现，错误 0 项，警告 0 项，提示 1 项；无错误。")


def test_error_finding_exits_1_and_table_names_cells(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _good(2020)
    data["table2"]["refused_7"] = [0, 0, 0, 0, 0, 6, 6]
    path = _write(tmp_path, "r.json", data)
    assert main(["check", path]) == 1
    out = capsys.readouterr().out
    for header in ("代码", "级别", "位置", "说明"):
        assert header in out
    assert "T2-03" in out and "T2-05" in out and "错误" in out
    assert "错误 4 项" in out


def test_json_output_is_a_list_of_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _good(2020)
    data["table2"]["refused_7"] = [0, 0, 0, 0, 0, 6, 6]
    path = _write(tmp_path, "r.json", data)
    assert main(["check", path, "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    t2_03 = [f for f in findings if f["code"] == "T2-03"]
    assert {f["cells"][0] for f in t2_03} == {"table2.total.other_org", "table2.total.total"}
    assert t2_03[0]["severity"] == "error" and t2_03[0]["message"].startswith("「（七）总计」行")
    assert all({"code", "severity", "message", "where"} <= set(f) for f in findings)


def test_previous_and_children(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    previous = _good(2021)
    previous["table2"]["new"] = [2, 0, 0, 0, 0, 0, 2]
    previous["table2"]["carry_forward"] = [2, 0, 0, 0, 0, 0, 2]
    report = _good(2022)
    child = _good(2022)
    child["table2"]["new"] = [1, 0, 0, 0, 0, 0, 1]
    child["table2"]["carry_forward"] = [1, 0, 0, 0, 0, 0, 1]
    args = [
        "check",
        _write(tmp_path, "r.json", report),
        "--json",
        "--previous",
        _write(tmp_path, "p.json", previous),
        "--child",
        _write(tmp_path, "c1.json", child),
        "--child",
        _write(tmp_path, "c2.json", child),
    ]
    assert main(args) == 0  # both rules only warn
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)]
    assert "T2-06" in codes and "T2-11" in codes


def test_parser_findings_in_the_file_are_kept_and_old_rule_findings_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _good()
    data["findings"] = [
        {"code": "PARSE-LABEL", "severity": "warning", "message": "行标签模糊匹配", "where": "第 3 页"},
        {"code": "T2-01", "severity": "error", "message": "旧的校验结果", "where": ""},
    ]
    assert main(["check", _write(tmp_path, "r.json", data), "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in findings] == ["PARSE-LABEL", "STRUCT-01"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "$：不是有效的 JSON"),
        ({"year": 2022, "format": "2021", "colour": 1}, "$.colour：未知字段"),
        ({"year": 2022, "table2": {"new": [-1, 0, 0, 0, 0, 0, -1]}}, "$.table2.new[0]：不能为负数"),
        ({"year": 2022, "table3": ["三"] + [0] * 14}, None),  # text is kept as an unresolved cell, not bad input
        ({"year": 2022, "table2": {"new": [True, 0, 0, 0, 0, 0, 0]}}, "$.table2.new[0]：应为数字"),
        ({"year": "二〇二二"}, "$.year：年度应为整数"),
        ({"year": 2018}, "$.year：年度 2018 早于 2019 年"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: object, expected: str | None
) -> None:
    path = _write(tmp_path, "bad.json", content)
    status = main(["check", path])
    err = capsys.readouterr().err
    if expected is None:
        assert status in (0, 1) and err == ""
        return
    assert status == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"xxgk：错误：{path}：") and expected in lines[0]


def test_missing_file_and_bad_previous(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope.json")]) == 2
    assert "文件不存在" in capsys.readouterr().err
    good = _write(tmp_path, "r.json", _good())
    bad = _write(tmp_path, "p.json", {"year": 2021, "table1": {"规章/本年制发件数": "x", "空/空": 1}})
    assert main(["check", good, "--previous", bad]) == 2
    assert 'p.json：$.table1["空/空"]：未知的表一单元格' in capsys.readouterr().err


@pytest.mark.corpus
def test_shapotou_defects_through_the_installed_command(corpus_dir: Path) -> None:
    gold = corpus_dir / "shapotou-yjj-2020.gold.json"
    run = subprocess.run(
        [sys.executable, "-m", "xxgk.cli", "check", str(gold)],
        capture_output=True,
        text=True,
        env={"COLUMNS": "160", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert run.returncode == 1, run.stderr
    out = run.stdout
    for code in ("T1-01", "T2-03", "T2-05", "T3-02"):
        assert code in out
    assert "「（七）总计」行「其他」列为 0，但各办理结果之和为 6" in out
    assert "中卫市沙坡头区应急管理局，2020 年度，2019 年格式" in out


@pytest.mark.corpus
@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_every_gold_file_checks(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", str(path), "--json"])
    findings = json.loads(capsys.readouterr().out)
    assert status == (1 if any(f["severity"] == "error" for f in findings) else 0)
    # Tables-only files: the body text was not provided (one info finding, listed after errors and warnings).
    assert [f["code"] for f in findings if f["code"].startswith("STRUCT")] == ["STRUCT-01"]
    order = {"error": 0, "warning": 1, "info": 2}
    assert [order[f["severity"]] for f in findings] == sorted(order[f["severity"]] for f in findings)
