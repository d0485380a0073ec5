"""Load scenario for the xxgk web system (run by bench/bench_load.py against a server on 127.0.0.1 only).

User classes (pick them by name on the locust command line):
- `HealthUser`: polls the trivial `/healthz` view, the baseline every page is compared with;
- `PublicUser`: the portal (home, an agency, its catalogue with searches, an item page, the guide) and
  online applications with distinct, valid applicant data (each one a new ID number and phone);
- `StaffUser`: logs in as a demo clerk and opens the dashboards (cases, catalogue, report board, audits)
  and recompiles a draft annual report from the records (the heaviest request).

The environment gives the demo password (`XXGK_LOAD_PASSWORD`), the staff user (`XXGK_LOAD_STAFF`), and the
draft report to recompile (`XXGK_LOAD_REPORT`). A response other than the expected one is a failure.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import random
import re
from typing import Any

from locust import HttpUser, constant, task

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
AGENCY_LINK = re.compile(r'href="/gk/(\d+)/"')
ITEM_LINK = re.compile(r'href="/gk/(\d+)/xxgk/(\d+)/"')
AGENCY_OPTION = re.compile(r'<option value="(\d+)"')
SEARCH_WORDS = ("通知", "规划", "预算", "公告", "办法", "教育", "市场", "2025", "政策解读", "招聘")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
# Think time between a user's requests; 0 (the default) measures capacity.
THINK_SECONDS = float(os.environ.get("XXGK_LOAD_THINK", "0"))
_serial = itertools.count(int(os.environ.get("XXGK_LOAD_SERIAL_START", "0")))


def identity_number(serial: int) -> str:
    """A valid 18-digit resident ID number, different for every serial (GB 11643 check digit)."""
    born = dt.date(1950, 1, 1) + dt.timedelta(days=serial % 18000)
    body = f"110105{born:%Y%m%d}{serial % 1000:03d}"
    total = sum(int(c) * w for c, w in zip(body, ID_WEIGHTS, strict=True))
    return body + ID_CHECK[total % 11]


def csrf_token(html: str) -> str:
    found = CSRF.search(html)
    if not found:
        raise RuntimeError("页面中没有 CSRF 令牌")
    return found.group(1)


class HealthUser(HttpUser):
    wait_time = constant(THINK_SECONDS)

    @task
    def healthz(self) -> None:
        self.client.get("/healthz", name="healthz")


class PublicUser(HttpUser):
    weight = 3
    wait_time = constant(THINK_SECONDS)
    agencies: list[str]
    items: list[tuple[str, str]]

    def on_start(self) -> None:
        home = self.client.get("/", name="portal: 首页")
        self.agencies = sorted(set(AGENCY_LINK.findall(home.text))) or ["1"]
        self.items = []
        for agency in self.agencies[:3]:
            page = self.client.get(f"/gk/{agency}/xxgk/", name="portal: 目录")
            self.items.extend(ITEM_LINK.findall(page.text))

    @task(3)
    def home(self) -> None:
        self.client.get("/", name="portal: 首页")

    @task(3)
    def agency(self) -> None:
        self.client.get(f"/gk/{random.choice(self.agencies)}/", name="portal: 机关")

    @task(4)
    def search(self) -> None:
        agency = random.choice(self.agencies)
        self.client.get(f"/gk/{agency}/xxgk/", params={"q": random.choice(SEARCH_WORDS)}, name="portal: 目录搜索")

    @task(3)
    def item(self) -> None:
        if self.items:
            agency, item = random.choice(self.items)
            self.client.get(f"/gk/{agency}/xxgk/{item}/", name="portal: 信息")

    @task(1)
    def guide(self) -> None:
        self.client.get(f"/gk/{random.choice(self.agencies)}/guide/", name="portal: 公开指南")

    @task(2)
    def apply(self) -> None:
        form = self.client.get("/apply/", name="apply: 申请表")
        agencies = AGENCY_OPTION.findall(form.text) or self.agencies
        serial = next(_serial)
        data: dict[str, Any] = {
            "csrfmiddlewaretoken": csrf_token(form.text),
            "agency": random.choice(agencies),
            "applicant_type": "natural_person",
            "applicant_name": f"压测申请人{serial}",
            "id_number": identity_number(serial),
            "phone": f"139{serial:08d}",
            "email": f"load{serial}@example.com",
            "address": f"江州市清河区测试路{serial}号",
            "description": f"请公开本机关{random.choice(SEARCH_WORDS)}相关文件（压测 {serial}）",
            "delivery_form": "electronic",
            "delivery_channel": "email",
            "confirm": "on",
        }
        with self.client.post(
            "/apply/", data=data, name="apply: 提交申请", allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 302 or not response.headers.get("Location", "").endswith("/apply/done/"):
                response.failure(f"提交申请未成功：HTTP {response.status_code}")
                return
            response.success()
        done = self.client.get("/apply/done/", name="apply: 回执")
        if "受理编号" not in done.text:
            done.failure("回执页没有受理编号")  # type: ignore[attr-defined]


class StaffUser(HttpUser):
    weight = 1
    wait_time = constant(THINK_SECONDS)

    def on_start(self) -> None:
        login = self.client.get("/accounts/login/", name="staff: 登录页")
        with self.client.post(
            "/accounts/login/",
            data={
                "csrfmiddlewaretoken": csrf_token(login.text),
                "username": os.environ.get("XXGK_LOAD_STAFF", "banli"),
                "password": os.environ["XXGK_LOAD_PASSWORD"],
            },
            name="staff: 登录",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"登录失败：HTTP {response.status_code}")

    @task(3)
    def cases(self) -> None:
        self.client.get("/work/cases/", name="staff: 申请办理看板")

    @task(2)
    def case_list(self) -> None:
        self.client.get("/work/cases/list/", name="staff: 申请列表")

    @task(2)
    def catalogue(self) -> None:
        self.client.get("/work/catalogue/", name="staff: 主动公开看板")

    @task(2)
    def reports(self) -> None:
        self.client.get("/work/reports/", name="staff: 年度报告")

    @task(1)
    def audits(self) -> None:
        self.client.get("/work/audits/", name="staff: 批量审查")

    @task(1)
    def recompile(self) -> None:
        report = os.environ.get("XXGK_LOAD_REPORT")
        if not report:
            return
        page = self.client.get(f"/work/reports/{report}/", name="staff: 年报详情")
        with self.client.post(
            f"/work/reports/{report}/recompile/",
            data={"csrfmiddlewaretoken": csrf_token(page.text)},
            name="staff: 年报重新编制",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"重新编制未成功：HTTP {response.status_code}")
