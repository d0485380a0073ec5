"""Demo annual reports: every demo agency's 2024 report published (so 2025 has last year's figures and
problems), a few 2025 reports in different states for the supervisor's board, and the district
government's 2025 report left for a newcomer to compile. Deterministic (seeded)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.utils import timezone

from web.accounts.models import Agency, AgencyKind, log_change
from web.reports import narrative, workflow
from web.reports.models import AnnualReport, PriorNote, ReportState
from xxgk.model import T2_WIDTH, Cell, Report, empty_report
from xxgk.model import labels as L
from xxgk.rules import check

PROBLEMS = (
    "一是政策解读形式较为单一，图表、音视频等解读方式运用不多；二是依申请公开答复文书的规范性有待提高。",
    "一是部分栏目信息更新不够及时；二是工作人员业务培训覆盖面不足，对条例的理解有待加深。",
    "一是主动公开的深度和广度还不够，重点领域信息公开不够细化；二是政务新媒体互动回应不够及时。",
    "一是基层政务公开标准化规范化建设有待加强；二是公开平台之间信息同步不够。",
)
MEASURES = (
    "下一步，我们将丰富政策解读形式，规范答复文书，提升依申请公开办理质量。",
    "下一步，我们将建立栏目更新提醒机制，定期组织全员培训。",
    "下一步，我们将细化重点领域信息公开清单，加强政务新媒体管理。",
    "下一步，我们将推进基层政务公开标准化，统一各平台信息发布。",
)
PLATFORM = (
    "本机关依托区政府门户网站政府信息公开专栏集中发布信息，政务新媒体同步推送。",
    "本机关在政务服务大厅设置政府信息查阅点，方便群众查阅。",
    "本机关持续优化门户网站栏目设置，及时更新法定主动公开内容。",
    "本机关通过政务微信公众号、新闻发布会等多种渠道发布政府信息。",
)


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def synthetic(
    agency: Agency, year: int, rng: random.Random, *, scale: int = 1, previous: Report | None = None
) -> Report:
    """A consistent report (every 勾稽关系 holds) with figures of an agency of this kind."""
    report = empty_report(year, agency.name, agency.agency_type_label)
    spec = report.spec
    for key in report.table1:
        column = spec.table1_column(key)
        if column.kind == "amount":
            report.table1[key] = Cell.of(Decimal(rng.randint(0, 90)) / Decimal(100))
        elif key.startswith(L.T1_ROW_RULES + L.T1_KEY_SEPARATOR):
            report.table1[key] = Cell.of(0)  # a district and its departments make no 规章
        else:
            report.table1[key] = Cell.of(rng.randint(0, 40) * scale)
    # 行政规范性文件: in force = last year's in force + issued − repealed (T1-03).
    normative = L.T1_ROW_NORMATIVE_2021
    issued, repealed = rng.randint(0, 8) * scale, rng.randint(0, 3)
    before = previous.table1.get(f"{normative}/{L.T1_COL_IN_FORCE}") if previous else None
    base = int(before.value) if before is not None and before.value is not None else rng.randint(20, 60) * scale
    report.table1[f"{normative}/{L.T1_COL_ISSUED}"] = Cell.of(issued)
    report.table1[f"{normative}/{L.T1_COL_REPEALED}"] = Cell.of(repealed)
    report.table1[f"{normative}/{L.T1_COL_IN_FORCE}"] = Cell.of(max(base + issued - repealed, 0))
    rows: dict[str, list[int]] = {key: [0] * T2_WIDTH for key in report.table2}
    results = [k for k in spec.result_keys if k != "total"]
    weights = {
        "granted": 8,
        "partial": 3,
        "unable_1": 4,
        "refused_4": 1,
        "not_processed_2": 1,
        "other_1": 1,
        "other": 1,
    }
    for col, top in enumerate((14, 3, 1, 0, 1, 1)):
        new = rng.randint(0, top) * scale
        carried = rng.randint(0, 1) if top else 0
        forward = rng.randint(0, 1) if new else 0
        rows["new"][col], rows["carried_over"][col], rows["carry_forward"][col] = new, carried, forward
        concluded = new + carried - forward
        pool = [k for k in results if k in weights]
        for _ in range(concluded):
            key = rng.choices(pool, [weights[k] for k in pool])[0]
            rows[key][col] += 1
        rows["total"][col] = concluded
    for key, values in rows.items():
        values[T2_WIDTH - 1] = sum(values[: T2_WIDTH - 1])
        report.table2[key] = [Cell.of(v) for v in values]
    table3 = []
    for _ in range(3):
        leaves = [rng.choice((0, 0, 0, 1)) for _ in range(4)]
        table3 += [*leaves, sum(leaves)]
    report.table3 = [Cell.of(v) for v in table3]
    return report


def year_word(report: Report) -> str:
    return f"{report.year}年度政府信息公开工作仍存在一些不足："


def write_parts(report: Report, agency: Agency, rng: random.Random, previous: Report | None) -> None:
    is_gov = agency.kind == AgencyKind.GOVERNMENT
    pick = (agency.pk * 3 + (report.year or 0)) % len(PROBLEMS)
    part1 = narrative.part1(
        report,
        is_government=is_gov,
        assessment="将政务公开纳入年度绩效考核，组织开展社会评议，本年度未发生需要责任追究的情形。",
    )
    short = agency.short_name or agency.name.removeprefix("清河区")
    part1 = (
        part1.replace(
            narrative.TODO.format("政府网站、政务新媒体、政务服务场所等公开平台建设情况"),
            PLATFORM[pick].replace("本机关", short),
        )
        .replace(
            narrative.TODO.format("政府信息公开属性源头认定、保密审查、政策解读等情况"),
            f"{short}坚持公文公开属性源头认定，落实先审查、后公开和一事一审制度。",
        )
        .replace(
            narrative.TODO.format("组织领导、监督检查等情况"),
            f"{short}明确分管负责同志和专职工作人员，全年开展业务培训和自查。",
        )
    )
    texts = {
        1: part1,
        4: narrative.part4(report),
        5: f"（一）存在的主要问题。{short}{year_word(report)}{PROBLEMS[pick]}\n"
        f"（二）改进情况。{MEASURES[pick].replace('我们', short)}",
        6: "本年度未发出信息处理费收费通知，未收取信息处理费。",
    }
    if previous is not None and (old := narrative.problems_of(previous)):
        texts[5] += (
            f"\n（三）上年度问题整改情况。针对上年度报告所列问题「{old.removeprefix('（一）存在的主要问题。')}」，已逐项整改到位。"
        )
    for part in report.parts:
        part.text = texts.get(part.number, "")


def _store(
    agency: Agency, year: int, report: Report, state: str, user: Any, *, published: dt.date | None = None
) -> AnnualReport:
    row = AnnualReport(agency=agency, year=year, state=state, created_by=user)
    row.set_report(report)
    prev = AnnualReport.objects.filter(agency=agency, year=year - 1, state=ReportState.PUBLISHED).first()
    row.store_counts(check(report, previous=prev.report if prev else None))
    if state in (ReportState.APPROVED, ReportState.PUBLISHED):
        row.approved_by, row.approved_at = user, _at(published or dt.date(year + 1, 1, 15), 9)
    if published is not None:
        row.published_at = _at(published)
    row.save()
    log_change(user, agency, row, "demo", f"演示数据：{year}年度报告（{row.get_state_display()}）")
    return row


def load(ctx: Any) -> None:
    rng = random.Random(2025)
    user = ctx.users["banli"]
    agencies: list[Agency] = ctx.agencies
    published_2024: dict[int, Report] = {}
    for agency in agencies:
        scale = 3 if agency.kind == AgencyKind.GOVERNMENT else 1
        report = synthetic(agency, 2024, rng, scale=scale)
        write_parts(report, agency, rng, None)
        deadline_day = 28 if agency.kind == AgencyKind.GOVERNMENT else 24
        month = 3 if agency.kind == AgencyKind.GOVERNMENT else 1
        _store(agency, 2024, report, ReportState.PUBLISHED, user, published=dt.date(2025, month, deadline_day))
        published_2024[agency.pk] = report

    gov, depts, streets = ctx.government, ctx.departments, ctx.streets
    PriorNote.objects.get_or_create(
        agency=gov,
        year=2025,
        defaults={
            "key_points": "对照本年度政务公开工作要点逐项制定任务分工，均已按期完成。",
            "proposals": "本年度承办的人大代表建议和政协委员提案办理结果均已在门户网站公开。",
            "assessment": (
                "将政务公开工作纳入全区高质量发展综合考核，委托第三方开展社会评议，本年度未发生责任追究情形。"
            ),
        },
    )

    def consistent_2025(agency: Agency) -> Report:
        report = synthetic(agency, 2025, rng, previous=published_2024[agency.pk])
        # Carry last year's carry-forward into this year's 上年结转 (T2-06) and keep the totals right.
        prev = published_2024[agency.pk]
        carried = [c.value or 0 for c in prev.table2["carry_forward"]]
        old = [c.value or 0 for c in report.table2["carried_over"]]
        rows = {k: [int(c.value or 0) for c in report.table2[k]] for k in ("new", "granted", "total")}
        for i in range(T2_WIDTH - 1):
            delta = int(carried[i]) - int(old[i])
            if delta >= 0:  # more carried in: more concluded (予以公开)
                rows["granted"][i] += delta
                rows["total"][i] += delta
            else:  # fewer carried in: as many more new applications, same results
                rows["new"][i] -= delta
        for key, values in rows.items():
            values[T2_WIDTH - 1] = sum(values[: T2_WIDTH - 1])
            report.table2[key] = [Cell.of(v) for v in values]
        report.table2["carried_over"] = [Cell.of(int(v)) for v in carried]
        write_parts(report, agency, rng, prev)
        return report

    # 2025: one published on time, one approved, one in review, one draft that copies last year's text,
    # two drafts compiled from the records, one street published late; the government not yet compiled.
    _store(depts[0], 2025, consistent_2025(depts[0]), ReportState.PUBLISHED, user, published=dt.date(2026, 1, 23))
    _store(depts[2], 2025, consistent_2025(depts[2]), ReportState.APPROVED, user)
    _store(depts[3], 2025, consistent_2025(depts[3]), ReportState.REVIEW, user)
    copied = consistent_2025(depts[4])
    for part in copied.parts:
        old = published_2024[depts[4].pk].part(part.number)
        if part.number in (1, 5) and old is not None:
            part.text = old.text.replace("2024年", "2025年")
    _store(depts[4], 2025, copied, ReportState.DRAFT, user)
    if streets:
        _store(
            streets[0], 2025, consistent_2025(streets[0]), ReportState.PUBLISHED, user, published=dt.date(2026, 2, 10)
        )
    for agency in (depts[1], depts[5]):
        workflow.start(agency, 2025, user)
    ctx.extra["reports"] = {"published_2024": len(published_2024)}
