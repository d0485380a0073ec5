"""`extract(document) -> Report`: the pipeline from any front-end's SourceDocument to the report model.

type rows → title, year, agency → format from the labels → table anchors → parts → tables 1–3 (or the
run-together solver for crawled text whose cells have no separators) → parser findings. It never raises:
an internal error becomes an error finding on an otherwise empty report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xxgk import __version__
from xxgk.model import labels as L
from xxgk.model.formats import FIRST_YEAR, get_format
from xxgk.model.report import Finding, Part, Report
from xxgk.parse import segment
from xxgk.parse.document import Fragment, SourceDocument
from xxgk.parse.findings import finding
from xxgk.parse.normalise import label_key
from xxgk.parse.rows import TypedRow, type_document
from xxgk.parse.tables import TableResult, parse_table1, parse_table2, parse_table3

PARSER_VERSION = f"xxgk-parse {__version__}"
LAST_PLAUSIBLE_YEAR = 2100  # the JSON contract's upper bound for a report year
_RUN_TOGETHER = re.compile(re.escape(label_key(L.T2_ROW_LABELS["new"][0])) + r"\d{7,}")


def extract(document: SourceDocument) -> Report:
    """Read a report out of a SourceDocument. Never raises."""
    try:
        return _extract(document)
    except Exception as exc:  # the contract: any input yields a report, the failure becomes a finding
        report = Report(format="2021")
        report.findings.append(
            Finding(
                code="PARSE-INTERNAL",
                severity="error",
                message=f"解析器内部错误，未能读出报告内容（{type(exc).__name__}：{exc}）",
                where=document.path or "",
            )
        )
        report.meta = _meta(document)
        return report


def _meta(document: SourceDocument) -> dict[str, object]:
    meta: dict[str, object] = {"document_kind": document.kind, "parser_version": PARSER_VERSION}
    if document.path:
        meta["source_file"] = document.path.replace("\\", "/").rsplit("/", 1)[-1]
    if document.pages is not None:
        meta["pages"] = document.pages
    return meta


def _extract(document: SourceDocument) -> Report:
    rows = segment.split_long_rows(type_document(document).rows)
    findings: list[Finding] = []
    title = segment.find_title(rows)
    year = segment.find_year(title, rows)
    early: int | None = None
    if year is not None and not FIRST_YEAR <= year <= LAST_PLAUSIBLE_YEAR:
        early, year = year, None  # the model holds only reports under the 2019 条例's formats
    agency = segment.find_agency(title)
    guess = segment.detect_format(rows, year)
    report = Report(
        format=guess.code,
        year=year,
        agency=agency,
        agency_type=segment.guess_agency_type(agency),
        title=title,
    )
    report.meta = _meta(document)
    if early is not None:
        report.meta["printed_year"] = early
        findings.append(
            finding(
                "PARSE-YEAR-UNSUPPORTED",
                "warning",
                f"报告年度 {early} 不在 2019 年修订条例施行之后的范围内，现行格式不适用，年度按未识别处理",
                at="标题",
            )
        )
    elif year is None:
        findings.append(finding("PARSE-YEAR-MISSING", "warning", "未能从标题或正文识别报告年度", at="标题"))
    if not guess.from_labels:
        findings.append(
            finding(
                "PARSE-FORMAT-ASSUMED",
                "info",
                f"表格标签未能表明格式，按 {guess.code} 年格式读取",
                at="全文",
            )
        )
    fmt = get_format(guess.code)
    anchors = segment.find_anchors(rows)
    spans = segment.find_parts(rows, anchors)
    regions = _regions(rows, anchors, spans)

    tables = _run_together(document, rows, guess.code)
    if tables is None:
        tables = TableResult()
        if regions.table1 is not None:
            t1 = parse_table1(rows[regions.table1[0] : regions.table1[1]], fmt)
            tables.table1, tables.findings = t1.table1, t1.findings
        if regions.table2 is not None:
            t2 = parse_table2(rows[regions.table2[0] : regions.table2[1]], fmt)
            tables.table2 = t2.table2
            tables.findings += t2.findings
        if regions.table3 is not None:
            t3 = parse_table3(rows[regions.table3[0] : regions.table3[1]])
            tables.table3 = t3.table3
            tables.findings += t3.findings
        for name, region in (("表一", regions.table1), ("表二", regions.table2), ("表三", regions.table3)):
            if region is None:
                findings.append(finding("PARSE-TABLE-MISSING", "warning", f"未找到{name}", at=name))
        if regions.table1 is None and regions.table2 is None and regions.table3 is None:
            findings.append(finding("PARSE-NO-TABLES", "warning", "文件中没有找到任何统计表格（仅有文字）", at="全文"))
    report.table1, report.table2, report.table3 = tables.table1, tables.table2, tables.table3
    findings += tables.findings
    report.parts = _parts(rows, spans, regions)
    preamble = _preamble(rows, spans, title)
    if preamble:
        report.meta["preamble"] = preamble
    findings += _part_findings(rows, spans)
    report.findings = findings
    return report


class Regions:
    """Half-open row ranges of the three tables (None when the table was not found)."""

    def __init__(self) -> None:
        self.table1: tuple[int, int] | None = None
        self.table2: tuple[int, int] | None = None
        self.table3: tuple[int, int] | None = None

    def covers(self, position: int) -> bool:
        return any(r is not None and r[0] <= position < r[1] for r in (self.table1, self.table2, self.table3))


def _regions(rows: Sequence[TypedRow], anchors: segment.Anchors, spans: list[segment.PartSpan]) -> Regions:
    out = Regions()
    starts = [a for a in (anchors.table1, anchors.table2, anchors.table3) if a is not None]
    after_tables = [s.position for s in spans if s.number >= 5 and (not starts or s.position > max(starts))]
    end = min(after_tables, default=len(rows))
    bounds = [anchors.table1, anchors.table2, anchors.table3]
    for n, start in enumerate(bounds):
        if start is None:
            continue
        stop = next((b for b in bounds[n + 1 :] if b is not None), end)
        region = (start, stop)
        if n == 0:
            out.table1 = region
        elif n == 1:
            out.table2 = region
        else:
            out.table3 = region
    return out


def _parts(rows: Sequence[TypedRow], spans: list[segment.PartSpan], regions: Regions) -> list[Part]:
    parts = []
    for n, span in enumerate(spans):
        stop = spans[n + 1].position if n + 1 < len(spans) else len(rows)
        lines = [rows[i].text for i in range(span.position + 1, stop) if not regions.covers(i)]
        parts.append(Part(span.number, span.heading, "\n".join(lines)))
    return parts


def _preamble(rows: Sequence[TypedRow], spans: list[segment.PartSpan], title: str | None) -> str:
    """The text between the title and the first part heading (it cites the format notice, the period …)."""
    stop = spans[0].position if spans else min(len(rows), segment.TITLE_SEARCH_ROWS)
    title_key = label_key(title or "")
    lines = [r.text for r in rows[:stop] if not title_key or label_key(r.text) not in title_key]
    return "\n".join(lines)


def _part_findings(rows: Sequence[TypedRow], spans: list[segment.PartSpan]) -> list[Finding]:
    out = []
    found = {s.number for s in spans}
    for number in range(1, 7):
        if number not in found:
            out.append(
                finding(
                    "PARSE-PART-MISSING",
                    "warning",
                    f"未找到第{'一二三四五六'[number - 1]}部分标题「{L.PART_HEADINGS[number - 1]}」",
                    at="全文",
                )
            )
    for span in spans:
        first = rows[span.position].first
        if span.printed is not None and span.printed != span.number:
            out.append(
                finding(
                    "PARSE-PART-NUMBER",
                    "warning",
                    f"标题「{span.heading}」的序号与其内容（第{'一二三四五六'[span.number - 1]}部分）不符",
                    first,
                )
            )
        elif not span.canonical:
            out.append(
                finding(
                    "PARSE-PART-VARIANT",
                    "info",
                    f"标题「{span.heading}」与规定写法「{L.PART_HEADINGS[span.number - 1]}」不同",
                    first,
                )
            )
    return out


def _run_together(document: SourceDocument, rows: Sequence[TypedRow], code: str) -> TableResult | None:
    """Tables from the run-together solver when the text has that shape; None otherwise."""
    lines: list[Fragment] = [f for row in document.rows for f in row.cells if not f.continuation]
    try:
        from xxgk.parse import runtogether
    except ImportError:  # pragma: no cover - the module ships with the package
        return None
    try:
        shaped = runtogether.looks_run_together(lines)
    except NotImplementedError:
        shaped = any(_RUN_TOGETHER.search(label_key(r.text)) for r in rows)
        if shaped:
            return TableResult(
                findings=[
                    finding(
                        "PARSE-RT-UNSUPPORTED",
                        "warning",
                        "表格单元格连写在一起（无分隔符），本版本尚不能拆分",
                        at="全文",
                    )
                ]
            )
        return None
    if not shaped:
        return None
    solved = runtogether.solve_run_together(lines, get_format(code))
    return TableResult(solved.table1, solved.table2, solved.table3, list(solved.findings))
