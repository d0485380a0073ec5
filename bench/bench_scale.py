"""Report compile at the scale of a big agency, as a ratio to the raw SQL aggregation it needs.

    .venv/bin/python bench/bench_scale.py [--cases 100000] [--items 50000] [--repeat 3] [--postgres]

Builds a throw-away database (a temporary SQLite file, or with --postgres a new database on the
PostgreSQL at 127.0.0.1:5432 that is dropped afterwards), migrates it, and bulk-creates with the real models
one department with `--cases` applications (received over three years, nine in ten concluded with an
outcome, some with fee notices), review cases, `--items` catalogue items, normative documents, decisions and
fee income; a second agency gets a tenth as many cases so that the queries must filter by agency.

Then, best of `--repeat` runs each:
- compile: `web.reports.compile.compile_report(agency, year)` (tables 1–3 through `table1_for`,
  `tables_for`, `fees_for`, and the narrative parts);
- baseline: the same counts by hand-written SQL (one statement per figure group, run through the cursor).
The compiled tables are checked equal to the baseline's figures. Prints the ratio (goal ≤ 3×) and the
query count of one compile at full size and at a hundredth of it: equal counts mean no per-row queries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
YEAR = 2025
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "web.settings")
    os.environ.setdefault("XXGK_LOG_LEVEL", "ERROR")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def populate(agency: Any, user: Any, cases: int, items: int, seed: int) -> None:
    """Bulk-create the records of one agency (deterministic for a seed)."""
    from web.applications.choices import (
        ApplicantType,
        EventKind,
        Outcome,
        ReceiptChannel,
        ReviewResult,
        ReviewRoute,
    )
    from web.applications.models import Application, CaseEvent, ReviewCase
    from web.catalogue.categories import CATEGORY_CHOICES
    from web.catalogue.models import Item, Status
    from web.registers.models import ActionKind, Decision, DocumentKind, FeeIncome, NormativeDocument

    rng = random.Random(seed)
    types = list(ApplicantType.values)
    type_weights = [70, 12, 3, 3, 5, 7][: len(types)]
    outcomes = [o for o in Outcome.values if o != Outcome.OTHER]
    first, last = dt.date(YEAR - 2, 1, 1), dt.date(YEAR, 12, 31)
    batch = 5000
    prefix = f"A{agency.pk}-"

    apps = [
        Application(
            agency=agency,
            tracking_number=f"{prefix}{i:08d}",
            applicant_type=rng.choices(types, weights=type_weights)[0],
            applicant_name=f"申请人{i}",
            id_number=f"{110105194912310000 + i % 10000:018d}",
            description="所需信息的描述",
            channel=ReceiptChannel.IN_PERSON,
            submitted_on=(received := _day(rng, first, last)),
            received_on=received,
        )
        for i in range(cases)
    ]
    Application.objects.bulk_create(apps, batch_size=batch)
    ids = dict(
        Application.objects.filter(agency=agency).values_list("tracking_number", "pk").iterator(chunk_size=batch)
    )
    events: list[CaseEvent] = []
    for application in apps:
        pk = ids[application.tracking_number]
        received = application.received_on
        events.append(CaseEvent(application_id=pk, seq=0, kind=EventKind.RECEIVED, date=received))
        if rng.random() < 0.03:
            amount = Decimal(rng.choice((100, 200, 300)))
            notice_day = received + dt.timedelta(days=rng.randint(3, 10))
            events.append(
                CaseEvent(application_id=pk, seq=1, kind=EventKind.FEE_NOTIFIED, date=notice_day, fee_amount=amount)
            )
            if rng.random() < 0.5:
                paid_day = notice_day + dt.timedelta(days=5)
                events.append(CaseEvent(application_id=pk, seq=2, kind=EventKind.FEE_PAID, date=paid_day))
        if rng.random() < 0.9:
            decided = received + dt.timedelta(days=rng.randint(1, 40))
            events.append(
                CaseEvent(application_id=pk, seq=5, kind=EventKind.DECIDED, date=decided, outcome=rng.choice(outcomes))
            )
        if len(events) >= batch:
            CaseEvent.objects.bulk_create(events)
            events.clear()
    CaseEvent.objects.bulk_create(events)

    reviews = []
    for i in range(max(1, cases // 300)):
        filed = _day(rng, first, last)
        done = rng.random() < 0.7
        reviews.append(
            ReviewCase(
                agency=agency,
                route=rng.choice(ReviewRoute.values),
                case_number=f"{prefix}R{i}",
                filed_on=filed,
                concluded_on=filed + dt.timedelta(days=rng.randint(10, 200)) if done else None,
                result=rng.choice([r for r in ReviewResult.values if r != ReviewResult.PENDING])
                if done
                else ReviewResult.PENDING,
            )
        )
    ReviewCase.objects.bulk_create(reviews, batch_size=batch)

    categories = [code for code, _ in CATEGORY_CHOICES]
    catalogue = []
    for i in range(items):
        formed = _day(rng, first, last)
        catalogue.append(
            Item(
                agency=agency,
                category=rng.choice(categories),
                title=f"信息{i}",
                body="正文" * 20,
                issuer=agency.name,
                formed_on=formed,
                published_on=formed + dt.timedelta(days=rng.randint(0, 25)),
                status=Status.PUBLISHED,
                author=user,
            )
        )
    Item.objects.bulk_create(catalogue, batch_size=batch)

    documents = []
    for i in range(max(1, items // 25)):
        issued = _day(rng, dt.date(YEAR - 8, 1, 1), last)
        documents.append(
            NormativeDocument(
                agency=agency,
                kind=rng.choice(DocumentKind.values),
                title=f"文件{i}",
                doc_no=f"{prefix}文〔{issued.year}〕{i}号",
                issued_on=issued,
                published_on=issued + dt.timedelta(days=rng.randint(0, 20)),
                repealed_on=issued + dt.timedelta(days=rng.randint(200, 4000)) if rng.random() < 0.3 else None,
            )
        )
    NormativeDocument.objects.bulk_create(documents, batch_size=batch)
    decisions = [
        Decision(
            agency=agency,
            kind=rng.choice(ActionKind.values),
            number=f"{prefix}D{i}",
            decided_on=_day(rng, first, last),
        )
        for i in range(max(1, cases // 5))
    ]
    Decision.objects.bulk_create(decisions, batch_size=batch)
    FeeIncome.objects.bulk_create(
        [
            FeeIncome(agency=agency, year=year, item=f"收费项目{i}", amount=Decimal(rng.randint(1, 99999)) / 10000)
            for year in (YEAR - 1, YEAR)
            for i in range(5)
        ]
    )


# --- the baseline: the figures by hand-written SQL ---------------------------------------------------------


def raw_figures(agency_id: int, year: int) -> dict[str, Any]:
    """Every count the report needs, by plain SQL through the cursor (no ORM, no Python per row)."""
    from django.db import connection

    from web.applications.models import CONCLUDING_KINDS, Application, CaseEvent, ReviewCase
    from web.registers.models import Decision, FeeIncome, NormativeDocument

    app, event = Application._meta.db_table, CaseEvent._meta.db_table
    start, end, before = dt.date(year, 1, 1), dt.date(year, 12, 31), dt.date(year - 1, 12, 31)
    kinds = ", ".join(["%s"] * len(CONCLUDING_KINDS))
    figures: dict[str, Any] = {}
    with connection.cursor() as cursor:

        def rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
            cursor.execute(sql, params)
            return list(cursor.fetchall())

        figures["new"] = rows(
            f"SELECT applicant_type, COUNT(*) FROM {app} WHERE agency_id = %s AND received_on BETWEEN %s AND %s "
            "GROUP BY applicant_type",
            [agency_id, start, end],
        )
        for name, day in (("carried_over", before), ("carry_forward", end)):
            figures[name] = rows(
                f"SELECT a.applicant_type, COUNT(*) FROM {app} a WHERE a.agency_id = %s AND a.received_on <= %s "
                f"AND NOT EXISTS (SELECT 1 FROM {event} e WHERE e.application_id = a.id AND e.kind IN ({kinds}) "
                "AND e.date <= %s) GROUP BY a.applicant_type",
                [agency_id, day, *CONCLUDING_KINDS, day],
            )
        figures["results"] = rows(
            f"SELECT e.outcome, a.applicant_type, COUNT(*) FROM {event} e JOIN {app} a ON a.id = e.application_id "
            f"WHERE a.agency_id = %s AND e.kind IN ({kinds}) AND e.date BETWEEN %s AND %s "
            "GROUP BY e.outcome, a.applicant_type",
            [agency_id, *CONCLUDING_KINDS, start, end],
        )
        figures["table3"] = rows(
            f"SELECT route, result, concluded_on IS NOT NULL AND concluded_on <= %s, COUNT(*) "
            f"FROM {ReviewCase._meta.db_table} WHERE agency_id = %s AND agency_role = 'original' "
            "AND filed_on <= %s AND (concluded_on IS NULL OR concluded_on >= %s) GROUP BY 1, 2, 3",
            [end, agency_id, end, start],
        )
        figures["documents"] = rows(
            "SELECT kind, SUM(CASE WHEN issued_on BETWEEN %s AND %s THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN repealed_on BETWEEN %s AND %s THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN issued_on <= %s AND (repealed_on IS NULL OR repealed_on > %s) THEN 1 ELSE 0 END) "
            f"FROM {NormativeDocument._meta.db_table} WHERE agency_id = %s GROUP BY kind",
            [start, end, start, end, end, end, agency_id],
        )
        figures["decisions"] = rows(
            f"SELECT kind, COUNT(*) FROM {Decision._meta.db_table} WHERE agency_id = %s "
            "AND decided_on BETWEEN %s AND %s GROUP BY kind",
            [agency_id, start, end],
        )
        figures["fee_income"] = rows(
            f"SELECT SUM(amount) FROM {FeeIncome._meta.db_table} WHERE agency_id = %s AND year = %s",
            [agency_id, year],
        )
        figures["fees"] = rows(
            f"SELECT COUNT(*), SUM(e.fee_amount) FROM {event} e JOIN {app} a ON a.id = e.application_id "
            "WHERE a.agency_id = %s AND e.kind = 'fee_notified' AND e.date BETWEEN %s AND %s",
            [agency_id, start, end],
        )
    return figures


def check_equal(report: Any, figures: dict[str, Any]) -> None:
    """The compiled report's table 2 agrees with the baseline's counts (so both did the same work)."""
    from web.applications.tables import APPLICANT_KEYS, row_for
    from xxgk.model import expected_format

    def row(pairs: list[tuple[Any, ...]]) -> list[int]:
        counts = Counter({t: n for t, n in pairs})
        values = [counts.get(k, 0) for k in APPLICANT_KEYS]
        return [*values, sum(values)]

    def values(key: str) -> list[Any]:
        return [cell.value for cell in report.table2[key]]

    for key in ("new", "carried_over", "carry_forward"):
        assert values(key) == row(figures[key]), (key, values(key), row(figures[key]))
    per_row: dict[str, list[tuple[str, int]]] = {}
    for outcome, applicant_type, n in figures["results"]:
        per_row.setdefault(row_for(outcome, expected_format(YEAR)), []).append((applicant_type, n))
    for key, pairs in per_row.items():
        assert values(key) == row(pairs), (key, values(key), row(pairs))
    total = sum(n for *_, n in figures["results"])
    assert report.table2["total"][-1].value == total


def best_of(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def query_count(run: Callable[[], Any]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        run()
    return len(captured.captured_queries)


def measure(cases: int, items: int, repeat: int, seed: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection

    from web.accounts.models import Agency, AgencyKind
    from web.reports.compile import compile_report

    user = get_user_model().objects.create(username="bench-scale")
    small = Agency.objects.create(name="基准测试局（小）", kind=AgencyKind.DEPARTMENT)
    big = Agency.objects.create(name="基准测试局", kind=AgencyKind.DEPARTMENT)
    started = time.perf_counter()
    populate(small, user, max(1, cases // 100), max(1, items // 100), seed + 1)
    populate(big, user, cases, items, seed)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"数据库：{connection.vendor}；造数 {time.perf_counter() - started:.0f} 秒")
    print(f"机关「{big.name}」：申请 {cases} 件，主动公开目录 {items} 条；对照机关：申请 {max(1, cases // 100)} 件")

    compile_once = lambda: compile_report(big, YEAR)  # noqa: E731
    raw_once = lambda: raw_figures(big.pk, YEAR)  # noqa: E731
    compile_once()  # warm-up: imports, statement caches
    raw_once()
    compile_time, report = best_of(repeat, compile_once)
    raw_time, figures = best_of(repeat, raw_once)
    check_equal(report, figures)
    queries_big = query_count(compile_once)
    queries_small = query_count(lambda: compile_report(small, YEAR))
    raw_queries = query_count(raw_once)

    ratio = compile_time / raw_time
    print(f"{'':<28}{'用时（秒）':>10}{'查询数':>8}")
    print(f"{'手写 SQL 汇总（基线）':<24}{raw_time:>12.3f}{raw_queries:>8}")
    print(f"{'compile_report':<28}{compile_time:>10.3f}{queries_big:>8}")
    print(f"编制用时 / 基线 = {ratio:.2f}×（目标 ≤ 3×）{'达标' if ratio <= 3 else '未达标'}")
    same = "相同，无逐行查询" if queries_big == queries_small else "不同：查询数随数据量增长"
    print(f"查询数：{cases} 件时 {queries_big} 次，{max(1, cases // 100)} 件时 {queries_small} 次（{same}）")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--postgres", action="store_true", help="use a throw-away database on 127.0.0.1:5432")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="xxgk-bench-scale-") as workdir:
        if not args.postgres:
            setup_django(f"sqlite:///{Path(workdir) / 'bench.sqlite3'}")
            measure(args.cases, args.items, args.repeat, args.seed)
            return 0
        import psycopg

        name = f"xxgk_bench_scale_{os.getpid()}"
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            setup_django(PG_ADMIN.rsplit("/", 1)[0] + f"/{name}")
            measure(args.cases, args.items, args.repeat, args.seed)
        finally:
            from django.db import connections

            connections.close_all()
            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
