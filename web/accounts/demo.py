"""The demo organisation: a district government with its departments and streets, and its people.

`load_demo` (management command) calls `load()` here first, then each app's `web.<app>.demo.load(ctx)`
in DEMO_APPS order, passing the `DemoContext` with the agencies and users created here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser

from web.accounts.models import Agency, AgencyKind, Membership, Role

DEMO_PASSWORD = "xxgk-demo-2025"
DEMO_GOVERNMENT = "江州市清河区人民政府"

DEPARTMENTS = (
    "清河区发展和改革局",
    "清河区教育局",
    "清河区财政局",
    "清河区人力资源和社会保障局",
    "清河区住房和城乡建设局",
    "清河区市场监督管理局",
    "清河区卫生健康委员会",
    "清河区应急管理局",
)
STREETS = ("清河区望江街道办事处", "清河区东湖镇人民政府")


@dataclass
class DemoContext:
    government: Agency
    departments: list[Agency]
    streets: list[Agency]
    users: dict[str, AbstractUser]
    today: dt.date
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def agencies(self) -> list[Agency]:
        return [self.government, *self.departments, *self.streets]


def _user(username: str, full_name: str, *, superuser: bool = False) -> AbstractUser:
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username)
    if created:
        user.first_name = full_name
        user.set_password(DEMO_PASSWORD)
        user.is_staff = superuser
        user.is_superuser = superuser
        user.save()
    return user


def load(today: dt.date) -> DemoContext:
    city, _ = Agency.objects.get_or_create(
        name="江州市人民政府", defaults={"kind": AgencyKind.GOVERNMENT, "region": "江州市", "region_code": "320800"}
    )
    gov, _ = Agency.objects.get_or_create(
        name=DEMO_GOVERNMENT,
        defaults={
            "kind": AgencyKind.GOVERNMENT,
            "parent": city,
            "short_name": "清河区政府",
            "region": "江州市清河区",
            "region_code": "320802",
            "office_name": "江州市清河区人民政府办公室（政务公开办）",
            "office_address": "江州市清河区人民路 1 号行政中心 3 楼 305 室",
            "office_hours": "工作日 8:30–12:00，14:00–17:30",
            "office_phone": "0517-83600000",
            "office_email": "zwgk@qinghe.example.gov.cn",
            "postal_code": "223001",
        },
    )
    departments = [
        Agency.objects.get_or_create(
            name=name,
            defaults={
                "kind": AgencyKind.DEPARTMENT,
                "parent": gov,
                "region": "江州市清河区",
                "office_name": f"{name}办公室",
                "office_phone": f"0517-836{i:05d}",
            },
        )[0]
        for i, name in enumerate(DEPARTMENTS, start=10)
    ]
    streets = [
        Agency.objects.get_or_create(
            name=name, defaults={"kind": AgencyKind.TOWNSHIP, "parent": gov, "region": "江州市清河区"}
        )[0]
        for name in STREETS
    ]
    users = {
        "admin": _user("admin", "系统管理员", superuser=True),
        "banli": _user("banli", "王敏"),  # 经办人, district government office
        "shenpi": _user("shenpi", "李强"),  # 负责人, district government office
        "jiandu": _user("jiandu", "陈静"),  # 政务公开办 supervisor over all departments and streets
        "jiaoyu": _user("jiaoyu", "赵磊"),  # 经办人, education bureau
        "shichang": _user("shichang", "孙丽"),  # 经办人, market regulation bureau
    }
    memberships = [
        (users["banli"], gov, Role.STAFF),
        (users["shenpi"], gov, Role.APPROVER),
        (users["jiandu"], gov, Role.SUPERVISOR),
        (users["jiaoyu"], departments[1], Role.STAFF),
        (users["shichang"], departments[5], Role.STAFF),
    ]
    for user, agency, role in memberships:
        Membership.objects.get_or_create(user=user, agency=agency, role=role)
    return DemoContext(government=gov, departments=departments, streets=streets, users=users, today=today)
