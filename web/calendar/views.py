from __future__ import annotations

import datetime as dt
from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from web.calendar.adapter import build_calendar
from web.calendar.models import CalendarDay, DayKind, HolidayYear
from xxgk.workdays import CalendarYearMissing


def _runs(days: list[CalendarDay]) -> list[dict[str, object]]:
    """Consecutive days of the same holiday name as one line: 春节 2月10日—2月17日（8天）."""
    out: list[dict[str, object]] = []
    for name, group in groupby(days, key=lambda d: d.name):
        items = list(group)
        run: list[CalendarDay] = [items[0]]
        for day in items[1:]:
            if (day.date - run[-1].date).days == 1:
                run.append(day)
            else:
                out.append({"name": name, "first": run[0].date, "last": run[-1].date, "count": len(run)})
                run = [day]
        out.append({"name": name, "first": run[0].date, "last": run[-1].date, "count": len(run)})
    return out


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The years whose holiday arrangement is entered, one year's holidays and make-up days, a warning for
    missing years, and a small deadline calculator."""
    today = timezone.localdate()
    years = list(
        HolidayYear.objects.annotate(
            holidays=Count("days", filter=Q(days__kind=DayKind.HOLIDAY)),
            makeups=Count("days", filter=Q(days__kind=DayKind.MAKEUP_WORKDAY)),
        ).order_by("-year")
    )
    known = {y.year for y in years}
    try:
        selected = int(request.GET.get("year", ""))
    except ValueError:
        selected = today.year if today.year in known else (max(known) if known else today.year)
    chosen = next((y for y in years if y.year == selected), None)
    holidays: list[dict[str, object]] = []
    makeups: list[CalendarDay] = []
    if chosen is not None:
        days = list(chosen.days.order_by("date"))
        holidays = _runs([d for d in days if d.kind == DayKind.HOLIDAY])
        makeups = [d for d in days if d.kind == DayKind.MAKEUP_WORKDAY]
    missing_current = today.year not in known
    missing_next = (today.year + 1) not in known

    calc: dict[str, object] = {}
    start_text, days_text = request.GET.get("from", ""), request.GET.get("days", "")
    if start_text:
        try:
            start = dt.date.fromisoformat(start_text)
            n = int(days_text or 20)
            if not 0 <= n <= 200:
                raise ValueError
            calc = {"start": start, "days": n, "end": build_calendar().add_working_days(start, n)}
        except CalendarYearMissing as exc:
            calc = {"error": str(exc)}
        except ValueError:
            calc = {"error": "请填写有效的日期（YYYY-MM-DD）和 0 至 200 之间的工作日数"}
    return render(
        request,
        "calendar/index.html",
        {
            "years": years,
            "selected": selected,
            "chosen": chosen,
            "holidays": holidays,
            "makeups": makeups,
            "today": today,
            "missing_current": missing_current,
            "missing_next": missing_next,
            "next_year": today.year + 1,
            "calc": calc,
            "calc_from": start_text,
            "calc_days": days_text or "20",
        },
    )
