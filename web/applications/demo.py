"""Demo disclosure applications for the 清河区 organisation: a few hundred cases from 2024 to `ctx.today`,
all created through the domain actions (so every event is a valid transition), plus a handful of
reconsideration and litigation cases. Deterministic: one seeded random generator, dates from the calendar.

Outcome mix of the concluded cases, roughly: 40% 予以公开, 15% 部分公开, 20% 无法提供 (mostly 不掌握),
8% 不予公开 (various), 5% 不予处理, 7% 其他处理; cases received in the last weeks are still open, with a few
due within three working days and two overdue. Some cases go through 补正, third-party or other-agency
consultation, an approved extension, or a fee notice (a heavy applicant in 2025).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from web.accounts.models import Agency, AgencyKind
from web.applications import domain
from web.applications.choices import AgencyRole, ApplicantType, Outcome, ReceiptChannel, ReviewResult, ReviewRoute
from web.applications.letterdata import REPLY_TEXT
from web.applications.models import Application, ReviewCase
from web.calendar.adapter import build_calendar
from xxgk.identifiers import id_check_digit, uscc_check_char
from xxgk.workdays import CalendarYearMissing, WorkdayCalendar

SEED = 711  # 国务院令第711号
FIRST_DAY = dt.date(2024, 1, 2)
PER_YEAR = 160  # applications received per year across the district

OUTCOME_WEIGHTS: tuple[tuple[str, float], ...] = (
    (Outcome.GRANTED, 40),
    (Outcome.PARTIAL, 15),
    (Outcome.UNABLE_1, 15),
    (Outcome.UNABLE_2, 4),
    (Outcome.UNABLE_3, 1),
    (Outcome.REFUSED_3, 0.5),
    (Outcome.REFUSED_4, 2.5),
    (Outcome.REFUSED_5, 1.5),
    (Outcome.REFUSED_6, 2),
    (Outcome.REFUSED_7, 1),
    (Outcome.REFUSED_8, 0.5),
    (Outcome.NOT_PROCESSED_1, 2),
    (Outcome.NOT_PROCESSED_2, 1.5),
    (Outcome.NOT_PROCESSED_3, 0.5),
    (Outcome.NOT_PROCESSED_4, 0.5),
    (Outcome.NOT_PROCESSED_5, 0.5),
    (Outcome.OTHER_1, 2.5),
    (Outcome.OTHER_3, 4.5),
)
APPLICANT_WEIGHTS: tuple[tuple[str, float], ...] = (
    (ApplicantType.NATURAL_PERSON, 72),
    (ApplicantType.COMMERCIAL, 12),
    (ApplicantType.RESEARCH, 2),
    (ApplicantType.PUBLIC_WELFARE, 3),
    (ApplicantType.LEGAL_SERVICE, 7),
    (ApplicantType.OTHER_ORG, 4),
)
CHANNEL_WEIGHTS: tuple[tuple[str, float], ...] = (
    (ReceiptChannel.ONLINE, 42),
    (ReceiptChannel.IN_PERSON, 22),
    (ReceiptChannel.POST_SIGNED, 20),
    (ReceiptChannel.POST_UNSIGNED, 5),
    (ReceiptChannel.EMAIL, 6),
    (ReceiptChannel.FAX, 2),
    (ReceiptChannel.ORAL, 3),
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国文斌宇浩凯丹红梅鹏飞春雪晨阳辉琳欣怡子涵"
ORGS: dict[str, tuple[str, ...]] = {
    ApplicantType.COMMERCIAL: (
        "江州清源建设工程有限公司",
        "江州市恒信物业服务有限公司",
        "江州润禾农业科技有限公司",
        "清河区金桥商贸有限公司",
        "江州远航物流有限公司",
    ),
    ApplicantType.RESEARCH: ("江州大学公共管理学院", "江州市社会科学院"),
    ApplicantType.PUBLIC_WELFARE: ("江州市绿色家园环保志愿者协会", "清河区阳光助残服务中心"),
    ApplicantType.LEGAL_SERVICE: ("江苏清河律师事务所", "江州正衡律师事务所", "江州市法律援助中心"),
    ApplicantType.OTHER_ORG: ("清河区望江社区居民委员会", "江州市个体劳动者协会"),
}
ROADS = ("人民路", "淮海路", "清河大道", "望江路", "东湖路", "健康路", "学府路", "解放西路")
TOPICS: dict[str, tuple[str, ...]] = {
    "人民政府": (
        "{road}片区旧城改造项目的征收决定及补偿方案",
        "{year}年度区政府常务会议研究{road}拓宽工程的会议纪要",
        "{road}地块国有土地使用权出让的批准文件",
        "本区{year}年度重大行政决策事项目录",
        "{road}沿线违法建设拆除的决定书",
        "本区{year}年政府债务余额及使用情况",
    ),
    "发展和改革局": ("{road}综合管廊项目的立项批复和可行性研究报告批复", "本区{year}年重大项目投资计划"),
    "教育局": (
        "{year}年{road}小学学区划分的依据和会议记录",
        "{year}年度区教育局部门预算及“三公”经费明细",
        "区内民办培训机构的办学许可名单",
    ),
    "财政局": ("{year}年度区级财政预算执行情况", "{year}年{road}街区改造专项资金的拨付凭证"),
    "人力资源和社会保障局": ("{year}年公益性岗位招聘的录用名单", "某公司拖欠工资投诉的处理结果（{road}）"),
    "住房和城乡建设局": (
        "{road}小区加装电梯的审批材料",
        "{road}某楼盘的商品房预售许可证及规划许可材料",
        "{year}年保障性租赁住房分配名单",
    ),
    "市场监督管理局": (
        "对{road}某餐饮店的行政处罚决定书",
        "{year}年食品安全抽检结果",
        "某公司的企业登记档案（{road}）",
    ),
    "卫生健康委员会": ("{year}年度区属医院医疗服务价格公示", "{road}社区卫生服务中心的设置审批文件"),
    "应急管理局": ("{road}某仓库火灾事故的调查报告", "{year}年安全生产执法检查计划"),
    "街道": ("{road}社区{year}年低保对象名单", "{road}老旧小区改造的实施方案", "本街道{year}年度部门决算"),
    "镇人民政府": ("{road}村土地征收补偿款发放明细", "本镇{year}年宅基地审批名单"),
}


@dataclass
class Applicant:
    type: str
    name: str
    id_number: str


def _person_id(rng: random.Random) -> str:
    birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 55))
    body = f"3208{rng.randrange(1, 30):02d}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    return body + id_check_digit(body)


def _org_code(rng: random.Random, i: int) -> str:
    body = f"91320802MA{rng.randrange(0, 10**6):06d}{i % 10}"
    return body + uscc_check_char(body)


def _applicants(rng: random.Random) -> list[Applicant]:
    people = [
        Applicant(
            ApplicantType.NATURAL_PERSON,
            rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2)))),
            _person_id(rng),
        )
        for _ in range(110)
    ]
    orgs = [Applicant(kind, name, _org_code(rng, i)) for kind, names in ORGS.items() for i, name in enumerate(names)]
    return people + orgs


def _weighted(rng: random.Random, table: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def _topics(agency: Agency) -> tuple[str, ...]:
    for key, topics in TOPICS.items():
        if key in agency.name:
            return topics
    return TOPICS["人民政府"]


def _back(cal: WorkdayCalendar, day: dt.date, n: int) -> dt.date:
    """The date `n` working days before `day` (so that adding n working days to it gives `day` or later)."""
    while n > 0:
        day -= dt.timedelta(days=1)
        if cal.is_workday(day):
            n -= 1
    return day


class _Stop(Exception):
    """The next step would fall after the demo's today: the case stays open where it is."""


class _Builder:
    def __init__(self, ctx: Any, cal: WorkdayCalendar, rng: random.Random, end: dt.date) -> None:
        self.ctx, self.cal, self.rng, self.end = ctx, cal, rng, end
        users = ctx.users
        self.staff: dict[int, Any] = {ctx.government.pk: users.get("banli")}
        if len(ctx.departments) > 5:
            self.staff[ctx.departments[1].pk] = users.get("jiaoyu")
            self.staff[ctx.departments[5].pk] = users.get("shichang")
        self.approver = users.get("shenpi")
        self.count = 0
        self.by_applicant: dict[tuple[int, str], list[Application]] = {}

    def actor(self, case: Application) -> Any:
        return self.staff.get(case.agency_id) or self.staff[self.ctx.government.pk]

    def at(self, base: dt.date, n: int) -> dt.date:
        day = self.cal.add_working_days(base, n)
        if day > self.end:
            raise _Stop
        return day

    def register(self, agency: Agency, applicant: Applicant, received: dt.date, description: str) -> Application:
        rng = self.rng
        channel = _weighted(rng, CHANNEL_WEIGHTS)
        dates: dict[str, dt.date] = {}
        if channel in (ReceiptChannel.IN_PERSON, ReceiptChannel.ORAL):
            dates["submitted_on"] = received
        elif channel == ReceiptChannel.POST_SIGNED:
            dates["signed_on"] = received
        elif channel == ReceiptChannel.EMAIL:
            dates["arrived_on"] = received
        else:  # online, fax, ordinary letter: the date both sides confirm
            dates["confirmed_on"] = received
            dates["arrived_on" if channel == ReceiptChannel.POST_UNSIGNED else "submitted_on"] = (
                received - dt.timedelta(days=rng.choice((0, 0, 1)))
            )
        natural = applicant.type == ApplicantType.NATURAL_PERSON
        case = Application(
            agency=agency,
            applicant_type=applicant.type,
            applicant_name=applicant.name,
            id_number=applicant.id_number,
            legal_representative="" if natural else rng.choice(SURNAMES) + rng.choice(GIVEN),
            contact_name=applicant.name if natural else rng.choice(SURNAMES) + rng.choice(GIVEN),
            phone=f"13{rng.randrange(0, 10)}{rng.randrange(0, 10**8):08d}",
            address=f"江州市清河区{rng.choice(ROADS)}{rng.randrange(1, 300)}号",
            postal_code="223001",
            description=description,
            form_wanted=rng.choice(("paper", "paper", "electronic", "electronic", "inspection")),
            delivery_wanted=rng.choice(("post", "email", "pickup", "online")),
            channel=channel,
            handler=self.staff.get(agency.pk),
            **dates,
        )
        domain.register(case, self.actor(case))
        self.count += 1
        self.by_applicant.setdefault((agency.pk, applicant.id_number), []).append(case)
        return case

    def run(self, case: Application, outcome: str, *, fee: bool = False) -> None:
        """Take the case through a plausible history towards `outcome`, stopping at the demo's today."""
        rng, cal = self.rng, self.cal
        who = self.actor(case)
        try:
            last = case.received_on
            if outcome in (Outcome.OTHER_1, Outcome.UNABLE_3) or rng.random() < 0.05:
                asked = self.at(last, rng.randint(1, 5))
                domain.request_correction(case, who, self._correction_items(), asked, period_days=10, calendar=cal)
                if outcome == Outcome.OTHER_1:
                    domain.lapse_correction(case, who, self.at(asked, 11), calendar=cal, document_ref="补正逾期登记")
                    return
                last = self.at(asked, rng.randint(2, 8))
                domain.receive_correction(case, who, last)
            if outcome == Outcome.OTHER_3 and rng.random() < 0.6:
                domain.withdraw(case, who, self.at(last, rng.randint(1, 6)), note="申请人来电表示已通过其他途径获取")
                return
            if outcome in (Outcome.PARTIAL, Outcome.REFUSED_4) and rng.random() < 0.4:
                start = self.at(last, rng.randint(2, 6))
                domain.start_third_party_consultation(case, who, start, party="相关企业", document_ref="征询函")
                last = self.at(start, rng.randint(6, 15))
                domain.end_third_party_consultation(case, who, last)
            elif rng.random() < 0.03:
                start = self.at(last, rng.randint(2, 6))
                domain.start_agency_consultation(case, who, start, party="区自然资源和规划局")
                last = self.at(start, rng.randint(3, 10))
                domain.end_agency_consultation(case, who, last)
            if fee:
                notice = self.at(last, rng.randint(1, 3))
                domain.notify_fee(case, who, "per_request", notice, document_ref="收费通知")
                if outcome == Outcome.OTHER_2:
                    view = case.view()
                    due = view.fee_due(cal)
                    assert due is not None
                    domain.lapse_fee(case, who, self.at(due, 1), calendar=cal)
                    return
                last = self.at(notice, rng.randint(3, 12))
                domain.record_fee_paid(case, who, last)
            due = case.due_date(cal)
            assert due is not None
            if case.agency_id == self.ctx.government.pk and self.approver and rng.random() < 0.08:
                day = _back(cal, due, rng.randint(1, 3))
                if day > last:
                    if day > self.end:
                        raise _Stop
                    domain.approve_extension(case, who, self.approver, rng.choice((10, 15, 20)), day, calendar=cal)
                    last = day
                    due = case.due_date(cal)
                    assert due is not None
            room = max(1, cal.working_days_between(last, due))
            decided = self.at(last, rng.randint(1, room))
            article, _ = REPLY_TEXT[outcome]
            domain.decide(case, who, outcome, article, decided, document_ref=f"答复书〔{decided.year}〕{self.count}号")
            if rng.random() < 0.8:
                domain.close(case, who, self.at(decided, rng.randint(1, 5)))
        except _Stop:
            pass

    def _correction_items(self) -> list[str]:
        pool = [
            "请明确所需政府信息的名称或文号",
            "请说明所需信息的形成时间段",
            "请提供身份证明复印件",
            "请明确“相关材料”具体指哪些文件",
            "请说明所涉项目的具体位置",
        ]
        return self.rng.sample(pool, self.rng.randint(1, 3))


def _end_date(ctx: Any, cal: WorkdayCalendar) -> dt.date:
    end = ctx.today - dt.timedelta(days=1)
    last_known = dt.date(max(cal.years), 12, 31) if cal.years else FIRST_DAY
    return min(end, last_known)


def load(ctx: Any) -> None:
    rng = random.Random(SEED)
    cal = build_calendar()
    try:
        cal.require_year(FIRST_DAY.year)
    except CalendarYearMissing:
        return  # no calendar, no deadlines: the demo cannot be built honestly
    end = _end_date(ctx, cal)
    if end <= FIRST_DAY:
        return
    builder = _Builder(ctx, cal, rng, end)
    applicants = _applicants(rng)
    agencies: list[Agency] = ctx.agencies
    weights = [
        6 if a.kind == AgencyKind.GOVERNMENT else 1.2 if a.kind == AgencyKind.DEPARTMENT else 0.8 for a in agencies
    ]

    days = (end - FIRST_DAY).days
    total = int(days / 365 * PER_YEAR)
    received = sorted(FIRST_DAY + dt.timedelta(days=rng.randrange(0, days)) for _ in range(total))
    plan = []
    for day in received:
        while not cal.is_workday(day):  # registered on the next working day
            day += dt.timedelta(days=1)
        if day > end:
            continue
        agency = rng.choices(agencies, weights=weights)[0]
        kind = _weighted(rng, APPLICANT_WEIGHTS)
        pool = [a for a in applicants if a.type == kind]
        # a few frequent applicants file more often than others
        applicant = (
            pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)]
            if kind == ApplicantType.NATURAL_PERSON and rng.random() < 0.3
            else rng.choice(pool)
        )
        plan.append((day, agency, applicant, _weighted(rng, OUTCOME_WEIGHTS)))

    for day, agency, applicant, outcome in plan:
        earlier = builder.by_applicant.get((agency.pk, applicant.id_number))
        if outcome == Outcome.NOT_PROCESSED_2 and earlier:
            description = earlier[-1].description  # the same request again
        else:
            if outcome == Outcome.NOT_PROCESSED_2:
                outcome = Outcome.GRANTED
            description = "请公开" + rng.choice(_topics(agency)).format(
                road=rng.choice(ROADS), year=day.year - rng.choice((0, 0, 1))
            )
        case = builder.register(agency, applicant, day, description)
        builder.run(case, outcome)

    _heavy_applicant(builder, applicants[0], ctx.government)
    _due_soon_and_overdue(builder, applicants, ctx.government, ctx.departments)
    _review_cases(ctx, end)


def _heavy_applicant(builder: _Builder, applicant: Applicant, government: Agency) -> None:
    """One person files 14 requests in June 2025: from the 11th on a 按件 fee notice (100 元 each); one of
    them is never paid (→ （六）2)."""
    cal = builder.cal
    day = dt.date(2025, 6, 2)
    if day > builder.end:
        return
    for i in range(14):
        while not cal.is_workday(day):
            day += dt.timedelta(days=1)
        if day > builder.end:
            return
        topic = f"请公开清河区{ROADS[i % len(ROADS)]}沿线第{i + 1}号地块的规划许可及验收材料"
        case = builder.register(government, applicant, day, topic)
        if i >= 10:
            builder.run(case, Outcome.OTHER_2 if i == 12 else Outcome.GRANTED, fee=True)
        else:
            builder.run(case, Outcome.GRANTED)
        day += dt.timedelta(days=1)


def _due_soon_and_overdue(
    builder: _Builder, applicants: list[Applicant], government: Agency, departments: list[Agency]
) -> None:
    """Open cases due in 1, 2, 3 and 5 working days, and two left past their deadline."""
    cal = builder.cal
    today = builder.end + dt.timedelta(days=1)
    try:
        cal.require_year(today.year)
    except CalendarYearMissing:
        return
    soon = departments[1] if len(departments) > 1 else government
    for k, agency in ((1, government), (2, government), (3, soon), (5, government)):
        _plain_case(builder, applicants, agency, _back(cal, cal.add_working_days(today, k), 20))
    for k, agency in ((27, government), (24, departments[0] if departments else government)):
        _plain_case(builder, applicants, agency, _back(cal, today, k))


def _plain_case(builder: _Builder, applicants: list[Applicant], agency: Agency, received: dt.date) -> None:
    """A received case with nothing done yet: its reply deadline is 20 working days after `received`."""
    rng = builder.rng
    topic = rng.choice(_topics(agency)).format(road=rng.choice(ROADS), year=received.year)
    builder.register(agency, rng.choice(applicants[:100]), received, "请公开" + topic)


def _review_cases(ctx: Any, end: dt.date) -> None:
    gov = ctx.government
    depts = ctx.departments
    housing = next((d for d in depts if "住房" in d.name), gov)
    education = next((d for d in depts if "教育" in d.name), gov)
    D = dt.date
    rows = [
        (
            gov,
            ReviewRoute.REVIEW,
            AgencyRole.ORIGINAL,
            D(2024, 3, 12),
            D(2024, 5, 20),
            ReviewResult.UPHELD,
            "江州市人民政府",
        ),
        (
            gov,
            ReviewRoute.REVIEW,
            AgencyRole.ORIGINAL,
            D(2024, 8, 5),
            D(2024, 10, 18),
            ReviewResult.CORRECTED,
            "江州市人民政府",
        ),
        (
            gov,
            ReviewRoute.DIRECT,
            AgencyRole.ORIGINAL,
            D(2024, 11, 4),
            D(2025, 4, 10),
            ReviewResult.UPHELD,
            "江州市清河区人民法院",
        ),
        (
            gov,
            ReviewRoute.AFTER_REVIEW,
            AgencyRole.ORIGINAL,
            D(2025, 2, 17),
            D(2025, 6, 30),
            ReviewResult.OTHER,
            "江州市中级人民法院",
        ),
        (gov, ReviewRoute.REVIEW, AgencyRole.ORIGINAL, D(2025, 11, 20), None, ReviewResult.PENDING, "江州市人民政府"),
        # the district government as review body sued together with its department: only the department counts it
        (
            gov,
            ReviewRoute.AFTER_REVIEW,
            AgencyRole.REVIEW_BODY_CODEFENDANT,
            D(2025, 5, 6),
            D(2025, 9, 1),
            ReviewResult.UPHELD,
            "江州市清河区人民法院",
        ),
        (
            housing,
            ReviewRoute.AFTER_REVIEW,
            AgencyRole.ORIGINAL,
            D(2025, 5, 6),
            D(2025, 9, 1),
            ReviewResult.UPHELD,
            "江州市清河区人民法院",
        ),
        (
            housing,
            ReviewRoute.REVIEW,
            AgencyRole.ORIGINAL,
            D(2024, 6, 3),
            D(2024, 8, 2),
            ReviewResult.UPHELD,
            "江州市清河区人民政府",
        ),
        (
            education,
            ReviewRoute.DIRECT,
            AgencyRole.ORIGINAL,
            D(2025, 7, 14),
            D(2025, 12, 19),
            ReviewResult.CORRECTED,
            "江州市清河区人民法院",
        ),
        (
            education,
            ReviewRoute.REVIEW,
            AgencyRole.ORIGINAL,
            D(2026, 3, 9),
            None,
            ReviewResult.PENDING,
            "江州市清河区人民政府",
        ),
    ]
    for n, (agency, route, role, filed, concluded, result, body) in enumerate(rows, start=1):
        if filed > end:
            continue
        if concluded is not None and concluded > end:
            concluded, result = None, ReviewResult.PENDING
        application = Application.objects.filter(agency=agency, received_on__lt=filed).order_by("-received_on").first()
        ReviewCase.objects.create(
            agency=agency,
            application=application,
            route=route,
            agency_role=role,
            case_number=f"（{filed.year}）清政复字第{n}号"
            if route == ReviewRoute.REVIEW
            else f"（{filed.year}）苏0802行初{n}号",
            body=body,
            filed_on=filed,
            concluded_on=concluded,
            result=result,
        )
