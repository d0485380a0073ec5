"""The column timeliness monitor (spec §F.2) against hand-made column histories."""

from __future__ import annotations

import datetime as dt

import pytest

from web.catalogue import monitor as m

AT = dt.date(2025, 6, 30)


def col(name: str, ctype: str, *days_ago: int, top: bool = True) -> m.ColumnHistory:
    return m.ColumnHistory(
        key=name, name=name, column_type=ctype, top_level=top, dates=[AT - dt.timedelta(days=d) for d in days_ago]
    )


def state(column: m.ColumnHistory, thresholds: m.Thresholds | None = None) -> str:
    return m.column_status(column, AT, thresholds or m.Thresholds()).state


def test_dynamic_column_is_stale_after_two_weeks_not_before() -> None:
    assert state(col("要闻", m.DYNAMIC, 14)) == m.DUE_SOON  # an item exactly 14 days ago still counts
    assert state(col("要闻", m.DYNAMIC, 15, 40)) == m.STALE
    assert state(col("要闻", m.DYNAMIC, 3)) == m.OK


def test_notice_column_uses_calendar_months() -> None:
    # 6 months before 2025-06-30 is 2024-12-30: an item on that day keeps the column up to date.
    on_edge = m.ColumnHistory("n", "通知公告", m.NOTICE, True, [dt.date(2024, 12, 30)])
    before = m.ColumnHistory("n", "通知公告", m.NOTICE, True, [dt.date(2024, 12, 29)])
    assert state(on_edge) == m.DUE_SOON
    assert state(before) == m.STALE
    status = m.column_status(before, AT, m.Thresholds())
    assert status.due == dt.date(2025, 6, 29) and status.overdue_days == 1


def test_month_arithmetic_clamps_the_day() -> None:
    assert m.period_start(dt.date(2025, 8, 31), "6m") == dt.date(2025, 2, 28)
    assert m.period_start(dt.date(2024, 8, 31), "6m") == dt.date(2024, 2, 29)
    assert m.period_start(dt.date(2025, 1, 15), "2m") == dt.date(2024, 11, 15)


def test_future_items_and_empty_and_unmonitored_columns() -> None:
    assert state(col("空", m.NOTICE)) == m.EMPTY
    assert state(col("空", m.NOTICE, -3)) == m.EMPTY  # scheduled items after the monitoring date do not count
    assert state(col("概况", m.OTHER, 900)) == m.UNMONITORED


def test_core_stale_veto_counts_dynamic_and_first_level_notice_policy_columns_only() -> None:
    columns = [
        col("要闻", m.DYNAMIC, 20),
        col("部门动态", m.DYNAMIC, 30),
        col("通知", m.NOTICE, 200),
        col("政策", m.POLICY, 300),
        col("二级政策", m.POLICY, 300, top=False),  # second-level: not in rule (1)
        col("人事", m.PERSONNEL, 400),  # other types: not in rule (1)
    ]
    result = m.evaluate(columns, AT)
    assert result.count(m.STALE) == 6
    assert [v.code for v in result.vetoes] == []
    assert [v.code for v in result.risks] == ["core_stale"]  # 4 of 5: one more and the site fails
    result = m.evaluate([*columns, col("街道动态", m.DYNAMIC, 16)], AT)
    assert [v.code for v in result.vetoes] == ["core_stale"]
    assert result.vetoes[0].count == 5


def test_any_stale_and_empty_vetoes() -> None:
    stale = [col(f"人事{i}", m.PERSONNEL, 400) for i in range(10)]
    assert [v.code for v in m.evaluate(stale, AT).vetoes] == ["any_stale"]
    assert m.evaluate(stale[:9], AT).vetoes == ()
    empty = [col(f"空{i}", m.OTHER) for i in range(5)]
    assert [v.code for v in m.evaluate(empty, AT).vetoes] == ["empty"]
    assert [v.code for v in m.evaluate(empty[:4], AT).risks] == ["empty"]


def test_thresholds_are_configurable() -> None:
    strict = m.Thresholds.from_settings({"limits": {m.DYNAMIC: "7d"}, "veto_core_stale": 2})
    assert state(col("要闻", m.DYNAMIC, 10), strict) == m.STALE
    result = m.evaluate([col("a", m.DYNAMIC, 10), col("b", m.DYNAMIC, 8)], AT, strict)
    assert [v.code for v in result.vetoes] == ["core_stale"]
    flat = m.Thresholds.from_settings({"dynamic": "7d", "veto_core_stale": "2"})  # as read from XXGK_TIMELINESS
    assert flat == strict
    with pytest.raises(ValueError, match="未知的栏目监测参数"):
        m.Thresholds.from_settings({"dynamik": "7d"})
    with pytest.raises(ValueError, match="应为整数"):
        m.Thresholds.from_settings({"veto_empty": "five"})
    with pytest.raises(ValueError, match="格式不正确"):
        m.Thresholds.from_settings({"limits": {m.DYNAMIC: "two weeks"}})


def test_needs_attention_lists_stale_then_empty_then_due_soon() -> None:
    result = m.evaluate([col("soon", m.DYNAMIC, 12), col("empty", m.NOTICE), col("stale", m.DYNAMIC, 40)], AT)
    assert [s.column.name for s in result.needs_attention] == ["stale", "empty", "soon"]
