"""Narrative rules T1-05, T2-09, T2-10, T3-04: hand-made mismatches, and no false alarm on real reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.helpers import applications, only, set_t2, set_t3, zero_report
from xxgk.model import Cell, Part, loads, table1_key
from xxgk.model import labels as L
from xxgk.rules import RULES, check
from xxgk.rules.narrative import clean, to_int

NARRATIVE = ("T1-05", "T2-09", "T2-10", "T3-04")


def test_numbers_in_text() -> None:
    assert to_int("一百零九") == 109
    assert to_int("3119") == 3119
    assert to_int("两") == 2
    assert to_int("一点五") is None
    assert clean("共受理申请 3,119\n件") == "共受理申请3119件"


def test_t2_10_received_and_concluded_counts() -> None:
    report = zero_report(2024)
    applications(report, 0, "granted", 6)
    report.parts[0].text = "2024年，共受理政府信息公开申请6件，办结6件。"
    assert only(check(report), "T2-10") == []
    report.parts[0].text = "2024年，我局共受理政府信息公开申请七件，答复5件。"
    found = only(check(report), "T2-10")
    assert [f.severity for f in found] == ["warning", "warning"]
    assert "称收到申请 7 件，表二「一、本年新收」为 6，加「二、上年结转」为 6" in found[0].message
    assert "称办结 5 件，表二「（七）总计」为 6" in found[1].message


def test_t2_10_accepts_a_count_that_includes_last_years_applications() -> None:
    report = zero_report(2025)
    set_t2(report, "new", [713, 0, 0, 0, 0, 0, 713])
    set_t2(report, "carried_over", [36, 0, 0, 0, 0, 0, 36])
    set_t2(report, "granted", [718, 0, 0, 0, 0, 0, 718])
    set_t2(report, "total", [718, 0, 0, 0, 0, 0, 718])
    set_t2(report, "carry_forward", [31, 0, 0, 0, 0, 0, 31])
    report.parts[
        0
    ].text = "全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件；共办理 718 件，结转下一年 31 件。"
    assert only(check(report), "T2-10") == []


def test_t3_04_review_and_litigation_counts() -> None:
    report = zero_report(2023)
    set_t3(report, [1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2])
    report.parts[0].text = "因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。"
    assert only(check(report), "T3-04") == []
    report.parts[3].text = "本单位因政府信息公开被申请行政复议3件，其中纠正1件；提起行政诉讼8件。"
    found = only(check(report), "T3-04")
    assert len(found) == 2
    assert "称行政复议 3 件，表三「行政复议·总计」为 2" in found[0].message
    assert "称行政诉讼 8 件，表三行政诉讼总计为 7（未经复议直接起诉 5，复议后起诉 2）" in found[1].message


def test_t1_05_decisions_in_text() -> None:
    report = zero_report(2022)
    key = table1_key(L.T1_ROW_LICENSING, L.T1_COL_DECISIONS_2021)
    report.table1[key] = Cell.of(3)
    report.parts[1].text = "职权范围内行政许可3项，本年度完成行政许可3件。"
    assert only(check(report), "T1-05") == []
    report.parts[1].text = "职权范围内行政许可5项，本年度完成行政许可4件。"
    found = only(check(report), "T1-05")
    assert len(found) == 1 and found[0].cells == (f"table1.{key}",)
    assert "称行政许可 4 件，表一「行政许可」行「本年处理决定数量」为 3" in found[0].message


def test_t2_09_fee_abandonments_need_fee_notices_in_part_six() -> None:
    report = zero_report(2024)
    applications(report, 0, "other_2", 2)
    found = only(check(report), "T2-09")  # part 6 says 「本年度未收取信息处理费。」 but names no notices issued
    assert found == []
    report.parts[5].text = "本年度发出收费通知0份。"
    assert "称发出收费通知 0 份" in only(check(report), "T2-09")[0].message
    report.parts[5].text = "无。"
    assert "未报告发出的信息处理费收费通知" in only(check(report), "T2-09")[0].message
    report.parts[5].text = "本年度发出信息处理费收费通知2份，收取信息处理费200元。"
    assert only(check(report), "T2-09") == []


def test_narrative_rules_are_skipped_without_text() -> None:
    report = zero_report(2024)
    report.parts = []
    applications(report, 0, "other_2", 2)
    assert {f.code for f in check(report)} == {"STRUCT-01"}
    assert all(RULES[code].needs_text for code in NARRATIVE)


# Real published reports whose narrative agrees with their tables (corpus README notes): with the whole
# published text as the body, the narrative rules must stay silent.
AGREEING = {
    "huaian-gov-2024.raw.txt": "huaian-gov-2024.gold.json",
    "huaian-gov-2024.layout.txt": "huaian-gov-2024.gold.json",
    "pingtan-2021.txt": "pingtan-2021.gold.json",
    "pingtan-2023.txt": "pingtan-2023.gold.json",
    "pingtan-2025.txt": "pingtan-2025.gold.json",
    "shanghai-kewei-2024.md": "shanghai-kewei-2024.gold.json",
    "shanting-yjj-2021.txt": "shanting-yjj-2021.gold.json",
    "shuyang-gov-2025.md": "shuyang-gov-2025.gold.json",
    "zhanhe-yjj-2022.txt": "zhanhe-yjj-2022.gold.json",
}


def _with_text(corpus: Path, text_name: str, gold_name: str):
    report = loads((corpus / gold_name).read_bytes())
    text = (corpus / text_name).read_text(encoding="utf-8", errors="replace")
    report.parts = [Part(i + 1, h, text) for i, h in enumerate(L.PART_HEADINGS)]
    return report


@pytest.mark.corpus
@pytest.mark.parametrize("text_name", sorted(AGREEING))
def test_no_false_alarm_on_agreeing_corpus_narratives(corpus_dir: Path, text_name: str) -> None:
    report = _with_text(corpus_dir, text_name, AGREEING[text_name])
    assert [f.message for f in check(report) if f.code in ("T1-05", "T2-10", "T3-04")] == []


@pytest.mark.corpus
def test_narrative_mismatch_found_in_a_real_report(corpus_dir: Path) -> None:
    # The published text says 受理3119件 and 行政复议351件; change the tables and the rules must notice.
    report = _with_text(corpus_dir, "huaian-gov-2024.raw.txt", "huaian-gov-2024.gold.json")
    report.table2["new"][6] = Cell.of(3000)
    assert report.table3 is not None
    report.table3[4] = Cell.of(350)
    found = check(report)
    assert any("3119" in f.message for f in only(found, "T2-10"))
    assert any("351" in f.message for f in only(found, "T3-04"))
