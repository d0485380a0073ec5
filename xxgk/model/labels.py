"""Every statutory label of the annual report, as exact Chinese literals, in one place.

Sources: 国办公开办函〔2019〕60号 (the 2019 format) and 国办公开办函〔2021〕30号 (the 2021 format), as laid
out in the domain specification §A–§D and the official 2021 template. Nothing else in the code base spells
these strings; import them from here.
"""

from __future__ import annotations

from typing import Final

REPORT_TITLE_SUFFIX: Final = "政府信息公开工作年度报告"

# --- The six parts (§A.3) -------------------------------------------------------------------------

PART_HEADINGS: Final[tuple[str, ...]] = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

# Accepted variants of a part heading, by part number (1-based). Observed in published reports.
PART_HEADING_VARIANTS: Final[dict[int, tuple[str, ...]]] = {
    4: (
        "四、因政府信息公开工作被申请复议、提起行政诉讼情况",
        "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ),
    5: ("五、政府信息公开工作存在的主要问题及改进情况",),
}

# What each part of the official template asks for (used as placeholder text in blank reports).
PART_PLACEHOLDERS: Final[dict[int, str]] = {
    1: "（文字描述）",
    5: "（文字描述）",
    6: "（文字描述，收取信息处理费情况在此处报告。）",
}

# --- Table 1: 主动公开政府信息情况 (§B) -------------------------------------------------------------

T1_CONTENT_HEADER: Final = "信息内容"

T1_BLOCK_1: Final = "第二十条第（一）项"
T1_BLOCK_5: Final = "第二十条第（五）项"
T1_BLOCK_6: Final = "第二十条第（六）项"
T1_BLOCK_8: Final = "第二十条第（八）项"
T1_BLOCK_9: Final = "第二十条第（九）项"

# Row labels
T1_ROW_RULES: Final = "规章"
T1_ROW_NORMATIVE_2021: Final = "行政规范性文件"
T1_ROW_NORMATIVE_2019: Final = "规范性文件"
T1_ROW_LICENSING: Final = "行政许可"
T1_ROW_OTHER_SERVICES: Final = "其他对外管理服务事项"
T1_ROW_PENALTY: Final = "行政处罚"
T1_ROW_COERCION: Final = "行政强制"
T1_ROW_FEES: Final = "行政事业性收费"
T1_ROW_PROCUREMENT: Final = "政府集中采购"

# Column labels, 2021 format
T1_COL_ISSUED: Final = "本年制发件数"
T1_COL_REPEALED: Final = "本年废止件数"
T1_COL_IN_FORCE: Final = "现行有效件数"
T1_COL_DECISIONS_2021: Final = "本年处理决定数量"
T1_COL_FEE_AMOUNT: Final = "本年收费金额（单位：万元）"

# Column labels, 2019 format
T1_COL_NEW_MADE: Final = "本年新制作数量"
T1_COL_NEW_PUBLISHED: Final = "本年新公开数量"
T1_COL_TOTAL_PUBLISHED: Final = "对外公开总数量"
T1_COL_PREVIOUS_ITEMS: Final = "上一年项目数量"
T1_COL_CHANGE: Final = "本年增/减"
T1_COL_DECISIONS_2019: Final = "处理决定数量"
T1_COL_PROCUREMENT_ITEMS: Final = "采购项目数量"
T1_COL_PROCUREMENT_AMOUNT: Final = "采购总金额"

# Observed header variants that mean the same column.
T1_COLUMN_VARIANTS: Final[dict[str, tuple[str, ...]]] = {
    T1_COL_FEE_AMOUNT: ("本年收费金额（单位：万元，保留4位小数）", "本年收费金额(单位:万元)", "本年收费金额"),
}

T1_KEY_SEPARATOR: Final = "/"

# --- Table 2: 收到和处理政府信息公开申请情况 (§C) ------------------------------------------------------

T2_HEADER_NOTE: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T2_APPLICANT_GROUP: Final = "申请人情况"
T2_ORG_GROUP: Final = "法人或其他组织"

# (key, label) of the seven value columns, in printed order.
T2_COLUMNS: Final[tuple[tuple[str, str], ...]] = (
    ("natural_person", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("public_welfare", "社会公益组织"),
    ("legal_service", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
)

T2_GROUP_RESULTS: Final = "三、本年度办理结果"
T2_GROUP_REFUSED: Final = "（三）不予公开"
T2_GROUP_UNABLE: Final = "（四）无法提供"
T2_GROUP_NOT_PROCESSED: Final = "（五）不予处理"
T2_GROUP_OTHER: Final = "（六）其他处理"

# (key, label, group label or "") of every data row; the 2019 and 2021 layouts pick from these.
T2_ROW_LABELS: Final[dict[str, tuple[str, str]]] = {
    "new": ("一、本年新收政府信息公开申请数量", ""),
    "carried_over": ("二、上年结转政府信息公开申请数量", ""),
    "granted": ("（一）予以公开", T2_GROUP_RESULTS),
    "partial": ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", T2_GROUP_RESULTS),
    "refused_1": ("1.属于国家秘密", T2_GROUP_REFUSED),
    "refused_2": ("2.其他法律行政法规禁止公开", T2_GROUP_REFUSED),
    "refused_3": ("3.危及“三安全一稳定”", T2_GROUP_REFUSED),
    "refused_4": ("4.保护第三方合法权益", T2_GROUP_REFUSED),
    "refused_5": ("5.属于三类内部事务信息", T2_GROUP_REFUSED),
    "refused_6": ("6.属于四类过程性信息", T2_GROUP_REFUSED),
    "refused_7": ("7.属于行政执法案卷", T2_GROUP_REFUSED),
    "refused_8": ("8.属于行政查询事项", T2_GROUP_REFUSED),
    "unable_1": ("1.本机关不掌握相关政府信息", T2_GROUP_UNABLE),
    "unable_2": ("2.没有现成信息需要另行制作", T2_GROUP_UNABLE),
    "unable_3": ("3.补正后申请内容仍不明确", T2_GROUP_UNABLE),
    "not_processed_1": ("1.信访举报投诉类申请", T2_GROUP_NOT_PROCESSED),
    "not_processed_2": ("2.重复申请", T2_GROUP_NOT_PROCESSED),
    "not_processed_3": ("3.要求提供公开出版物", T2_GROUP_NOT_PROCESSED),
    "not_processed_4": ("4.无正当理由大量反复申请", T2_GROUP_NOT_PROCESSED),
    "not_processed_5": ("5.要求行政机关确认或重新出具已获取信息", T2_GROUP_NOT_PROCESSED),
    "other": ("（六）其他处理", T2_GROUP_RESULTS),
    "other_1": ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", T2_GROUP_OTHER),
    "other_2": ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", T2_GROUP_OTHER),
    "other_3": ("3.其他", T2_GROUP_OTHER),
    "total": ("（七）总计", T2_GROUP_RESULTS),
    "carry_forward": ("四、结转下年度继续办理", ""),
}

# Short Chinese names of table-2 rows for messages (「（三）7」 is how clerks cite a row).
T2_ROW_SHORT: Final[dict[str, str]] = {
    "new": "一、本年新收",
    "carried_over": "二、上年结转",
    "granted": "（一）予以公开",
    "partial": "（二）部分公开",
    **{f"refused_{i}": f"（三）{i}" for i in range(1, 9)},
    **{f"unable_{i}": f"（四）{i}" for i in range(1, 4)},
    **{f"not_processed_{i}": f"（五）{i}" for i in range(1, 6)},
    "other": "（六）其他处理",
    **{f"other_{i}": f"（六）{i}" for i in range(1, 4)},
    "total": "（七）总计",
    "carry_forward": "四、结转下年度",
}

# Observed variants of table-2 row labels (normalised form → key).
T2_ROW_ALIASES: Final[dict[str, str]] = {
    "2.其他法律法规禁止公开": "refused_2",
    "3.危及三安全一稳定": "refused_3",
    "（二）部分公开": "partial",
    "（六）其他": "other",
}

# --- Table 3: 政府信息公开行政复议、行政诉讼情况 (§D) -------------------------------------------------

T3_REVIEW: Final = "行政复议"
T3_LITIGATION: Final = "行政诉讼"
T3_DIRECT: Final = "未经复议直接起诉"
T3_AFTER_REVIEW: Final = "复议后起诉"
T3_LEAVES: Final[tuple[str, ...]] = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
T3_GROUPS: Final[tuple[tuple[str, str], ...]] = (
    ("rev", T3_REVIEW),
    ("lit_direct", T3_DIRECT),
    ("lit_after", T3_AFTER_REVIEW),
)
T3_LEAF_KEYS: Final[tuple[str, ...]] = ("upheld", "corrected", "other", "pending", "total")
# The 15 canonical keys of table 3, in printed order.
T3_KEYS: Final[tuple[str, ...]] = tuple(f"{g}_{leaf}" for g, _ in T3_GROUPS for leaf in T3_LEAF_KEYS)


def t3_label(index: int) -> str:
    """Chinese name of the table-3 cell at `index` (0–14), e.g. 「复议后起诉·总计」."""
    group = T3_GROUPS[index // 5][1]
    return f"{group}·{T3_LEAVES[index % 5]}"


# --- Agency types (§A.2) ---------------------------------------------------------------------------

AGENCY_TYPES: Final[tuple[str, ...]] = ("人民政府", "部门", "乡镇街道", "其他")

# --- Citations ------------------------------------------------------------------------------------

NOTICE_2019: Final = "国办公开办函〔2019〕60号"
NOTICE_2021: Final = "国办公开办函〔2021〕30号"
REGULATION: Final = "《中华人民共和国政府信息公开条例》"
