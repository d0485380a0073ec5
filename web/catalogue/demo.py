"""Demo catalogue: columns with histories (some overdue, some empty, one single-veto risk), items in the
fifteen 第二十条 categories plus the agency's own, policies with and without interpretations, two items
published late, and a few items at each workflow step. Deterministic: seeded random, dates from ctx.today.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from web.accounts.demo import DemoContext
from web.accounts.models import Agency
from web.catalogue.models import Column, ColumnType, Item, ItemEvent, Status, Validity, next_index_no

# (name, type, top level, owner key or None, days since the last item or None for never, items per year)
GOVERNMENT_COLUMNS: tuple[tuple[str, str, bool, str | None, int | None, int], ...] = (
    ("政务要闻", ColumnType.DYNAMIC, True, "banli", 12, 40),
    ("部门动态", ColumnType.DYNAMIC, True, "banli", 23, 24),
    ("乡镇街道动态", ColumnType.DYNAMIC, True, None, 37, 18),
    ("通知公告", ColumnType.NOTICE, True, "banli", 4, 20),
    ("政策文件", ColumnType.POLICY, True, "shenpi", 9, 10),
    ("政策解读", ColumnType.POLICY, False, "shenpi", 16, 8),
    ("财政预决算", ColumnType.NOTICE, True, "banli", 215, 3),
    ("重大建设项目", ColumnType.NOTICE, True, "banli", 250, 4),
    ("规划计划", ColumnType.PLANNING, True, "shenpi", 150, 2),
    ("人事信息", ColumnType.PERSONNEL, True, "banli", 420, 2),
    ("政民互动", ColumnType.INTERACTIVE, True, "banli", 26, 12),
    ("政府信息公开年报", ColumnType.REPORT, True, "banli", 300, 1),
    ("机构概况", ColumnType.OTHER, True, "banli", 500, 1),
    ("公共资源配置", ColumnType.OTHER, True, None, None, 0),
    ("社会救助", ColumnType.NOTICE, False, None, None, 0),
)

DEPARTMENT_COLUMNS: tuple[tuple[str, str, bool, int | None, int], ...] = (
    ("工作动态", ColumnType.DYNAMIC, True, 5, 30),
    ("通知公告", ColumnType.NOTICE, True, 20, 10),
    ("政策文件", ColumnType.POLICY, True, 60, 4),
    ("行政执法公示", ColumnType.NOTICE, True, 8, 12),
    ("政府信息公开年报", ColumnType.REPORT, True, 320, 1),
)

# Titles per column (a few templates each; a running number or a topic is appended).
TITLES: dict[str, tuple[str, ...]] = {
    "政务要闻": ("区政府召开常务会议研究部署{topic}工作", "区领导调研{topic}工作", "清河区召开{topic}工作推进会"),
    "部门动态": ("区{dept}开展{topic}专项行动", "区{dept}召开{topic}工作会议"),
    "乡镇街道动态": ("望江街道推进{topic}工作", "东湖镇开展{topic}宣传活动"),
    "通知公告": ("关于做好{topic}工作的通知", "关于开展{topic}的公告", "关于{topic}有关事项的通告"),
    "财政预决算": (
        "清河区{year}年区级财政预算公开",
        "清河区{year}年区级财政决算公开",
        "清河区{year}年“三公”经费预算说明",
    ),
    "重大建设项目": ("{topic}建设项目批准信息", "{topic}建设项目实施进展情况"),
    "规划计划": ("清河区{year}年国民经济和社会发展计划", "清河区“十四五”{topic}专项规划"),
    "人事信息": ("清河区{year}年度考试录用公务员拟录用人员公示", "清河区{year}年事业单位公开招聘公告"),
    "政民互动": ("关于{topic}问题的答复", "“{topic}”网民留言办理情况"),
    "政府信息公开年报": ("清河区人民政府{year}年政府信息公开工作年度报告",),
    "机构概况": ("清河区人民政府机构职能和联系方式",),
    "工作动态": ("{dept}开展{topic}检查", "{dept}召开{topic}工作会议"),
    "行政执法公示": ("{dept}行政处罚决定公示（{year}年第{n}批）", "{dept}行政许可结果公示（{year}年第{n}批）"),
}
TOPICS = (
    "安全生产",
    "防汛抗旱",
    "优化营商环境",
    "老旧小区改造",
    "食品安全",
    "义务教育招生",
    "城乡居民医保",
    "就业援助",
    "秸秆禁烧",
    "文明城市创建",
    "河长制",
    "消防安全",
    "农村人居环境整治",
    "困难群众救助",
)

# Category of the items in each column.
COLUMN_CATEGORY = {
    "政务要闻": "own",
    "部门动态": "own",
    "乡镇街道动态": "own",
    "工作动态": "own",
    "通知公告": "a15",
    "政策文件": "a01",
    "政策解读": "a01",
    "财政预决算": "a07",
    "重大建设项目": "a10",
    "规划计划": "a03",
    "人事信息": "a14",
    "政民互动": "own",
    "政府信息公开年报": "a15",
    "机构概况": "a02",
    "行政执法公示": "a06",
}
OWN_NAMES = {
    "政务要闻": "政务动态",
    "部门动态": "政务动态",
    "乡镇街道动态": "政务动态",
    "工作动态": "政务动态",
    "政民互动": "政民互动",
}

POLICIES: tuple[tuple[str, str, bool], ...] = (
    # (title, 文号 stem, has an interpretation)
    ("清河区促进民营经济高质量发展的若干措施", "清政发", True),
    ("清河区城乡居民最低生活保障实施办法", "清政规", True),
    ("清河区老旧小区改造实施方案", "清政办发", True),
    ("清河区义务教育阶段学校招生入学工作意见", "清政办发", True),
    ("清河区突发事件总体应急预案", "清政发", False),
    ("清河区就业创业补贴资金管理办法", "清政规", False),
)

# Extra items that fill the other 第二十条 categories (category, title).
CATEGORY_ITEMS: tuple[tuple[str, str], ...] = (
    ("a04", "清河区{year}年国民经济和社会发展统计公报"),
    ("a05", "清河区政务服务事项清单（{year}年版）"),
    ("a06", "清河区行政处罚裁量基准（{year}年修订）"),
    ("a08", "清河区行政事业性收费目录清单（{year}年）"),
    ("a09", "清河区{year}年政府集中采购目录及限额标准"),
    ("a11", "清河区{year}年困难群众救助资金发放情况"),
    ("a12", "清河区{year}年防汛防台应急预案"),
    ("a13", "清河区{year}年食品安全监督抽检信息"),
)


def _events(item: Item, users: dict[str, Any], at: dt.date) -> None:
    """A published demo item's history, dated on its publication day."""
    author, reviewer = item.author, item.reviewer
    steps = [
        (author, ItemEvent.Action.CREATE, "", Status.DRAFT),
        (author, ItemEvent.Action.SUBMIT, Status.DRAFT, Status.REVIEW),
        (reviewer, ItemEvent.Action.REVIEW_PASS, Status.REVIEW, Status.APPROVAL),
        (item.approver, ItemEvent.Action.APPROVE, Status.APPROVAL, Status.PUBLISHED),
    ]
    created = [
        ItemEvent.objects.create(item=item, actor=actor, action=action, from_status=before, to_status=after)
        for actor, action, before, after in steps
    ]
    stamp = dt.datetime.combine(at, dt.time(9, 30), tzinfo=dt.UTC)
    for i, event in enumerate(created):
        ItemEvent.objects.filter(pk=event.pk).update(at=stamp + dt.timedelta(minutes=40 * i))


class _Builder:
    def __init__(self, agency: Agency, users: dict[str, Any], author_key: str, reviewer_key: str, approver_key: str):
        self.agency = agency
        self.users = users
        self.author = users[author_key]
        self.reviewer = users[reviewer_key]
        self.approver = users[approver_key]

    def published(self, column: Column | None, category: str, title: str, published_on: dt.date, **extra: Any) -> Item:
        formed_on = extra.pop("formed_on", published_on - dt.timedelta(days=(published_on.toordinal() % 5) + 1))
        item = Item.objects.create(
            agency=self.agency,
            column=column,
            category=category,
            own_category=OWN_NAMES.get(column.name, "") if column and category == "own" else "",
            title=title,
            body=extra.pop("body", f"{title}。\n\n现将有关情况公开如下，请社会各界监督。"),
            issuer=self.agency.name,
            formed_on=formed_on,
            published_on=published_on,
            status=Status.PUBLISHED,
            author=self.author,
            reviewer=self.reviewer,
            approver=self.approver,
            index_no=next_index_no(self.agency, published_on.year),
            **extra,
        )
        _events(item, self.users, published_on)
        return item


def _fill_column(
    b: _Builder, column: Column, last_days: int | None, per_year: int, today: dt.date, rng: random.Random, dept: str
) -> None:
    if last_days is None or per_year == 0:
        return
    templates = TITLES.get(column.name, ("{topic}工作信息",))
    gap = max(365 // per_year, 1)
    day = today - dt.timedelta(days=last_days)
    start = today - dt.timedelta(days=730)
    n = 1
    while day >= start:
        title = rng.choice(templates).format(
            topic=rng.choice(TOPICS), year=day.year - (1 if "年报" in column.name else 0), dept=dept, n=n
        )
        b.published(column, COLUMN_CATEGORY.get(column.name, "own"), title, day)
        day -= dt.timedelta(days=max(1, gap + rng.randint(-gap // 3, gap // 3)))
        n += 1
        if column.column_type in (ColumnType.REPORT, ColumnType.OTHER) and n > 3:
            break


def _government(ctx: DemoContext, rng: random.Random) -> dict[str, Column]:
    gov, today, users = ctx.government, ctx.today, ctx.users
    b = _Builder(gov, users, "banli", "shenpi", "shenpi")
    columns: dict[str, Column] = {}
    for position, (name, ctype, top, owner, last_days, per_year) in enumerate(GOVERNMENT_COLUMNS):
        column = Column.objects.create(
            agency=gov,
            name=name,
            column_type=ctype,
            top_level=top,
            owner=users[owner] if owner else None,
            position=position,
        )
        columns[name] = column
        if name not in ("政策文件", "政策解读"):
            _fill_column(b, column, last_days, per_year, today, rng, "")

    # Policies, most with an interpretation published with them; two without.
    for k, (title, stem, interpreted) in enumerate(POLICIES):
        published_on = today - dt.timedelta(days=9 + 95 * k)
        policy = b.published(
            columns["政策文件"],
            "a01" if stem == "清政规" else ("a12" if "应急" in title else "a11"),
            title,
            published_on,
            doc_no=f"{stem}〔{published_on.year}〕{k + 3}号",
            is_policy=True,
        )
        if interpreted:
            b.published(
                columns["政策解读"],
                policy.category,
                f"《{title}》政策解读",
                published_on + dt.timedelta(days=1 + k % 2),
                interprets=policy,
            )
    # A repealed and an expired normative document.
    old = b.published(
        columns["政策文件"],
        "a01",
        "清河区城市道路挖掘管理办法",
        today - dt.timedelta(days=900),
        doc_no="清政规〔2021〕2号",
        is_policy=True,
        validity=Validity.REPEALED,
    )
    b.published(
        columns["政策解读"],
        "a01",
        "《清河区城市道路挖掘管理办法》政策解读",
        today - dt.timedelta(days=899),
        interprets=old,
    )
    old2 = b.published(
        columns["政策文件"],
        "a01",
        "清河区2022年稳经济促增长若干政策",
        today - dt.timedelta(days=1000),
        doc_no="清政发〔2022〕15号",
        is_policy=True,
        validity=Validity.EXPIRED,
    )
    b.published(
        columns["政策解读"],
        "a01",
        "图解：清河区2022年稳经济促增长若干政策",
        today - dt.timedelta(days=998),
        interprets=old2,
    )

    # The other 第二十条 categories, one item each (outside the monitored columns).
    for k, (category, pattern) in enumerate(CATEGORY_ITEMS):
        b.published(
            columns["通知公告"] if k % 2 else None,
            category,
            pattern.format(year=today.year - 1),
            today - dt.timedelta(days=30 + 11 * k),
        )

    # Two items published long after they were formed (第二十六条).
    b.published(
        columns["通知公告"],
        "a05",
        "清河区政务服务“一网通办”事项调整目录",
        today - dt.timedelta(days=70),
        formed_on=today - dt.timedelta(days=140),
    )
    b.published(
        columns["通知公告"],
        "a13",
        "清河区上半年安全生产监督检查情况通报",
        today - dt.timedelta(days=95),
        formed_on=today - dt.timedelta(days=160),
    )

    # Work in progress at each step of the workflow.
    draft = Item.objects.create(
        agency=gov,
        column=columns["通知公告"],
        category="a11",
        title="关于开展2026年度城乡居民医疗保险集中参保工作的通知",
        body="各街道、镇，区各有关部门：……",
        issuer=gov.name,
        formed_on=today - dt.timedelta(days=2),
        author=users["banli"],
    )
    draft.record_created(users["banli"])
    review = Item.objects.create(
        agency=gov,
        column=columns["重大建设项目"],
        category="a10",
        title="清河区东湖片区排水防涝工程批准信息",
        body="项目名称：清河区东湖片区排水防涝工程……",
        issuer=gov.name,
        formed_on=today - dt.timedelta(days=6),
        author=users["banli"],
    )
    review.record_created(users["banli"])
    review.submit(users["banli"])
    rejected = Item.objects.create(
        agency=gov,
        column=columns["人事信息"],
        category="a14",
        title="清河区2026年度考试录用公务员拟录用人员公示",
        body="拟录用人员名单（含身份证号）……",
        issuer=gov.name,
        formed_on=today - dt.timedelta(days=5),
        author=users["banli"],
    )
    rejected.record_created(users["banli"])
    rejected.submit(users["banli"])
    rejected.review(users["shenpi"], passed=False, reason="名单含完整身份证号码，涉及个人隐私，请删去后重新提交。")
    return columns


def _department(ctx: DemoContext, agency: Agency, staff_key: str | None, rng: random.Random) -> None:
    users = ctx.users
    author_key = staff_key or "banli"
    b = _Builder(agency, users, author_key, "banli" if author_key != "banli" else "shenpi", "shenpi")
    short = agency.name.removeprefix("清河区")
    for position, (name, ctype, top, last_days, per_year) in enumerate(DEPARTMENT_COLUMNS):
        owner = users[staff_key] if staff_key else None
        column = Column.objects.create(
            agency=agency, name=name, column_type=ctype, top_level=top, owner=owner, position=position
        )
        if ctype == ColumnType.REPORT:
            for year in range(ctx.today.year - 3, ctx.today.year):
                b.published(
                    column, "a15", f"{agency.name}{year}年政府信息公开工作年度报告", dt.date(year + 1, 1, 20 + year % 5)
                )
            continue
        _fill_column(b, column, last_days + rng.randint(0, 10), per_year, ctx.today, rng, short)


def load(ctx: DemoContext) -> None:
    rng = random.Random(20250101)
    columns = _government(ctx, rng)
    departments = {a.name: a for a in ctx.departments}
    _department(ctx, departments["清河区教育局"], "jiaoyu", rng)
    _department(ctx, departments["清河区市场监督管理局"], "shichang", rng)
    ctx.extra["catalogue_report_column"] = columns["政府信息公开年报"]
