"""Bulk import of decisions (行政许可 / 行政处罚 / 行政强制 / 其他对外管理服务事项) from XLSX or CSV.

All or nothing: every row is checked first and each bad row is reported as 「第 N 行：…」 (N is the row
number the clerk sees in the spreadsheet, header = row 1); only a file without errors is saved, inside
one transaction.

Columns (header row, any order): 类别, 决定书文号, 决定日期, 事项名称 (optional).
类别 accepts the table-1 row labels (行政许可 …) or the short codes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction

from web.accounts.models import Agency
from web.registers.models import ActionKind, Decision

HEADERS = {"类别": "kind", "决定书文号": "number", "决定日期": "decided_on", "事项名称": "matter"}
REQUIRED = ("kind", "number", "decided_on")
MAX_ROWS = 50_000


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, encoding, missing columns)."""


@dataclass
class ImportResult:
    created: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _rows_csv(data: bytes) -> Iterator[list[Any]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError("无法识别文件编码，请另存为 UTF-8 或 GB18030 编码的 CSV 文件")
    yield from csv.reader(io.StringIO(text))


def _rows_xlsx(data: bytes) -> Iterator[list[Any]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise ImportFileError("无法读取该 XLSX 文件，请确认文件未损坏且不是旧版 XLS 格式") from exc
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(values_only=True):
        yield list(row)
    book.close()


def read_rows(filename: str, data: bytes) -> Iterator[list[Any]]:
    name = filename.lower()
    if name.endswith(".xlsx"):
        return _rows_xlsx(data)
    if name.endswith(".csv"):
        return _rows_csv(data)
    raise ImportFileError("只能导入 XLSX 或 CSV 文件")


_KIND_BY_TEXT = {**{k.label: k.value for k in ActionKind}, **{k.value: k.value for k in ActionKind}}


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value).replace("/", "-").replace(".", "-")
    for suffix in ("日",):
        text = text.removesuffix(suffix)
    text = text.replace("年", "-").replace("月", "-")
    try:
        return dt.date.fromisoformat("-".join(part.zfill(2) for part in text.split("-")))
    except ValueError:
        raise ValueError(f"决定日期「{_text(value)}」不是有效日期（应如 2024-03-15）") from None


def import_decisions(agency: Agency, filename: str, data: bytes, actor: Any = None) -> ImportResult:
    rows = read_rows(filename, data)
    try:
        header = next(rows)
    except StopIteration:
        raise ImportFileError("文件是空的") from None
    columns = {HEADERS[_text(h)]: i for i, h in enumerate(header) if _text(h) in HEADERS}
    missing = [label for label, key in HEADERS.items() if key in REQUIRED and key not in columns]
    if missing:
        raise ImportFileError(f"第 1 行缺少列：{'、'.join(missing)}（应有 类别、决定书文号、决定日期、事项名称）")

    result = ImportResult()
    pending: list[Decision] = []
    seen: dict[tuple[str, str], int] = {}
    existing = set(Decision.objects.filter(agency=agency).values_list("kind", "number"))
    for line, row in enumerate(rows, start=2):
        if line > MAX_ROWS + 1:
            raise ImportFileError(f"一次最多导入 {MAX_ROWS} 行，请分批导入")
        values = {key: (row[i] if i < len(row) else None) for key, i in columns.items()}
        if all(_text(v) == "" for v in values.values()):
            continue  # blank line
        problems: list[str] = []
        kind = _KIND_BY_TEXT.get(_text(values["kind"]))
        if kind is None:
            problems.append(
                f"类别「{_text(values['kind'])}」无法识别（应为 行政许可、行政处罚、行政强制 或 其他对外管理服务事项）"
            )
        number = _text(values["number"])
        if not number:
            problems.append("决定书文号为空")
        elif len(number) > 80:
            problems.append("决定书文号超过 80 个字")
        decided_on: dt.date | None = None
        if _text(values["decided_on"]) == "":
            problems.append("决定日期为空")
        else:
            try:
                decided_on = _date(values["decided_on"])
            except ValueError as exc:
                problems.append(str(exc))
        if kind and number:
            if (kind, number) in existing:
                problems.append(f"决定书文号「{number}」已登记过")
            elif (kind, number) in seen:
                problems.append(f"决定书文号「{number}」与第 {seen[(kind, number)]} 行重复")
            else:
                seen[(kind, number)] = line
        matter = _text(values.get("matter"))[:200]
        if problems:
            result.errors.append(f"第 {line} 行：{'；'.join(problems)}")
        elif kind and decided_on:
            pending.append(
                Decision(
                    agency=agency, kind=kind, number=number, decided_on=decided_on, matter=matter, created_by=actor
                )
            )
    if result.errors:
        return result
    if not pending:
        raise ImportFileError("文件中没有可导入的数据行")
    try:
        with transaction.atomic():
            Decision.objects.bulk_create(pending, batch_size=1000)
    except IntegrityError as exc:  # a concurrent entry of the same number
        raise ImportFileError("导入时发现重复的决定书文号，未导入任何数据，请刷新后重试") from exc
    result.created = len(pending)
    return result
