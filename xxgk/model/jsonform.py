"""The JSON form of a report (spec §J): exact round trip, strict reading with errors that name the path.

Writing: `to_dict` / `dumps`. Amounts are Decimals and are written as exact JSON numbers (never through
float). Blank and not-applicable cells are `null` in the tables; what kind of null, and where each value
was read, goes under the extra key "provenance" so that reading it back restores the same report.

Reading: `from_dict` / `loads` accept the §J keys plus the known extra keys and raise `ReportDataError`
naming the JSON path of the first offending value (e.g. `$.table2.total[6]`).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from xxgk.model import labels as L
from xxgk.model.formats import (
    FIRST_YEAR,
    FORMATS,
    T2_WIDTH,
    T3_WIDTH,
    FormatCode,
    expected_format,
    split_table1_key,
)
from xxgk.model.report import SEVERITIES, Cell, CellState, Finding, Part, Provenance, Report

KNOWN_TOP_LEVEL_KEYS = frozenset(
    {
        "year",
        "agency",
        "agency_type",
        "format",
        "title",
        "parts",
        "table1",
        "table2",
        "table3",
        "findings",
        "provenance",
        "meta",
        # carried by hand-checked gold files
        "defects",
        "notes",
    }
)

# Every row and column label of table 1 in either format: a key may use any of them (a 2021 report that
# still prints the 2019 row 规范性文件 keeps that label, with a finding, rather than being renamed).
ALL_T1_ROWS = frozenset(row for f in FORMATS.values() for b in f.table1_blocks for row in b.rows)
ALL_T1_COLUMNS = frozenset(c.label for f in FORMATS.values() for b in f.table1_blocks for c in b.columns)
ALL_T2_ROWS = frozenset(L.T2_ROW_LABELS)
SIGNED_COLUMNS = frozenset(
    c.label for f in FORMATS.values() for b in f.table1_blocks for c in b.columns if c.kind == "signed"
)
AMOUNT_COLUMNS = frozenset(
    c.label for f in FORMATS.values() for b in f.table1_blocks for c in b.columns if c.kind == "amount"
)


class ReportDataError(ValueError):
    """Bad report data. `str(error)` is a one-line Chinese message that names the JSON path."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.detail = message
        super().__init__(f"{path}：{message}")


# --- writing --------------------------------------------------------------------------------------

_DECIMAL_MARK = "\u0000dec:"


def _number(value: int | Decimal | None) -> object:
    if isinstance(value, Decimal):
        return f"{_DECIMAL_MARK}{format(value, 'f')}"
    return value


def _cell_value(cell: Cell) -> object:
    if cell.state is CellState.VALUE:
        return _number(cell.value)
    if cell.state is CellState.UNRESOLVED:
        return cell.raw
    return None


def _cell_provenance(cell: Cell) -> dict[str, object] | None:
    info: dict[str, object] = {}
    if cell.state is not CellState.VALUE:
        info["state"] = cell.state.value
    if cell.unit:
        info["unit"] = cell.unit
    if cell.provenance is not None:
        info.update(cell.provenance.as_dict())
    return info or None


def to_dict(report: Report, *, include_findings: bool = True) -> dict[str, Any]:
    """The §J form of `report` (Decimals are marked; use `dumps` to get JSON text)."""
    out: dict[str, Any] = {
        "year": report.year,
        "agency": report.agency,
        "format": report.format,
        "agency_type": report.agency_type,
        "title": report.title,
        "table1": {key: _cell_value(cell) for key, cell in report.table1.items()},
        "table2": {key: [_cell_value(c) for c in cells] for key, cells in report.table2.items()},
        "table3": None if report.table3 is None else [_cell_value(c) for c in report.table3],
        "parts": [{"number": p.number, "heading": p.heading, "text": p.text} for p in report.parts],
    }
    if include_findings:
        out["findings"] = [f.as_dict() for f in report.findings]
    provenance: dict[str, Any] = {}
    t1 = {k: p for k, c in report.table1.items() if (p := _cell_provenance(c))}
    if t1:
        provenance["table1"] = t1
    t2 = {k: [_cell_provenance(c) for c in cells] for k, cells in report.table2.items()}
    t2 = {k: v for k, v in t2.items() if any(v)}
    if t2:
        provenance["table2"] = t2
    if report.table3 is not None:
        t3 = [_cell_provenance(c) for c in report.table3]
        if any(t3):
            provenance["table3"] = t3
    if provenance:
        out["provenance"] = provenance
    if report.meta:
        out["meta"] = report.meta
    return out


_MARKED = re.compile(r'"\\u0000dec:(-?[0-9]+(?:\.[0-9]+)?)"')


def dumps(report: Report, *, indent: int | None = 1, include_findings: bool = True) -> str:
    """JSON text of the report; Decimal amounts are written as exact JSON numbers."""
    text = json.dumps(to_dict(report, include_findings=include_findings), ensure_ascii=False, indent=indent)
    return _MARKED.sub(r"\1", text)


# --- reading --------------------------------------------------------------------------------------


def loads(text: str | bytes) -> Report:
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ReportDataError("$", f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）") from None
    except UnicodeDecodeError:
        raise ReportDataError("$", "文件不是 UTF-8 编码的 JSON") from None
    return from_dict(data)


def _type_name(value: object) -> str:
    return {str: "文本", list: "数组", dict: "对象", bool: "布尔值", Decimal: "小数", int: "整数"}.get(
        type(value), type(value).__name__
    )


def _read_number(path: str, value: object, *, signed: bool, amount: bool) -> int | Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
        raise ReportDataError(path, f"应为数字，实际为{_type_name(value)}「{value}」")
    number: int | Decimal
    number = Decimal(str(value)) if isinstance(value, float) else value
    if isinstance(number, Decimal):
        if not number.is_finite():
            raise ReportDataError(path, "数字无效")
        if number == number.to_integral_value() and not amount:
            number = int(number)
        elif not amount:
            raise ReportDataError(path, f"应为整数，实际为小数 {number}")
    if not signed and number < 0:
        raise ReportDataError(path, f"不能为负数（{number}）")
    return number


def _read_provenance(path: str, info: object) -> tuple[CellState | None, str | None, Provenance | None]:
    if info is None:
        return None, None, None
    if not isinstance(info, dict):
        raise ReportDataError(path, "来源信息应为对象")
    state = info.get("state")
    if state is not None:
        try:
            state = CellState(state)
        except ValueError:
            raise ReportDataError(f"{path}.state", f"未知的单元格状态「{state}」") from None
    fields = {k: info.get(k) for k in Provenance.__slots__ if info.get(k) is not None}
    try:
        prov = Provenance(**fields) if fields else None
    except TypeError as exc:
        raise ReportDataError(path, f"来源信息无效：{exc}") from None
    unit = info.get("unit")
    return state, (unit if isinstance(unit, str) else None), prov


def _read_cell(path: str, value: object, prov_info: object, *, signed: bool = False, amount: bool = False) -> Cell:
    state, unit, prov = _read_provenance(f"$.provenance{path[1:]}", prov_info)
    if value is None:
        if state is CellState.NOT_APPLICABLE:
            return Cell.not_applicable(prov)
        return Cell.blank(prov)
    if isinstance(value, str):
        return Cell.unresolved(value, prov)
    number = _read_number(path, value, signed=signed, amount=amount)
    return Cell(value=number, state=CellState.VALUE, unit=unit, provenance=prov)


def _table1_key_is_known(key: str) -> bool:
    row, column = split_table1_key(key)
    return row in ALL_T1_ROWS and column in ALL_T1_COLUMNS


def _unresolved_key_is_plausible(key: str) -> bool:
    # A key for cells printed run together (e.g. "规章/本年制发件数|本年废止件数|现行有效件数"): it must start
    # with a known row label so that rules and renderers can still place it.
    return any(key.startswith(row) for row in ALL_T1_ROWS)


def from_dict(data: object) -> Report:
    if not isinstance(data, dict):
        raise ReportDataError("$", f"报告应为 JSON 对象，实际为{_type_name(data)}")
    for key in data:
        if key not in KNOWN_TOP_LEVEL_KEYS:
            raise ReportDataError(f"$.{key}", "未知字段")

    year = data.get("year")
    if year is not None:
        if isinstance(year, bool) or not isinstance(year, int):
            raise ReportDataError("$.year", f"年度应为整数，实际为{_type_name(year)}「{year}」")
        if year < FIRST_YEAR:
            raise ReportDataError("$.year", f"年度 {year} 早于 2019 年，现行年报格式不适用")
        if year > 2100:
            raise ReportDataError("$.year", f"年度 {year} 不合理")

    fmt = data.get("format")
    if fmt is None:
        if year is None:
            raise ReportDataError("$.format", "缺少报告格式，且无年度可据以推定")
        fmt = expected_format(year)
    if fmt not in FORMATS:
        raise ReportDataError("$.format", f'未知的报告格式「{fmt}」（应为 "2019" 或 "2021"）')
    code: FormatCode = fmt

    for text_key in ("agency", "agency_type", "title"):
        value = data.get(text_key)
        if value is not None and not isinstance(value, str):
            raise ReportDataError(f"$.{text_key}", f"应为文本，实际为{_type_name(value)}")
    agency_type = data.get("agency_type")
    if agency_type is not None and agency_type not in L.AGENCY_TYPES:
        raise ReportDataError("$.agency_type", f"机关类型「{agency_type}」无效（应为 {'、'.join(L.AGENCY_TYPES)}）")

    provenance = data.get("provenance") or {}
    if not isinstance(provenance, dict):
        raise ReportDataError("$.provenance", "应为对象")

    # table 1
    table1_data = data.get("table1") or {}
    if not isinstance(table1_data, dict):
        raise ReportDataError("$.table1", f"表一应为对象，实际为{_type_name(table1_data)}")
    prov1 = provenance.get("table1") or {}
    table1: dict[str, Cell] = {}
    for key, value in table1_data.items():
        path = f"$.table1[{json.dumps(key, ensure_ascii=False)}]"
        if not _table1_key_is_known(key):
            if isinstance(value, str) and _unresolved_key_is_plausible(key):
                table1[key] = Cell.unresolved(value)
                continue
            raise ReportDataError(path, "未知的表一单元格（应为「行标签/列标签」）")
        _, column = split_table1_key(key)
        table1[key] = _read_cell(
            path, value, prov1.get(key), signed=column in SIGNED_COLUMNS, amount=column in AMOUNT_COLUMNS
        )

    # table 2
    table2_data = data.get("table2") or {}
    if not isinstance(table2_data, dict):
        raise ReportDataError("$.table2", f"表二应为对象，实际为{_type_name(table2_data)}")
    prov2 = provenance.get("table2") or {}
    table2: dict[str, list[Cell]] = {}
    for row, values in table2_data.items():
        path = f"$.table2.{row}"
        if row not in ALL_T2_ROWS:
            raise ReportDataError(path, "未知的表二行（见规范 §J 的行键）")
        if not isinstance(values, list) or len(values) != T2_WIDTH:
            raise ReportDataError(path, f"应为 {T2_WIDTH} 个数值的数组")
        row_prov = prov2.get(row) or [None] * T2_WIDTH
        table2[row] = [
            _read_cell(f"{path}[{i}]", v, row_prov[i] if i < len(row_prov) else None) for i, v in enumerate(values)
        ]

    # table 3
    table3_data = data.get("table3")
    table3: list[Cell] | None = None
    if table3_data is not None:
        if not isinstance(table3_data, list) or len(table3_data) != T3_WIDTH:
            raise ReportDataError("$.table3", f"表三应为 {T3_WIDTH} 个数值的数组")
        prov3 = provenance.get("table3") or [None] * T3_WIDTH
        table3 = [
            _read_cell(f"$.table3[{i}]", v, prov3[i] if i < len(prov3) else None) for i, v in enumerate(table3_data)
        ]

    # parts
    parts: list[Part] = []
    parts_data = data.get("parts") or []
    if not isinstance(parts_data, list):
        raise ReportDataError("$.parts", "应为数组")
    for i, item in enumerate(parts_data):
        path = f"$.parts[{i}]"
        if not isinstance(item, dict):
            raise ReportDataError(path, "应为对象")
        number, heading, text = item.get("number"), item.get("heading", ""), item.get("text", "")
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 6:
            raise ReportDataError(f"{path}.number", "部分编号应为 1–6 的整数")
        if not isinstance(heading, str) or not isinstance(text, str):
            raise ReportDataError(path, "标题和正文应为文本")
        parts.append(Part(number, heading, text))

    # findings
    findings: list[Finding] = []
    findings_data = data.get("findings") or []
    if not isinstance(findings_data, list):
        raise ReportDataError("$.findings", "应为数组")
    for i, item in enumerate(findings_data):
        path = f"$.findings[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            raise ReportDataError(path, "发现项应为带 code 的对象")
        severity = item.get("severity")
        if severity not in SEVERITIES:
            raise ReportDataError(f"{path}.severity", f"严重程度「{severity}」无效")
        cells = item.get("cells") or []
        findings.append(
            Finding(
                code=item["code"],
                severity=severity,
                message=str(item.get("message", "")),
                where=str(item.get("where", "")),
                cells=tuple(str(c) for c in cells),
                basis=str(item.get("basis", "")),
                assessable=bool(item.get("assessable", True)),
            )
        )

    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise ReportDataError("$.meta", "应为对象")

    return Report(
        format=code,
        year=year,
        agency=data.get("agency"),
        agency_type=agency_type,
        title=data.get("title"),
        parts=parts,
        table1=table1,
        table2=table2,
        table3=table3,
        findings=findings,
        meta=dict(meta),
    )
