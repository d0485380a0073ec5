"""Structural rules (spec §A.4): the six parts, the three tables, the format version and required content.

A report given as tables only (no part text at all, such as a gold JSON file) gets one info finding from
STRUCT-01 saying the body text was not provided; the rules that read the text are then skipped by `check`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from xxgk.model import FORMATS, Finding, Report, UnsupportedYear, expected_format, split_table1_key
from xxgk.model import labels as L
from xxgk.rules.registry import FORMAT_NOTICES, RuleInput, register, rule
from xxgk.rules.table1 import agency_kind

BASIS_ART50 = "条例第五十条；" + FORMAT_NOTICES + "年度报告格式"

_NUMERAL = "一二三四五六"
# Numbering in front of a heading: 一、 / （一） / —、 (a dash typed for 一) / 1. — stripped before comparing.
_PREFIX = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十—\-－]+[、.．]|\d+[、.．])")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s。.:：]", "", text)


def _body(heading: str) -> str:
    return _PREFIX.sub("", _norm(heading))


_CANONICAL_BODY = {n + 1: _body(h) for n, h in enumerate(L.PART_HEADINGS)}
_VARIANT_BODIES = {n: {_body(v) for v in variants} for n, variants in L.PART_HEADING_VARIANTS.items()}


def heading_status(number: int, heading: str) -> str:
    """How the printed heading of part `number` compares with the format: 'canonical'; 'variant' (an
    accepted wording, e.g. the notice body's 「五、政府信息公开工作存在的主要问题及改进情况」); 'numbering'
    (the right words under a wrong number such as 「—、总体情况」); or 'other'."""
    norm = _norm(heading)
    canonical = _norm(L.PART_HEADINGS[number - 1])
    if norm == canonical:
        return "canonical"
    variants = {_norm(v) for v in L.PART_HEADING_VARIANTS.get(number, ())}
    if norm in variants:
        return "variant"
    body = _body(heading)
    if body == _CANONICAL_BODY[number] or body in _VARIANT_BODIES.get(number, set()):
        return "numbering"
    return "other"


@register("STRUCT-01", "error", "正文六个部分齐全、顺序正确", BASIS_ART50 + "（六个部分）", "official")
def struct_01(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("STRUCT-01")
    if not report.parts:
        yield me.finding(
            "未提供报告正文（只有表格数据），正文六个部分及依赖正文的规则未核验",
            where="正文",
            severity="info",
            assessable=False,
        )
        return
    numbers = [p.number for p in report.parts]
    for n, heading in enumerate(L.PART_HEADINGS, start=1):
        if n not in numbers:
            yield me.finding(f"缺少第{_NUMERAL[n - 1]}部分「{heading}」", where="正文")
    seen: set[int] = set()
    for index, part in enumerate(report.parts):
        name = f"第{_NUMERAL[part.number - 1]}部分"
        if part.number in seen:
            yield me.finding(
                f"{name}重复出现（「{part.heading}」），多出的一级标题", where=f"正文{name}", severity="warning"
            )
            continue
        seen.add(part.number)
        if index > 0 and part.number < report.parts[index - 1].number:
            yield me.finding(
                f"{name}「{part.heading}」排在第{_NUMERAL[report.parts[index - 1].number - 1]}部分之后",
                where=f"正文{name}",
            )
        status = heading_status(part.number, part.heading)
        if status == "variant" and part.heading.strip():
            yield me.finding(
                f"{name}标题「{part.heading.strip()}」与格式文本「{L.PART_HEADINGS[part.number - 1]}」"
                "写法不同（可接受）",
                where=f"正文{name}",
                severity="info",
            )
        elif status == "numbering":
            yield me.finding(
                f"{name}标题「{part.heading.strip()}」编号有误，应为「{L.PART_HEADINGS[part.number - 1]}」",
                where=f"正文{name}",
                severity="warning",
            )
        elif status == "other":
            yield me.finding(
                f"{name}标题「{part.heading.strip()}」与格式文本「{L.PART_HEADINGS[part.number - 1]}」不符",
                where=f"正文{name}",
                severity="warning",
            )


@register("STRUCT-02", "error", "第二、三、四部分各有其表格", BASIS_ART50 + "（三张表格）", "official")
def struct_02(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("STRUCT-02")
    if not report.table1:
        yield me.finding(f"缺少表一（第二部分「{L.PART_HEADINGS[1]}」的表格）", where="表一")
    if not report.table2:
        yield me.finding(f"缺少表二（第三部分「{L.PART_HEADINGS[2]}」的表格）", where="表二")
    if report.table3 is None:
        yield me.finding(f"缺少表三（第四部分「{L.PART_HEADINGS[3]}」的表格）", where="表三")


def _layouts_used(report: Report) -> dict[str, str]:
    """Which format each table's rows and columns actually follow, where they tell ("2019"/"2021")."""
    out: dict[str, str] = {}
    t2 = set(report.table2)
    if "other" in t2 and not t2 & {"other_1", "other_2", "other_3"}:
        out["表二"] = "2019"
    elif t2 & {"other_1", "other_2", "other_3"} and "other" not in t2:
        out["表二"] = "2021"
    columns = {split_table1_key(k)[1] for k in report.table1}
    own = {code: {c.label for b in f.table1_blocks for c in b.columns} for code, f in FORMATS.items()}
    only = {code: labels - own["2021" if code == "2019" else "2019"] for code, labels in own.items()}
    hits = {code: bool(columns & only[code]) for code in only}
    if hits["2019"] != hits["2021"]:
        out["表一"] = "2019" if hits["2019"] else "2021"
    return out


@register(
    "STRUCT-03",
    "error",
    "表格格式与报告年度相符",
    "2019、2020 年度用" + L.NOTICE_2019 + "，2021 年度起用" + L.NOTICE_2021,
    "official",
)
def struct_03(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("STRUCT-03")
    if report.year is None:
        return
    try:
        expected = expected_format(report.year)
    except UnsupportedYear:
        return
    notice = {"2019": L.NOTICE_2019, "2021": L.NOTICE_2021}
    if report.format != expected:
        yield me.finding(
            f"{report.year} 年度报告应使用 {expected} 年格式（{notice[expected]}），"
            f"实际使用 {report.format} 年格式的表格",
            where="表格",
        )
        return
    for table, used in _layouts_used(report).items():
        if used != expected:
            yield me.finding(
                f"{table}按 {used} 年格式填报，{report.year} 年度报告应使用 {expected} 年格式（{notice[expected]}）",
                where=table,
            )


def _all_text(report: Report) -> str:
    texts = [report.title or "", *(p.heading + "\n" + p.text for p in report.parts)]
    preamble = report.meta.get("preamble")
    if isinstance(preamble, str):
        texts.insert(0, preamble)
    return "\n".join(texts)


def notice_pattern(notice: str) -> re.Pattern[str]:
    """A regex for a notice number such as 国办公开办函〔2019〕60号, tolerant of bracket and space variants."""
    m = re.fullmatch(r"(.+?)〔(\d{4})〕(\d+)号", notice)
    assert m is not None, notice
    agency, year, number = m.groups()
    return re.compile(rf"{agency}\s*[〔\[【（(［]\s*{year}\s*[〕\]】）)］]\s*{number}\s*号")


@register("STRUCT-04", "warning", "2021 年度起的报告引用现行格式通知", L.NOTICE_2021, "derived", needs_text=True)
def struct_04(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("STRUCT-04")
    if report.year is None or report.year < 2021:
        return
    text = _all_text(report)
    if notice_pattern(L.NOTICE_2019).search(text) and not notice_pattern(L.NOTICE_2021).search(text):
        yield me.finding(
            f"{report.year} 年度报告引用了已被替代的{L.NOTICE_2019}，未引用现行的{L.NOTICE_2021}", where="正文"
        )


_FEE = re.compile(r"信息处理费|处理费|收费通知|收取.{0,6}费用|信息公开.{0,4}费")


@register(
    "STRUCT-05",
    "warning",
    "第六部分报告信息处理费收取情况",
    L.NOTICE_2021 + "附件（收取信息处理费情况在此处报告）",
    "official",
    needs_text=True,
)
def struct_05(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("STRUCT-05")
    if report.format != "2021":
        return
    part = report.part(6)
    if part is None:
        return  # STRUCT-01 reports the missing part
    if not _FEE.search(_norm(part.text)):
        yield me.finding(
            f"第六部分「{L.PART_HEADINGS[5][2:]}」未说明收取信息处理费情况（没有收取的也应写明）", where="正文第六部分"
        )


_REVIEW_ITEMS = (
    ("工作考核", re.compile(r"考核")),
    ("社会评议", re.compile(r"评议|群众评价|满意度")),
    ("责任追究", re.compile(r"责任追究|追究责任|追责|问责")),
)


@register(
    "STRUCT-06",
    "warning",
    "人民政府报告含工作考核、社会评议和责任追究结果",
    "条例第五十条第四项",
    "official",
    needs_text=True,
)
def struct_06(inp: RuleInput) -> Iterator[Finding]:
    report, me = inp.report, rule("STRUCT-06")
    if agency_kind(report) != "人民政府":
        return
    part = report.part(1)
    if part is None:
        return
    text = _norm(part.text)
    absent = [name for name, pattern in _REVIEW_ITEMS if not pattern.search(text)]
    if absent:
        yield me.finding(
            f"人民政府的年度报告第一部分未见{'、'.join(absent)}结果情况（条例第五十条第四项）", where="正文第一部分"
        )
