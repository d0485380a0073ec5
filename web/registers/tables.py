"""Table 1 of the annual report (主动公开政府信息情况) computed from the registers, in the §J form.

`table1_for(agency, year)` returns every cell of the format that applies to `year` (2019 or 2021), keyed
by `table1_key(row, column)`; counts are ints, amounts `Decimal` quantised to 4 places (万元). Each
block is one aggregate query with conditional counts.

Counting conventions:
- 现行有效件数 / 对外公开总数量: documents issued (resp. published) by 31 December and not repealed by then;
- 上一年项目数量: matters in force on 31 December of the previous year; 本年增/减: in force on
  31 December of the year minus that figure;
- decisions, fees and procurement are counted by their date within the calendar year.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce

from web.accounts.models import Agency
from web.registers.models import (
    ActionKind,
    Decision,
    DocumentKind,
    FeeIncome,
    Matter,
    MatterKind,
    NormativeDocument,
    Procurement,
)
from xxgk.model import labels as L
from xxgk.model.formats import FORMATS, expected_format, table1_key

FOUR_PLACES = Decimal("0.0001")

Table1 = dict[str, int | Decimal | None]


def _amount(value: Decimal | None) -> Decimal:
    return (value or Decimal(0)).quantize(FOUR_PLACES)


def _document_counts(agency: Agency, year: int) -> dict[str, dict[str, int]]:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    not_repealed = Q(repealed_on__isnull=True) | Q(repealed_on__gt=end)
    rows = (
        NormativeDocument.objects.filter(agency=agency)
        .values("kind")
        .annotate(
            issued=Count("pk", filter=Q(issued_on__range=(start, end))),
            repealed=Count("pk", filter=Q(repealed_on__range=(start, end))),
            in_force=Count("pk", filter=Q(issued_on__lte=end) & not_repealed),
            published=Count("pk", filter=Q(published_on__range=(start, end))),
            total_published=Count("pk", filter=Q(published_on__lte=end) & not_repealed),
        )
    )
    empty = {"issued": 0, "repealed": 0, "in_force": 0, "published": 0, "total_published": 0}
    found = {r["kind"]: {k: r[k] for k in empty} for r in rows}
    return {kind: found.get(kind, dict(empty)) for kind in DocumentKind.values}


def _decision_counts(agency: Agency, year: int) -> dict[str, int]:
    rows = Decision.objects.filter(agency=agency, decided_on__year=year).values("kind").annotate(n=Count("pk"))
    found = {r["kind"]: r["n"] for r in rows}
    return {kind: found.get(kind, 0) for kind in ActionKind.values}


def _matters_in_force(agency: Agency, on: dt.date) -> dict[str, int]:
    rows = (
        Matter.objects.filter(agency=agency, established_on__lte=on)
        .filter(Q(abolished_on__isnull=True) | Q(abolished_on__gt=on))
        .values("kind")
        .annotate(n=Count("pk"))
    )
    found = {r["kind"]: r["n"] for r in rows}
    return {kind: found.get(kind, 0) for kind in MatterKind.values}


def fee_total(agency: Agency, year: int) -> Decimal:
    total = FeeIncome.objects.filter(agency=agency, year=year).aggregate(
        total=Coalesce(Sum("amount"), Value(Decimal(0)), output_field=DecimalField(max_digits=20, decimal_places=4))
    )["total"]
    return _amount(total)


def _table1_2021(agency: Agency, year: int) -> Table1:
    docs = _document_counts(agency, year)
    decisions = _decision_counts(agency, year)
    table: Table1 = {}
    for row, kind in ((L.T1_ROW_RULES, DocumentKind.RULE), (L.T1_ROW_NORMATIVE_2021, DocumentKind.NORMATIVE)):
        table[table1_key(row, L.T1_COL_ISSUED)] = docs[kind]["issued"]
        table[table1_key(row, L.T1_COL_REPEALED)] = docs[kind]["repealed"]
        table[table1_key(row, L.T1_COL_IN_FORCE)] = docs[kind]["in_force"]
    table[table1_key(L.T1_ROW_LICENSING, L.T1_COL_DECISIONS_2021)] = decisions[ActionKind.LICENSING]
    table[table1_key(L.T1_ROW_PENALTY, L.T1_COL_DECISIONS_2021)] = decisions[ActionKind.PENALTY]
    table[table1_key(L.T1_ROW_COERCION, L.T1_COL_DECISIONS_2021)] = decisions[ActionKind.COERCION]
    table[table1_key(L.T1_ROW_FEES, L.T1_COL_FEE_AMOUNT)] = fee_total(agency, year)
    return table


def _table1_2019(agency: Agency, year: int) -> Table1:
    docs = _document_counts(agency, year)
    decisions = _decision_counts(agency, year)
    before = _matters_in_force(agency, dt.date(year - 1, 12, 31))
    after = _matters_in_force(agency, dt.date(year, 12, 31))
    table: Table1 = {}
    for row, kind in ((L.T1_ROW_RULES, DocumentKind.RULE), (L.T1_ROW_NORMATIVE_2019, DocumentKind.NORMATIVE)):
        table[table1_key(row, L.T1_COL_NEW_MADE)] = docs[kind]["issued"]
        table[table1_key(row, L.T1_COL_NEW_PUBLISHED)] = docs[kind]["published"]
        table[table1_key(row, L.T1_COL_TOTAL_PUBLISHED)] = docs[kind]["total_published"]
    for row, kind in (
        (L.T1_ROW_LICENSING, MatterKind.LICENSING),
        (L.T1_ROW_OTHER_SERVICES, MatterKind.OTHER_SERVICE),
        (L.T1_ROW_PENALTY, MatterKind.PENALTY),
        (L.T1_ROW_COERCION, MatterKind.COERCION),
    ):
        table[table1_key(row, L.T1_COL_PREVIOUS_ITEMS)] = before[kind]
        table[table1_key(row, L.T1_COL_CHANGE)] = after[kind] - before[kind]
        table[table1_key(row, L.T1_COL_DECISIONS_2019)] = decisions[kind]
    table[table1_key(L.T1_ROW_FEES, L.T1_COL_PREVIOUS_ITEMS)] = before[MatterKind.FEE]
    table[table1_key(L.T1_ROW_FEES, L.T1_COL_CHANGE)] = after[MatterKind.FEE] - before[MatterKind.FEE]
    procurement = Procurement.objects.filter(agency=agency, contracted_on__year=year).aggregate(
        n=Count("pk"), total=Sum("amount")
    )
    table[table1_key(L.T1_ROW_PROCUREMENT, L.T1_COL_PROCUREMENT_ITEMS)] = procurement["n"]
    table[table1_key(L.T1_ROW_PROCUREMENT, L.T1_COL_PROCUREMENT_AMOUNT)] = _amount(procurement["total"])
    return table


def table1_for(agency: Agency, year: int) -> Table1:
    """Table 1 for `agency` and `year` in the format of that year, keys in the format's printed order."""
    code = expected_format(year)
    computed = _table1_2019(agency, year) if code == "2019" else _table1_2021(agency, year)
    return {key: computed[key] for key in FORMATS[code].table1_keys}
