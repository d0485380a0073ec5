"""Copied text (内容雷同): the repeated share and the passages, with quotations and prefilled sentences ignored."""

from __future__ import annotations

from web.reports.similarity import copied_text
from xxgk.model import empty_report


def _report(part1: str, part5: str = "") -> object:
    report = empty_report(2025, "某局", "部门")
    report.parts[0].text = part1
    report.parts[4].text = part5
    return report


def test_repeated_sentences_are_counted_with_figures_ignored() -> None:
    last = _report("2024年，我局扎实推进政务公开标准化规范化建设，全年组织培训3次。我局建成政策文件库。")
    now = _report("2025年，我局扎实推进政务公开标准化规范化建设，全年组织培训5次。我局新设了依申请公开窗口，方便群众。")
    result = copied_text(now, [("上年度报告", last)])  # type: ignore[arg-type]
    repeated = [s.text for _, segments in result.parts for s in segments if s.source]
    assert repeated == ["2025年，我局扎实推进政务公开标准化规范化建设，全年组织培训5次。"]
    assert 0.4 < result.share < 0.8
    finding = result.finding()
    assert finding is not None and finding.code == "COPY-01" and "上年度报告" in finding.message


def test_quotations_and_prefilled_sentences_are_not_copying() -> None:
    text = "本年度未发出信息处理费收费通知，未收取信息处理费。上年度报告所列问题：「栏目更新不及时，培训不足。」"
    last = _report("栏目更新不及时，培训不足。本年度未发出信息处理费收费通知，未收取信息处理费。")
    result = copied_text(_report(text), [("上年度报告", last)])  # type: ignore[arg-type]
    assert result.repeated_chars == 0 and result.finding() is None


def test_nothing_to_compare() -> None:
    assert copied_text(_report("独一无二的表述，没有与之相同的句子。"), []).share == 0.0  # type: ignore[arg-type]
