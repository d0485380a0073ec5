"""Table 2 (收到和处理政府信息公开申请情况), read as groups of 7 values assigned to the expected rows in
order; a label in the same row confirms the row or skips ahead to it (rows missing from the source), labels
on the lines before only confirm. Runs of one-value lines are cut into rows of 7, which is how rows printed
without their labels are still placed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from xxgk.model import labels as L
from xxgk.model.formats import T2_WIDTH, ReportFormat
from xxgk.parse.cells import TableResult, fit, invalid_value, missing_cell, to_cell
from xxgk.parse.findings import finding
from xxgk.parse.labels import LabelMatch, is_typo, match_label
from xxgk.parse.normalise import label_key
from xxgk.parse.rows import Item, TypedRow

T2_WINDOW = 6  # a row label may skip at most this many expected rows ahead (rows missing from the source)
T2_SKIP_MIN_SCORE = 90.0  # …and only when it matches this well
T2_MIN_UNLABELLED = 4  # a row without a readable label needs this many cells to be placed by position

_T2_ALIASES = {label_key(k): v for k, v in L.T2_ROW_ALIASES.items()}


@dataclass(slots=True)
class ValueGroup:
    cells: list[Item | None]
    labels: list[Item]  # label cells in the same row
    preceding: list[Item]  # label rows since the previous group
    extra: list[Item] = field(default_factory=list)
    run: bool = False  # gathered from one-value-per-line rows

    @property
    def has_number(self) -> bool:
        return any(c is not None and c.value is not None and c.value.kind == "number" for c in self.cells)

    @property
    def anchor(self) -> Item | None:
        return next((c for c in self.cells if c is not None), None)


def value_groups(rows: Sequence[TypedRow], width: int) -> tuple[list[ValueGroup], list[Item]]:
    """Groups of `width` values in document order, and the stray values that make no full row."""
    groups: list[ValueGroup] = []
    stray: list[Item] = []
    run: list[Item] = []
    run_preceding: list[Item] = []
    preceding: list[Item] = []

    def flush() -> None:
        nonlocal run, run_preceding
        for start in range(0, len(run), width):
            chunk = run[start : start + width]
            if len(chunk) < width:
                stray.extend(chunk)
                continue
            groups.append(ValueGroup(list(chunk), [], run_preceding if start == 0 else [], run=True))
        run, run_preceding = [], []

    for row in rows:
        if row.structured and row.labels and not row.values and row.after_label():
            # a labelled row whose cells are all blank (a blank form): a group of blanks, if the label matches
            flush()
            cells, extra = fit(row.after_label(), width)
            groups.append(ValueGroup(cells, row.labels, preceding, extra))
            preceding = []
            continue
        if row.is_single_value:
            if not run:
                run_preceding, preceding = preceding, []
            run.extend(row.values)
            continue
        flush()
        if row.values:
            cells, extra = fit(row.value_region(), width)
            groups.append(ValueGroup(cells, row.labels, preceding, extra))
            preceding = []
        elif row.labels:
            preceding = [*preceding, *row.labels]
    flush()
    return groups, stray


def _t2_match(items: Sequence[Item], cands: list[tuple[str, str]]) -> tuple[LabelMatch, Item] | None:
    best: tuple[LabelMatch, Item] | None = None
    for item in items:
        found = match_label(item.text, cands, _T2_ALIASES)
        if found is not None and (best is None or found.score > best[0].score):
            best = (found, item)
    return best


_T2_HEADS = {label_key(label): n for n, (_, label) in enumerate(L.T2_COLUMNS)}


def subtotal_column(rows: Sequence[TypedRow]) -> int | None:
    """Where an added 小计 column sits among the value columns, from the header rows (None: no such column)."""
    order: list[str] = []
    for row in rows:
        if row.values:
            break
        for item in row.labels:
            key = label_key(item.text)
            if key.endswith("小计"):
                order.append("小计")
            elif key in _T2_HEADS and key not in order:
                order.append(key)
    if "小计" not in order or len(order) != len(L.T2_COLUMNS) + 1:
        return None
    return order.index("小计")


def parse_table2(rows: Sequence[TypedRow], fmt: ReportFormat) -> TableResult:
    out = TableResult()
    keys = list(fmt.table2_keys)
    labels = {r.key: r.label for r in fmt.table2_rows}
    subtotal = subtotal_column(rows)
    if subtotal is None:
        groups, stray = value_groups(rows, T2_WIDTH)
    else:
        # a tool's extra 法人或其他组织小计 column: read 8 values a row and leave it out (spec §C.1)
        groups, stray = value_groups(rows, T2_WIDTH + 1)
        for group in groups:
            del group.cells[subtotal]
        out.findings.append(
            finding(
                "PARSE-T2-SUBTOTAL-COLUMN",
                "info",
                "表二多印了一列「法人或其他组织小计」（官方表格没有此列），已略去",
                at="表二",
            )
        )
    pos = 0
    for group in groups:
        if not group.has_number and not group.labels:
            continue  # placeholder rows of a converter ('-' under a header)
        where_group = group.anchor.fragment if group.anchor else None
        if not group.has_number and pos < len(keys):
            # a row of blank (or not-applicable) cells counts only when its label says which row it is
            found = _t2_match(group.labels, [(k, labels[k]) for k in keys[pos : pos + T2_WINDOW]])
            if found is None or (found[0].key != keys[pos] and found[0].score < T2_SKIP_MIN_SCORE):
                continue
        if pos >= len(keys):
            out.findings.append(
                finding("PARSE-T2-EXTRA-ROW", "warning", "表二末行之后还有一行数值，已忽略", where_group)
            )
            continue
        if keys[pos] == "other" and group.has_number:
            split = _t2_match(group.labels, [("other_1", L.T2_ROW_LABELS["other_1"][0])])
            if split is not None and split[0].score >= T2_SKIP_MIN_SCORE:
                # a 2019-format table printing the 2021 sub-rows of （六）: kept as printed
                keys[pos : pos + 1] = ["other_1", "other_2", "other_3"]
                labels.update({k: L.T2_ROW_LABELS[k][0] for k in keys[pos : pos + 3]})
                out.findings.append(
                    finding(
                        "PARSE-T2-SPLIT-OTHER",
                        "warning",
                        "2019 年格式的表二把「（六）其他处理」分成了 1–3 项（2021 年格式的写法），按所印读取",
                        split[1].fragment,
                        cells=("table2.other_1", "table2.other_2", "table2.other_3"),
                    )
                )
        window = [(k, labels[k]) for k in keys[pos : pos + T2_WINDOW]]
        matched = _t2_match(group.labels, window)
        if matched is None and keys[pos] == "other_1" and group.has_number:
            single = _t2_match(group.labels, [("other", L.T2_ROW_LABELS["other"][0])])
            if single is not None and single[0].status != "fuzzy":
                # a 2021-format table that still prints one （六）其他处理 row (spec §J): kept as `other`
                out.table2["other"] = [to_cell(item, label_status=single[0].status) for item in group.cells]
                out.findings.append(
                    finding(
                        "PARSE-T2-SINGLE-OTHER",
                        "warning",
                        "2021 年格式的表二只印了一行「（六）其他处理」，没有分列 1–3 项，已按 2019 年格式的单行读取",
                        single[1].fragment,
                        cells=("table2.other",),
                    )
                )
                pos = keys.index("total")
                continue
        status: str
        if matched is not None and (matched[0].key == keys[pos] or matched[0].score >= T2_SKIP_MIN_SCORE):
            index = keys.index(matched[0].key)
            for skipped in keys[pos:index]:
                out.table2[skipped] = [missing_cell() for _ in range(T2_WIDTH)]
                out.findings.append(
                    finding(
                        "PARSE-T2-ROW-MISSING",
                        "warning",
                        f"表二缺少「{L.T2_ROW_SHORT[skipped]}」行，其数值按空白处理",
                        matched[1].fragment,
                        cells=(f"table2.{skipped}",),
                    )
                )
            status = matched[0].status
            if is_typo(matched[0]):
                out.findings.append(
                    finding(
                        "PARSE-LABEL-FUZZY",
                        "info",
                        f"表二行标签「{matched[1].text.strip()}」与「{labels[matched[0].key]}」近似（疑为笔误）",
                        matched[1].fragment,
                    )
                )
        else:
            present = [c for c in group.cells if c is not None]
            if not group.run and len(present) < T2_MIN_UNLABELLED:
                # a sentence or a note ending in a number, not a row of the table
                for item in present:
                    if item.kind == "value":
                        message = f"表二中有一个不成行的数值「{item.text}」，已忽略"
                        out.findings.append(finding("PARSE-T2-STRAY-VALUE", "warning", message, item.fragment))
                continue
            index = pos
            hint = _t2_match(group.preceding, [(keys[pos], labels[keys[pos]])])
            if hint is not None:
                status = hint[0].status
            else:
                status = "positional"
                silent = not group.labels and not group.preceding
                out.findings.append(
                    finding(
                        "PARSE-T2-LABEL-MISSING" if silent else "PARSE-T2-LABEL-UNREADABLE",
                        "warning" if silent else "info",
                        f"表二一行数值{'没有行标签' if silent else '的行标签无法识别'}，"
                        f"按位置归入「{L.T2_ROW_SHORT[keys[pos]]}」",
                        where_group,
                        cells=(f"table2.{keys[pos]}",),
                    )
                )
        key = keys[index]
        out.table2[key] = [to_cell(item, label_status=status, near=where_group) for item in group.cells]
        for column, cell in enumerate(out.table2[key]):
            bad = invalid_value(cell, f"table2.{key}[{column}]", f"表二「{L.T2_ROW_SHORT[key]}」第 {column + 1} 列")
            if bad is not None:
                out.findings.append(bad)
        if any(c is None for c in group.cells) and not group.run:
            out.findings.append(
                finding(
                    "PARSE-T2-SHORT-ROW",
                    "warning",
                    f"表二「{L.T2_ROW_SHORT[key]}」行不足 {T2_WIDTH} 个数值，缺少的按空白处理",
                    where_group,
                    cells=(f"table2.{key}",),
                )
            )
        for item in group.extra:
            out.findings.append(
                finding(
                    "PARSE-T2-EXTRA-VALUE",
                    "warning",
                    f"表二「{L.T2_ROW_SHORT[key]}」行多出数值「{item.text}」",
                    item.fragment,
                )
            )
        pos = index + 1
    for item in stray:
        out.findings.append(
            finding(
                "PARSE-T2-STRAY-VALUE", "warning", f"表二中有一个不成行的数值「{item.text}」，已忽略", item.fragment
            )
        )
    for key in keys[pos:]:
        if key not in out.table2 and not ("other" in out.table2 and key.startswith("other_")):
            out.table2[key] = [missing_cell() for _ in range(T2_WIDTH)]
            out.findings.append(
                finding(
                    "PARSE-T2-ROW-MISSING",
                    "warning",
                    f"表二缺少「{L.T2_ROW_SHORT[key]}」行，其数值按空白处理",
                    at="表二",
                    cells=(f"table2.{key}",),
                )
            )
    # keep the printed order of the format
    order = [name for k in keys for name in (("other", k) if k == "total" and "other" not in keys else (k,))]
    out.table2 = {k: out.table2[k] for k in order if k in out.table2}
    return out
