"""Normalisation of labels and printed values (spec §H.1, §H.5, §H.6)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xxgk.model import labels as L
from xxgk.parse.normalise import clean_text, is_page_number, label_key, parse_value, to_unit


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("结 果 维 持", "结果维持"),
        ("三、 本年 度办 理结 果", L.T2_GROUP_RESULTS),
        ("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)", L.T2_ROW_LABELS["partial"][0]),
        ('3. 危及"三安全一稳定"', L.T2_ROW_LABELS["refused_3"][0]),
        ("3、危及「三安全一稳定」", L.T2_ROW_LABELS["refused_3"][0]),
        ("1．属于国家秘密", L.T2_ROW_LABELS["refused_1"][0]),
        ("[bookmark: _Hlk66973412]一、本年新收政府信息公开申请数量", L.T2_ROW_LABELS["new"][0]),
        ("本年收费金额(单位:万元)", L.T1_COL_FEE_AMOUNT),
        ("5.要求行政机关确认或重新\n出具已获取信息", L.T2_ROW_LABELS["not_processed_5"][0]),
    ],
)
def test_printed_labels_reach_the_matching_form_of_the_canonical_label(printed: str, canonical: str) -> None:
    assert label_key(printed) == label_key(canonical)


def test_dash_reads_as_one_only_in_heading_position() -> None:
    assert label_key("—、总体情况", heading=True) == label_key(L.PART_HEADINGS[0])
    assert label_key("—、总体情况") != label_key(L.PART_HEADINGS[0])


def test_kangxi_radicals_and_compatibility_ideographs_become_unified_ideographs() -> None:
    # U+2F45 KANGXI RADICAL SQUARE (方), U+F9F4 CJK COMPATIBILITY IDEOGRAPH (林)
    assert clean_text("\u2f45\uf9f4") == "方林"


def test_clean_text_keeps_full_width_punctuation() -> None:
    # never NFKC a whole document: （）：， must survive outside labels
    assert clean_text("（一）说明：甲，乙") == "（一）说明：甲，乙"


@pytest.mark.parametrize(
    ("printed", "number"),
    [
        ("0", 0),
        ("　　0", 0),
        ("１２", 12),
        ("4,059,952", 4059952),
        ("增 109", 109),
        ("减 4", -4),
        ("+461", 461),
        ("-3", -3),
        ("96171.6", Decimal("96171.6")),
    ],
)
def test_numbers(printed: str, number: int | Decimal) -> None:
    value = parse_value(printed)
    assert value is not None and value.kind == "number"
    assert value.number == number
    assert type(value.number) is type(number)  # amounts are Decimal, never float


def test_units_are_kept_beside_the_number() -> None:
    value = parse_value("875050元")
    assert value is not None and value.number == 875050 and value.unit == "元"
    value = parse_value("160.5964万元")
    assert value is not None and value.number == Decimal("160.5964") and value.unit == "万元"


@pytest.mark.parametrize("printed", ["/", "／", "—", "-", "无", "不适用"])
def test_not_applicable_marks(printed: str) -> None:
    value = parse_value(printed)
    assert value is not None and value.kind == "not_applicable"


def test_blank_is_neither_zero_nor_not_applicable() -> None:
    value = parse_value("  ")
    assert value is not None and value.kind == "blank" and value.number is None


@pytest.mark.parametrize("text", ["规章", "1.属于国家秘密", "2020年", "第二十条第（一）项"])
def test_labels_are_not_values(text: str) -> None:
    assert parse_value(text) is None


@pytest.mark.parametrize("text", ["-4-", "- 5 -", "—6—", "第 3 页", "第3页 共6页"])
def test_page_numbers(text: str) -> None:
    assert is_page_number(text)


def test_a_negative_number_is_not_a_page_number() -> None:
    assert not is_page_number("-4")


def test_yuan_converted_to_wan_yuan_exactly() -> None:
    assert to_unit(Decimal(3940), "元", "万元") == Decimal("0.394")
    assert to_unit(12, None, "万元") == 12
