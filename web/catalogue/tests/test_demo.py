"""The demo data makes the dashboards and table 1 meaningful (and stays deterministic)."""

from __future__ import annotations

import datetime as dt

import pytest

from web.accounts import demo as accounts_demo
from web.calendar import demo as calendar_demo
from web.catalogue import columns as monitoring
from web.catalogue import demo as catalogue_demo
from web.catalogue.models import Item, Status
from web.registers import demo as registers_demo
from web.registers.tables import table1_for
from xxgk.model import labels as L
from xxgk.model.formats import table1_key

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 1, 15)


def test_demo_makes_dashboards_and_table1_meaningful() -> None:
    # One test: loading the demo takes a while, and both halves read the same data.
    ctx = accounts_demo.load(TODAY)
    calendar_demo.load(ctx)
    catalogue_demo.load(ctx)
    registers_demo.load(ctx)
    check_catalogue(ctx)
    check_registers(ctx)


def check_catalogue(ctx) -> None:  # type: ignore[no-untyped-def]
    gov = ctx.government
    result = monitoring.evaluate(gov, TODAY)
    assert result.vetoes == ()
    assert [v.code for v in result.risks] == ["core_stale"]  # one single-veto risk
    stale = [s for s in result.statuses if s.state == "stale"]
    assert len(stale) >= 5 and result.count("empty") == 2 and result.count("due_soon") == 1
    published = Item.objects.filter(agency=gov, status=Status.PUBLISHED)
    assert set(published.values_list("category", flat=True)) >= {f"a{i:02d}" for i in range(1, 16)} | {"own"}
    lacking = {p.title for p in Item.objects.filter(agency=gov).policies_without_interpretation()}
    assert lacking == {"清河区突发事件总体应急预案", "清河区就业创业补贴资金管理办法"}
    assert sum(1 for i in published if i.is_late) == 2
    assert set(Item.objects.filter(agency=gov).exclude(status=Status.PUBLISHED).values_list("status", flat=True)) == {
        "draft",
        "review",
    }


def check_registers(ctx) -> None:  # type: ignore[no-untyped-def]
    market = next(a for a in ctx.departments if a.name.endswith("市场监督管理局"))
    t2020 = table1_for(market, 2020)
    assert t2020[table1_key(L.T1_ROW_LICENSING, L.T1_COL_DECISIONS_2019)] > 300  # type: ignore[operator]
    assert t2020[table1_key(L.T1_ROW_PROCUREMENT, L.T1_COL_PROCUREMENT_ITEMS)] >= 1  # type: ignore[operator]
    t2024 = table1_for(market, 2024)
    assert t2024[table1_key(L.T1_ROW_PENALTY, L.T1_COL_DECISIONS_2021)] > 100  # type: ignore[operator]
    assert t2024[table1_key(L.T1_ROW_FEES, L.T1_COL_FEE_AMOUNT)] > 0  # type: ignore[operator]
    gov = table1_for(ctx.government, 2025)
    assert gov[table1_key(L.T1_ROW_NORMATIVE_2021, L.T1_COL_IN_FORCE)] > 10  # type: ignore[operator]
    assert gov[table1_key(L.T1_ROW_RULES, L.T1_COL_IN_FORCE)] == 0  # a district has no rule-making power
