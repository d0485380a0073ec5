"""Title, year, agency, format and part detection, on small texts and on every text file of the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import corpus_files
from xxgk.parse import segment
from xxgk.parse.rows import TypedRow, type_document
from xxgk.parse.text import read_text_file, text_to_document


def typed(text: str) -> list[TypedRow]:
    return type_document(text_to_document(text)).rows


def test_title_split_over_two_lines() -> None:
    rows = typed("淮安市人民政府\n2024 年政府信息公开工作年度报告\n\n本报告……")
    title = segment.find_title(rows)
    assert title is not None
    assert segment.find_year(title, rows) == 2024
    assert segment.find_agency(title) == "淮安市人民政府"


def test_title_wrapped_before_its_last_word() -> None:
    # Our own PDF of huaian-gov-2024 breaks the long title as 「…工作年度」 / 「报告」.
    rows = typed("淮安市人民政府2024 年政府信息公开工作年度\n报告\n\n一、总体情况\n……")
    title = segment.find_title(rows)
    assert segment.find_agency(title) == "淮安市人民政府"
    assert segment.find_year(title, rows) == 2024


def test_year_from_the_statistics_period_when_the_title_has_none() -> None:
    rows = typed("某局政府信息公开工作年度报告\n本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。")
    assert segment.find_year(segment.find_title(rows), rows) == 2023


@pytest.mark.parametrize(
    ("agency", "kind"),
    [
        ("淮安市人民政府", "人民政府"),
        ("某某镇人民政府", "乡镇街道"),
        ("某某街道办事处", "乡镇街道"),
        ("湛河区应急管理局", "部门"),
    ],
)
def test_agency_type_guess(agency: str, kind: str) -> None:
    assert segment.guess_agency_type(agency) == kind


def test_format_from_labels_beats_the_year() -> None:
    rows = typed("信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量")
    guess = segment.detect_format(rows, 2022)
    assert guess.code == "2019" and guess.from_labels


def test_format_falls_back_to_the_year() -> None:
    guess = segment.detect_format(typed("没有表格的报告"), 2020)
    assert guess.code == "2019" and not guess.from_labels


NESTED = """XX局2022年政府信息公开工作年度报告
一、总体情况
一、加强组织领导
二、严格执行制度
五、收到和处理政府信息公开申请情况
六、政府信息公开申请行政复议、提起行政诉讼情况
二、主动公开政府信息情况
第二十条第（一）项
规章\t0\t0\t0
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0
四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0
四、政府信息公开行政复议、行政诉讼情况
行政复议
五、存在的主要问题及改进情况
六、其他需要报告的事项
二、答复过程
"""


def test_nested_headings_do_not_start_parts() -> None:
    rows = typed(NESTED)
    spans = segment.find_parts(rows, segment.find_anchors(rows))
    assert [s.number for s in spans] == [1, 2, 3, 4, 5, 6]
    assert [rows[s.position].first.line for s in spans] == [2, 7, 10, 14, 16, 17]  # type: ignore[union-attr]


def test_scrambled_numbers_are_recognised_by_their_text() -> None:
    rows = typed("一、总体情况\n一、主动公开政府信息情况\n第二十条第（一）项\n规章 0 0 0\n")
    spans = segment.find_parts(rows, segment.find_anchors(rows))
    assert [(s.number, s.printed) for s in spans] == [(1, 1), (2, 1)]


TEXT_FILES = [p for p in corpus_files("*.txt") + corpus_files("*.md") if p.name != "README.md"]


@pytest.mark.corpus
@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_year_format_and_agency_on_the_corpus(path: Path) -> None:
    gold = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json").read_text(encoding="utf-8"))
    rows = type_document(read_text_file(path)).rows
    title = segment.find_title(rows)
    year = segment.find_year(title, rows)
    assert year == gold["year"]
    assert segment.detect_format(rows, year).code == gold["format"]
    agency = segment.find_agency(title)
    assert agency
    # the gold spells the agency in full where the title abbreviates it (市科委) or OCR misread it (沐阳)
    assert agency[:2] == gold["agency"][:2] or agency[-2:] in gold["agency"]


def test_paragraphs_run_together_are_cut_at_part_headings() -> None:
    text = (
        "某区2021年度政府信息公开工作年度报告 本报告包括总体情况、主动公开政府信息情况等六个部分。"
        "一、总体情况2021年，我区坚持……" + "公开" * 80 + "二、主动公开政府信息情况第二十条第（一）项信息内容"
        "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为……）一、本年新收政府信息公开申请数量640020470"
        "四、政府信息公开行政复议、行政诉讼情况行政复议五、存在的主要问题及改进情况无。六、其他需要报告的事项 无"
    )
    rows = segment.split_long_rows(typed(text))
    spans = segment.find_parts(rows, segment.find_anchors(rows))
    assert [s.number for s in spans] == [1, 2, 3, 4, 5, 6]
    assert next(s.heading for s in spans) == "一、总体情况"
    # the table-2 row label 「一、本年新收…」 is not a part heading
    assert sum(1 for r in rows if r.text.startswith("一、")) == 1


ALL_FILES = [
    p for p in corpus_files("*") if p.suffix in (".txt", ".md", ".html", ".pdf", ".docx") and p.name != "README.md"
]


@pytest.mark.corpus
@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_year_format_and_parts_through_every_front_end(path: Path) -> None:
    from xxgk.parse import parse_file

    gold = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json").read_text(encoding="utf-8"))
    report = parse_file(path, rules=False)
    assert report.year == gold["year"]
    assert report.format == gold["format"]
    if gold["agency"]:
        assert report.agency and (report.agency[:2] == gold["agency"][:2] or report.agency[-2:] in gold["agency"])
    numbers = [p.number for p in report.parts]
    assert numbers == sorted(set(numbers)) and len(numbers) >= 4


def test_year_in_chinese_numerals() -> None:
    rows = typed("某某县统计局二〇二三年政府信息公开工作年度报告\n一、总体情况")
    title = segment.find_title(rows)
    assert segment.find_year(title, rows) == 2023
    assert segment.find_agency(title) == "某某县统计局"
