"""Demo registers 2019 to this year for every agency of the demo district, shaped like a real district:
the market regulator decides hundreds of licences and penalties, the housing bureau collects most fees,
the district government issues the normative documents. Deterministic (seeded per agency)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from web.accounts.demo import DemoContext
from web.accounts.models import Agency
from web.registers.models import (
    Activity,
    ActivityKind,
    Channel,
    ChannelCount,
    Decision,
    DocumentKind,
    FeeIncome,
    Matter,
    MatterKind,
    NormativeDocument,
    Procurement,
)

FIRST_YEAR = 2019

# Yearly ranges: licences, penalties, coercive measures, other services (decisions); normative documents.
PROFILES: dict[str, dict[str, tuple[int, int]]] = {
    "清河区人民政府": {
        "licensing": (0, 6),
        "penalty": (0, 0),
        "coercion": (0, 0),
        "other_service": (10, 30),
        "docs": (4, 9),
    },
    "发展和改革局": {
        "licensing": (20, 45),
        "penalty": (1, 4),
        "coercion": (0, 0),
        "other_service": (30, 60),
        "docs": (0, 2),
    },
    "教育局": {"licensing": (5, 14), "penalty": (0, 3), "coercion": (0, 0), "other_service": (40, 90), "docs": (1, 3)},
    "财政局": {"licensing": (0, 2), "penalty": (1, 6), "coercion": (0, 0), "other_service": (10, 20), "docs": (1, 2)},
    "人力资源和社会保障局": {
        "licensing": (25, 55),
        "penalty": (8, 20),
        "coercion": (0, 1),
        "other_service": (80, 150),
        "docs": (0, 2),
    },
    "住房和城乡建设局": {
        "licensing": (150, 260),
        "penalty": (25, 60),
        "coercion": (2, 6),
        "other_service": (30, 70),
        "docs": (1, 3),
    },
    "市场监督管理局": {
        "licensing": (380, 560),
        "penalty": (120, 240),
        "coercion": (15, 35),
        "other_service": (60, 120),
        "docs": (0, 2),
    },
    "卫生健康委员会": {
        "licensing": (90, 170),
        "penalty": (20, 45),
        "coercion": (0, 3),
        "other_service": (20, 50),
        "docs": (0, 2),
    },
    "应急管理局": {
        "licensing": (8, 25),
        "penalty": (15, 40),
        "coercion": (3, 9),
        "other_service": (5, 15),
        "docs": (0, 1),
    },
    "望江街道办事处": {
        "licensing": (0, 3),
        "penalty": (10, 30),
        "coercion": (0, 3),
        "other_service": (5, 20),
        "docs": (0, 0),
    },
    "东湖镇人民政府": {
        "licensing": (0, 4),
        "penalty": (6, 20),
        "coercion": (0, 2),
        "other_service": (5, 20),
        "docs": (0, 0),
    },
}
FEES: dict[str, tuple[tuple[str, int, int], ...]] = {
    # fee item, yearly range in yuan
    "住房和城乡建设局": (("城市基础设施配套费", 8_000_000, 21_000_000), ("城市道路占用挖掘修复费", 150_000, 600_000)),
    "教育局": (("教师资格考试费", 60_000, 140_000),),
    "市场监督管理局": (("计量检定费", 90_000, 260_000), ("特种设备检验检测费", 40_000, 120_000)),
    "卫生健康委员会": (("医疗事故鉴定费", 8_000, 40_000),),
    "人力资源和社会保障局": (("职业技能鉴定费", 30_000, 95_000),),
}
MATTER_NAMES = {
    MatterKind.LICENSING: "许可事项",
    MatterKind.OTHER_SERVICE: "公共服务事项",
    MatterKind.PENALTY: "处罚事项",
    MatterKind.COERCION: "强制事项",
    MatterKind.FEE: "收费项目",
}
DOC_TOPICS = (
    "农村集体资产管理",
    "城乡居民最低生活保障",
    "政府投资项目管理",
    "行政执法公示",
    "重大行政决策程序",
    "住房公积金提取",
    "中小学校舍安全",
    "促进就业创业",
    "建筑垃圾管理",
    "消防安全责任",
    "养老服务补贴",
    "优化营商环境",
)


def _profile(agency: Agency) -> dict[str, tuple[int, int]] | None:
    for key, profile in PROFILES.items():
        if agency.name.endswith(key):
            return profile
    return None


def _yuan_to_wan(yuan: int) -> Decimal:
    return (Decimal(yuan) / Decimal(10_000)).quantize(Decimal("0.0001"))


def _random_day(rng: random.Random, year: int, last: dt.date) -> dt.date:
    end = min(dt.date(year, 12, 31), last)
    start = dt.date(year, 1, 2)
    return start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def _agency(agency: Agency, profile: dict[str, tuple[int, int]], today: dt.date, seq: int) -> None:
    rng = random.Random(f"registers-{seq}")
    years = range(FIRST_YEAR, today.year + 1)
    short = agency.short_name or agency.name.removeprefix("清河区")
    word = short[:2]

    # Matters of the power list: a base before 2019, then a few created and abolished every year.
    matters: list[Matter] = []
    for kind, label in MATTER_NAMES.items():
        lo, hi = (
            profile.get(kind, (0, 0))
            if kind != MatterKind.FEE
            else (1, 1)
            if agency.name.endswith(tuple(FEES))
            else (0, 0)
        )
        if hi == 0 and kind != MatterKind.FEE:
            continue
        base = 2 + hi // 20
        for i in range(base):
            matters.append(
                Matter(
                    agency=agency,
                    kind=kind,
                    name=f"{word}{label}{i + 1:02d}",
                    basis="依据有关法律法规",
                    established_on=dt.date(2015, 1, 1),
                )
            )
        for year in years:
            for j in range(rng.randint(0, 2)):
                matters.append(
                    Matter(
                        agency=agency,
                        kind=kind,
                        name=f"{word}{label}{year}-{j + 1}",
                        basis="依据新修订的地方性法规",
                        established_on=_random_day(rng, year, today),
                    )
                )
    for m in matters:
        if rng.random() < 0.12:
            year = rng.randint(max(m.established_on.year + 1, FIRST_YEAR), today.year + 1)
            if year <= today.year:
                m.abolished_on = _random_day(rng, year, today)
    Matter.objects.bulk_create(matters)

    # Decisions per year (the current year only up to today).
    decisions: list[Decision] = []
    prefixes = {"licensing": "许", "penalty": "罚", "coercion": "强", "other_service": "服"}
    for year in years:
        share = 1.0 if year < today.year else today.timetuple().tm_yday / 366
        for kind, prefix in prefixes.items():
            lo, hi = profile[kind]
            n = round(rng.randint(lo, hi) * share)
            for k in range(n):
                decisions.append(
                    Decision(
                        agency=agency,
                        kind=kind,
                        number=f"清{word}{prefix}字〔{year}〕{k + 1}号",
                        decided_on=_random_day(rng, year, today),
                        matter=f"{word}{MATTER_NAMES[kind]}{rng.randint(1, 3):02d}",
                    )
                )
    Decision.objects.bulk_create(decisions, batch_size=1000)

    # Normative documents (rules: a district has no rule-making power, so none).
    docs: list[NormativeDocument] = []
    doc_prefix = "清政规" if agency.parent_id and agency.kind == "gov" else f"清{word}规"
    for year in range(2016, today.year + 1):
        lo, hi = profile["docs"]
        for k in range(rng.randint(lo, hi)):
            issued = _random_day(rng, year, today)
            published = issued + dt.timedelta(days=rng.randint(2, 18))
            docs.append(
                NormativeDocument(
                    agency=agency,
                    kind=DocumentKind.NORMATIVE,
                    title=f"{agency.name}关于{rng.choice(DOC_TOPICS)}的若干规定",
                    doc_no=f"{doc_prefix}〔{year}〕{k + 1}号",
                    issued_on=issued,
                    published_on=published if published <= today else None,
                    repealed_on=None,
                )
            )
    for d in docs:
        if rng.random() < 0.2:
            year = rng.randint(max(d.issued_on.year + 1, FIRST_YEAR), today.year + 2)
            if year <= today.year:
                d.repealed_on = _random_day(rng, year, today)
    NormativeDocument.objects.bulk_create(docs)

    # Fee income in 万元 (4 places = exact yuan).
    for item, lo, hi in next((v for k, v in FEES.items() if agency.name.endswith(k)), ()):
        FeeIncome.objects.bulk_create(
            [
                FeeIncome(agency=agency, year=y, item=item, amount=_yuan_to_wan(rng.randint(lo, hi)))
                for y in years
                if y < today.year
            ]
        )

    # Centralised procurement (reported in the 2019 format; kept for every year).
    Procurement.objects.bulk_create(
        [
            Procurement(
                agency=agency,
                project=f"{short}{rng.choice(('办公设备', '信息化运维', '物业服务', '印刷服务', '公务用车'))}采购项目",
                contracted_on=_random_day(rng, y, today),
                amount=_yuan_to_wan(rng.randint(30_000, 2_400_000)),
            )
            for y in years
            for _ in range(rng.randint(1, 6))
        ]
    )

    # Channels and activities quoted in part 1 of the report.
    big = agency.kind == "gov"
    for y in years:
        counts = {
            Channel.WEBSITE: rng.randint(600, 1600) if big else rng.randint(80, 420),
            Channel.WECHAT: rng.randint(300, 900) if big else rng.randint(20, 260),
            Channel.WEIBO: rng.randint(200, 700) if big else rng.randint(0, 120),
            Channel.DOUYIN: (rng.randint(40, 180) if big else rng.randint(0, 40)) if y >= 2021 else 0,
        }
        ChannelCount.objects.bulk_create(
            [ChannelCount(agency=agency, year=y, channel=c, items=n) for c, n in counts.items() if n]
        )
        activities = []
        for kind, (lo, hi) in (
            (ActivityKind.INTERPRETATION, (3, 14)),
            (ActivityKind.PRESS, (0, 4)),
            (ActivityKind.TRAINING, (1, 5)),
        ):
            for k in range(rng.randint(lo, hi) if big or kind != ActivityKind.PRESS else 0):
                activities.append(
                    Activity(
                        agency=agency,
                        kind=kind,
                        held_on=_random_day(rng, y, today),
                        title=f"{short}{y}年{ActivityKind(kind).label}（第{k + 1}次）",
                        participants=rng.randint(20, 180) if kind == ActivityKind.TRAINING else None,
                    )
                )
        Activity.objects.bulk_create(activities)


def load(ctx: DemoContext) -> None:
    for seq, agency in enumerate(ctx.agencies):
        profile = _profile(agency)
        if profile is not None:
            _agency(agency, profile, ctx.today, seq)
