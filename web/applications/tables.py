"""Table 2 and table 3 of the annual report computed from the cases (spec §C.6, §D.2), in the §J form.

`tables_for(agency, year)` → `{"table2": {row_key: [7 ints]}, "table3": [15 ints]}` for the format the year
requires (2019 layout: every （六） outcome in `other`; 2021: `other_1`…`other_3`). Year attribution:

- 一 `new`: received in the year;
- 二 `carried_over`: received before 1 January and not concluded before it;
- 三 results: concluded in the year (whatever the receipt year), by outcome leaf and applicant column;
- 四 `carry_forward`: received by 31 December and not concluded by then.

Table 3: cases this agency counts (T3-03: not those where it is only the co-defendant review body), filed by
31 December and not concluded before 1 January; concluded in the year → their result, otherwise 尚未审结.

A fixed handful of aggregate queries whatever the number of cases.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q

from web.applications.choices import ReviewResult, ReviewRoute
from web.applications.models import CONCLUDING_KINDS, Application, CaseEvent, ReviewCase
from xxgk.model import T2_COLUMN_KEYS, expected_format, get_format
from xxgk.model import labels as L

APPLICANT_KEYS: tuple[str, ...] = T2_COLUMN_KEYS[:-1]  # the six applicant columns, `total` last
_ROUTE_GROUP = {ReviewRoute.REVIEW: "rev", ReviewRoute.DIRECT: "lit_direct", ReviewRoute.AFTER_REVIEW: "lit_after"}
_RESULT_LEAF = {
    ReviewResult.UPHELD: "upheld",
    ReviewResult.CORRECTED: "corrected",
    ReviewResult.OTHER: "other",
    ReviewResult.PENDING: "pending",
}


def row_for(outcome: str, format_code: str) -> str:
    """The table-2 row an outcome leaf is counted in for a report of `format_code` ("2019" | "2021")."""
    if format_code == "2019" and outcome.startswith("other"):
        return "other"
    if format_code == "2021" and outcome == "other":
        return "other_3"
    return outcome


def _row(counts: Counter[str]) -> list[int]:
    values = [counts.get(k, 0) for k in APPLICANT_KEYS]
    return [*values, sum(values)]


def _by_type(qs: Any) -> Counter[str]:
    return Counter(
        {r["applicant_type"]: r["n"] for r in qs.values("applicant_type").annotate(n=Count("pk")).order_by()}
    )


def table2_for(agency: Any, year: int) -> dict[str, list[int]]:
    fmt = get_format(expected_format(year))
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    cases = Application.objects.filter(agency=agency)

    def concluded_by(day: dt.date) -> Exists:
        return Exists(CaseEvent.objects.filter(application=OuterRef("pk"), kind__in=CONCLUDING_KINDS, date__lte=day))

    before = start - dt.timedelta(days=1)
    table: dict[str, list[int]] = {key: [0] * 7 for key in fmt.table2_keys}
    table["new"] = _row(_by_type(cases.filter(received_on__gte=start, received_on__lte=end)))
    table["carried_over"] = _row(_by_type(cases.filter(received_on__lte=before).filter(~concluded_by(before))))
    table["carry_forward"] = _row(_by_type(cases.filter(received_on__lte=end).filter(~concluded_by(end))))

    results = (
        CaseEvent.objects.filter(application__agency=agency, kind__in=CONCLUDING_KINDS, date__gte=start, date__lte=end)
        .values("outcome", "application__applicant_type")
        .annotate(n=Count("pk"))
        .order_by()
    )
    per_row: dict[str, Counter[str]] = {}
    for r in results:
        key = row_for(r["outcome"], fmt.code)
        if key not in table:
            raise ValueError(f"办理结果「{r['outcome']}」不属于 {fmt.code} 年版表二的结果行")
        per_row.setdefault(key, Counter())[r["application__applicant_type"]] += r["n"]
    total: Counter[str] = Counter()
    for key, counts in per_row.items():
        table[key] = _row(counts)
        total.update(counts)
    table["total"] = _row(total)
    return table


def table3_for(agency: Any, year: int) -> list[int]:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    qs = (
        ReviewCase.objects.filter(agency=agency)
        .counted()
        .filter(filed_on__lte=end)
        .filter(Q(concluded_on__isnull=True) | Q(concluded_on__gte=start))
    )
    rows = (
        qs.annotate(
            done=Q(concluded_on__isnull=False) & Q(concluded_on__lte=end),
        )
        .values("route", "result", "done")
        .annotate(n=Count("pk"))
        .order_by()
    )
    cells = dict.fromkeys(L.T3_KEYS, 0)
    for r in rows:
        group = _ROUTE_GROUP[r["route"]]
        result = r["result"] if r["done"] else ReviewResult.PENDING
        cells[f"{group}_{_RESULT_LEAF[result]}"] += r["n"]
        cells[f"{group}_total"] += r["n"]
    return [cells[k] for k in L.T3_KEYS]


def tables_for(agency: Any, year: int) -> dict[str, Any]:
    """`{"table2": {row_key: [7 ints]}, "table3": [15 ints]}` (§J) for `agency`'s own cases in `year`."""
    return {"table2": table2_for(agency, year), "table3": table3_for(agency, year)}


def fees_for(agency: Any, year: int) -> dict[str, Any]:
    """信息处理费 of `agency` in `year`: notices issued, amount notified and amount collected (元)."""
    from decimal import Decimal

    from django.db.models import Sum

    from web.applications.choices import EventKind

    notices = CaseEvent.objects.filter(application__agency=agency, kind=EventKind.FEE_NOTIFIED, date__year=year)
    agg = notices.aggregate(n=Count("pk"), amount=Sum("fee_amount"))
    paid = CaseEvent.objects.filter(application__agency=agency, kind=EventKind.FEE_PAID, date__year=year)
    collected = CaseEvent.objects.filter(
        kind=EventKind.FEE_NOTIFIED, application__in=paid.values("application")
    ).aggregate(amount=Sum("fee_amount"))["amount"]
    return {"notices": agg["n"] or 0, "notified": agg["amount"] or Decimal(0), "collected": collected or Decimal(0)}
