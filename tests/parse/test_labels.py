"""Label matching restricted to the labels expected at a position (spec §H.2)."""

from __future__ import annotations

from xxgk.model import labels as L
from xxgk.parse.labels import is_typo, match_label
from xxgk.parse.normalise import label_key

T2 = [(key, label) for key, (label, _) in L.T2_ROW_LABELS.items()]
ALIASES = {label_key(k): v for k, v in L.T2_ROW_ALIASES.items()}


def test_exact_after_normalisation() -> None:
    found = match_label("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)", T2)
    assert found is not None and found.key == "partial" and found.status == "exact"


def test_alias_table_is_a_reported_variant() -> None:
    found = match_label("2.其他法律法规禁止公开", T2, ALIASES)
    assert found is not None and found.key == "refused_2" and found.status == "alias" and is_typo(found)


def test_fuzzy_typo_is_matched_and_reported() -> None:
    found = match_label("4.保护第三方合法权利", T2)
    assert found is not None and found.key == "refused_4" and found.status == "fuzzy" and is_typo(found)


def test_item_numbers_must_agree_for_a_fuzzy_match() -> None:
    assert match_label("2.属于国家秘密", [("refused_1", L.T2_ROW_LABELS["refused_1"][0])]) is None


def test_label_printed_without_its_item_number() -> None:
    found = match_label("予以公开", T2)
    assert found is not None and found.key == "granted" and found.status == "alias" and not is_typo(found)


def test_short_bare_labels_never_match() -> None:
    # 「其他」 is a column header, not 「3.其他」
    assert match_label("其他", T2) is None


def test_merged_group_label_swallowed_into_the_row_label() -> None:
    found = match_label("法提供 2.没有现成信息需要另行制作", T2)
    assert found is not None and found.key == "unable_2" and not is_typo(found)


def test_matching_is_restricted_to_the_candidates_given() -> None:
    window = [(k, L.T2_ROW_LABELS[k][0]) for k in ("unable_1", "unable_2")]
    assert match_label("1.属于国家秘密", window) is None


def test_short_table1_labels_need_an_exact_match() -> None:
    rows = [(r, r) for r in (L.T1_ROW_NORMATIVE_2019, L.T1_ROW_NORMATIVE_2021, L.T1_ROW_RULES)]
    found = match_label("规范性文件", rows, min_ratio=90)
    assert found is not None and found.key == L.T1_ROW_NORMATIVE_2019
    assert match_label("规则", rows) is None
